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

import dev.outlay.connectors.azure.AzureExportManifest;

import java.io.InputStream;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Where a connection's Cost Management export runs are read from: a storage container ({@link AzureBlobExports},
 * the Azure SDK) or files already in hand ({@link AzureExportFiles}: the demo's generated exports). Both lay runs out
 * as Azure does, so {@link AzureExportPeriod} picks runs, checks manifests and maps rows the same way for either.
 */
public interface AzureExportStore {

    AzureBlobLocation location();

    /** The manifest of the newest run of {@code month} of an export, or empty when the month has no run yet. */
    Optional<AzureExportManifest> newestRun(String exportName, YearMonth month);

    /** Streams one data blob (gzip and Parquet are recognised by the reader, not by the name). */
    InputStream open(String blobName);
}
