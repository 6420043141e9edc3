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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlay.connectors.azure.AzureExportRuns;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/**
 * Writes one export run as Cost Management lays it out: the data blobs (each a CSV with its header) under
 * {@code <prefix>/<export>/<yyyyMMdd-yyyyMMdd>/<run>/<runId>/part_0_000N.csv}, and a {@code manifest.json} listing them with
 * their row counts and the export's type. The demo generates its Azure exports with it; same inputs, same bytes.
 */
public final class AzureExportRunWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AzureExportRunWriter() {
    }

    /**
     * @param type    {@code ActualCost}, {@code AmortizedCost} or {@code FocusCost}
     * @param runTime the run's folder, {@code yyyyMMddHHmm} (a later run of the period replaces an earlier one)
     * @param parts   the data blobs' CSV text, each with its header
     */
    public static void write(AzureExportFiles files, String exportName, String type, YearMonth month, String runTime,
                             String billingAccount, List<String> parts) {
        AzureBlobLocation loc = files.location();
        String runId = "00000000-0000-4000-8000-" + runTime;
        String folder = loc.exportRoot(exportName) + "/" + AzureExportRuns.periodFolder(month) + "/" + runTime + "/" + runId;
        ArrayNode blobs = JSON.createArrayNode();
        long total = 0;
        long bytesTotal = 0;
        for (int i = 0; i < parts.size(); i++) {
            String name = folder + "/part_0_" + String.format("%04d", i + 1) + ".csv";
            byte[] bytes = parts.get(i).getBytes(StandardCharsets.UTF_8);
            files.put(name, bytes);
            long rows = parts.get(i).lines().filter(l -> !l.isBlank()).count() - 1;
            total += rows;
            bytesTotal += bytes.length;
            blobs.addObject().put("blobName", name).put("byteCount", bytes.length).put("dataRowCount", rows);
        }
        ObjectNode m = JSON.createObjectNode();
        m.put("manifestVersion", "2024-04-01").put("byteCount", bytesTotal).put("blobCount", parts.size()).put("dataRowCount", total);
        m.putObject("exportConfig").put("exportName", exportName)
                .put("resourceId", "/providers/Microsoft.Billing/billingAccounts/" + billingAccount)
                .put("dataVersion", type.equals("FocusCost") ? "1.0" : "2021-10-01").put("apiVersion", "2023-07-01-preview")
                .put("type", type).put("timeFrame", "MonthToDate").put("granularity", "Daily");
        m.putObject("deliveryConfig").put("partitionData", parts.size() > 1).put("dataOverwriteBehavior", "CreateNewReport")
                .put("fileFormat", "Csv").put("compressionMode", "None").put("containerUri", "/" + loc.container())
                .put("rootFolderPath", loc.prefix());
        m.putObject("runInfo").put("executionType", "Scheduled")
                .put("submittedTime", runTime.substring(0, 4) + "-" + runTime.substring(4, 6) + "-" + runTime.substring(6, 8) + "T"
                        + runTime.substring(8, 10) + ":" + runTime.substring(10, 12) + ":00Z")
                .put("runId", runId).put("startDate", month.atDay(1) + "T00:00:00").put("endDate", month.atEndOfMonth() + "T00:00:00");
        m.set("blobs", blobs);
        files.put(folder + "/manifest.json", m.toString().getBytes(StandardCharsets.UTF_8));
    }
}
