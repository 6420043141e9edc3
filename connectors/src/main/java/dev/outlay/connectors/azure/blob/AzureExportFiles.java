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

import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.azure.AzureExportManifest;
import dev.outlay.connectors.azure.AzureExportRuns;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Export runs held in memory, named by blob path as Azure lays them out in the container
 * ({@code <prefix>/<export>/<yyyyMMdd-yyyyMMdd>/<run>/<guid>/manifest.json} and the data blobs it lists). Tests load
 * them through {@link AzureExportPeriod} exactly as a polled container would be loaded (only the transport differs),
 * and the demo generates its Azure exports here before its stub serves them as a container.
 */
public final class AzureExportFiles implements AzureExportStore {

    private final AzureBlobLocation location;
    private final Map<String, byte[]> blobs = new TreeMap<>();

    public AzureExportFiles(AzureBlobLocation location) {
        this.location = location;
    }

    /** Adds or replaces one blob. */
    public AzureExportFiles put(String blobName, byte[] bytes) {
        blobs.put(blobName, bytes.clone());
        return this;
    }

    /** The blob names, sorted (as a container lists them). */
    public java.util.SortedSet<String> names() {
        return java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(blobs.keySet()));
    }

    /** One blob's bytes (a copy), if present. */
    public Optional<byte[]> bytes(String blobName) {
        byte[] b = blobs.get(blobName);
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    @Override
    public AzureBlobLocation location() {
        return location;
    }

    @Override
    public Optional<AzureExportManifest> newestRun(String exportName, YearMonth month) {
        Optional<String> manifest = AzureExportRuns.newestManifest(blobs.keySet(), location.exportRoot(exportName), month);
        return manifest.map(m -> AzureExportManifest.parse(location.where(m), blobs.get(m)));
    }

    @Override
    public InputStream open(String blobName) {
        byte[] b = blobs.get(blobName);
        if (b == null) {
            throw new SourceFormatException(location.where(blobName), 0, 0, null, "a blob the manifest lists does not exist");
        }
        return new ByteArrayInputStream(b);
    }
}
