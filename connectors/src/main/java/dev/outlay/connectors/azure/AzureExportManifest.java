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
package dev.outlay.connectors.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.connectors.SourceFormatException;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code manifest.json} Cost Management writes next to each export run. Ingestion is driven by it, not by the
 * blob path (the folder under the run differs between export API versions): it names the run's data blobs
 * ({@code blobs[].blobName}, relative to the container), their row counts and the dataset. A manifest whose counts
 * disagree with themselves is refused here; {@link #checkRowsRead} refuses one that disagrees with what was read.
 *
 * @param fingerprint sha-256 of the manifest bytes: a rerun of the same period writes a new manifest
 */
public record AzureExportManifest(String manifestBlob, String exportName, String resourceId, String type,
                                  String dataVersion, String runId, String submittedTime, String startDate,
                                  String endDate, boolean partitioned, long dataRowCount, List<Blob> blobs,
                                  String fingerprint) {

    public record Blob(String blobName, long dataRowCount, long byteCount) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public AzureExportManifest {
        blobs = List.copyOf(blobs);
    }

    /** The dataset of an actual/amortized export; null for other types (e.g. {@code FocusCost}, loaded as focus). */
    public AzureDataset dataset() {
        for (AzureDataset d : AzureDataset.values()) if (d.exportType().equalsIgnoreCase(type)) return d;
        return null;
    }

    public static AzureExportManifest parse(String manifestBlob, byte[] bytes) {
        JsonNode m;
        try {
            m = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new SourceFormatException(manifestBlob, 0, 0, null, "manifest is not valid JSON: " + e.getMessage(), e);
        }
        if (m == null || !m.isObject()) throw new SourceFormatException(manifestBlob, 0, 0, null, "manifest is not a JSON object");
        JsonNode export = m.path("exportConfig");
        JsonNode run = m.path("runInfo");
        JsonNode blobsNode = m.path("blobs");
        if (!blobsNode.isArray()) throw new SourceFormatException(manifestBlob, 0, 0, "blobs", "manifest has no blobs array");
        List<Blob> blobs = new ArrayList<>();
        long sum = 0;
        for (JsonNode b : blobsNode) {
            String name = b.path("blobName").asText(null);
            if (name == null || name.isBlank()) throw new SourceFormatException(manifestBlob, 0, 0, "blobs[].blobName", "a listed blob has no blobName");
            long rows = count(manifestBlob, b, "dataRowCount", "blobs[].dataRowCount");
            sum += rows;
            blobs.add(new Blob(name, rows, b.path("byteCount").asLong(-1)));
        }
        long total = count(manifestBlob, m, "dataRowCount", "dataRowCount");
        if (m.has("blobCount") && m.get("blobCount").asLong() != blobs.size()) {
            throw new SourceFormatException(manifestBlob, 0, 0, "blobCount", "manifest says blobCount " + m.get("blobCount").asLong()
                    + " but lists " + blobs.size() + " blobs");
        }
        if (sum != total) {
            throw new SourceFormatException(manifestBlob, 0, 0, "dataRowCount", "manifest says dataRowCount " + total
                    + " but its blobs add up to " + sum);
        }
        try {
            String fp = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new AzureExportManifest(manifestBlob, export.path("exportName").asText(null), export.path("resourceId").asText(null),
                    export.path("type").asText(null), export.path("dataVersion").asText(null), run.path("runId").asText(null),
                    run.path("submittedTime").asText(null), run.path("startDate").asText(null), run.path("endDate").asText(null),
                    m.path("deliveryConfig").path("partitionData").asBoolean(blobs.size() > 1), total, blobs, fp);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Refuses the run when the rows read from its blobs are not the rows it promises (a blob cut short or
     * rewritten during the read); the caller then loads nothing.
     */
    public void checkRowsRead(long rowsRead) {
        if (rowsRead != dataRowCount) {
            throw new SourceFormatException(manifestBlob, 0, 0, "dataRowCount", "manifest promises " + dataRowCount
                    + " data rows but " + rowsRead + " were read from its blobs; nothing loaded");
        }
    }

    private static long count(String file, JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || v.asLong() < 0) {
            throw new SourceFormatException(file, 0, 0, where, "manifest field " + where + " must be a non-negative integer");
        }
        return v.asLong();
    }
}
