/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.azure.blob;

/**
 * Which exports of a container a connection loads: an actual + amortized pair (billed cost from the actual
 * export, effective cost from the amortized one), or one FOCUS export (which carries both measures itself).
 * Names are the export names, i.e. the folders under the location's prefix.
 */
public record AzureExportSelection(String actualExport, String amortizedExport, String focusExport) {

    public static AzureExportSelection pair(String actualExport, String amortizedExport) {
        return new AzureExportSelection(actualExport, amortizedExport, null);
    }

    public static AzureExportSelection focus(String focusExport) {
        return new AzureExportSelection(null, null, focusExport);
    }

    public boolean isFocus() {
        return focusExport != null;
    }
}
