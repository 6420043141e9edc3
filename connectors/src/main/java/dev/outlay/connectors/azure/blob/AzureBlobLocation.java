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

import java.net.URI;

/**
 * Where an account's Cost Management exports land: the blob endpoint ({@code https://<account>.blob.core.windows.net},
 * or an emulator's {@code http://127.0.0.1:<port>/<account>}), the container and the root folder the exports were
 * configured with. Exports sit under {@code <prefix>/<exportName>/}.
 */
public record AzureBlobLocation(String account, URI endpoint, String container, String prefix) {

    public AzureBlobLocation {
        prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
    }

    /** The public endpoint of a storage account. */
    public static URI publicEndpoint(String account) {
        return URI.create("https://" + account + ".blob.core.windows.net");
    }

    /** The folder of one export, relative to the container. */
    public String exportRoot(String exportName) {
        return prefix.isEmpty() ? exportName : prefix + "/" + exportName;
    }

    /** How problems name a blob: {@code azure://<account>/<container>/<name>}. */
    public String where(String blobName) {
        return "azure://" + account + "/" + container + (blobName == null || blobName.isEmpty() ? "" : "/" + blobName);
    }
}
