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

import dev.outlay.connectors.SourceFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export manifests (partitioned runs, self-consistency, rows read) and the choice of a period's newest run. */
class AzureExportManifestTest {

    static final String ROOT = "exports/costs/daily-amortized";

    static String manifest(String runId, long total, String blobs, int blobCount) {
        return """
                {"exportConfig":{"exportName":"daily-amortized","resourceId":"/providers/Microsoft.Billing/billingAccounts/8611537",
                  "type":"AmortizedCost","dataVersion":"2023-12-01-preview","timeFrame":"MonthToDate"},
                 "deliveryConfig":{"partitionData":true,"fileFormat":"Csv","compressionMode":"gzip"},
                 "runInfo":{"runId":"%s","executionType":"Scheduled","submittedTime":"2024-09-05T03:01:00Z",
                  "startDate":"2024-09-01T00:00:00","endDate":"2024-09-30T00:00:00"},
                 "blobCount":%d,"dataRowCount":%d,"blobs":[%s]}""".formatted(runId, blobCount, total, blobs);
    }

    static final String TWO_PARTS = "{\"blobName\":\"" + ROOT + "/20240901-20240930/202409050301/r1/part_0_0001.csv.gz\",\"dataRowCount\":5,\"byteCount\":900},"
            + "{\"blobName\":\"" + ROOT + "/20240901-20240930/202409050301/r1/part_1_0001.csv.gz\",\"dataRowCount\":4,\"byteCount\":800}";

    @Test
    void partitionedManifestListsItsBlobsAndChecksRowsRead() {
        byte[] bytes = manifest("r1", 9, TWO_PARTS, 2).getBytes(StandardCharsets.UTF_8);
        AzureExportManifest m = AzureExportManifest.parse("m.json", bytes);
        assertEquals(AzureDataset.AMORTIZED, m.dataset());
        assertTrue(m.partitioned());
        assertEquals(2, m.blobs().size());
        assertEquals(9, m.dataRowCount());
        assertTrue(m.blobs().get(1).blobName().endsWith("part_1_0001.csv.gz"));
        m.checkRowsRead(9);
        SourceFormatException e = assertThrows(SourceFormatException.class, () -> m.checkRowsRead(8));
        assertEquals("m.json", e.file());
        assertEquals("dataRowCount", e.columnName());
        assertTrue(e.getMessage().contains("promises 9") && e.getMessage().contains("8 were read"), e.getMessage());
        assertNotEquals(m.fingerprint(), AzureExportManifest.parse("m.json", manifest("r2", 9, TWO_PARTS, 2).getBytes(StandardCharsets.UTF_8)).fingerprint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "total disagrees with its blobs | 10 | 2 | dataRowCount",
            "blobCount disagrees with the list | 9 | 3 | blobCount",
    })
    void inconsistentManifestIsRefused(String name, long total, int blobCount, String field) {
        SourceFormatException e = assertThrows(SourceFormatException.class,
                () -> AzureExportManifest.parse("m.json", manifest("r1", total, TWO_PARTS, blobCount).getBytes(StandardCharsets.UTF_8)));
        assertEquals(field, e.columnName());
    }

    @Test
    void malformedManifestsNameWhatIsWrong() {
        assertEquals("blobs", assertThrows(SourceFormatException.class,
                () -> AzureExportManifest.parse("m.json", "{\"dataRowCount\":0}".getBytes(StandardCharsets.UTF_8))).columnName());
        assertEquals("blobs[].blobName", assertThrows(SourceFormatException.class,
                () -> AzureExportManifest.parse("m.json", "{\"dataRowCount\":0,\"blobs\":[{\"dataRowCount\":0}]}".getBytes(StandardCharsets.UTF_8))).columnName());
        assertTrue(assertThrows(SourceFormatException.class,
                () -> AzureExportManifest.parse("m.json", "{not json".getBytes(StandardCharsets.UTF_8))).getMessage().contains("not valid JSON"));
    }

    @Test
    void emptyRunIsValidWithNoBlobs() {
        AzureExportManifest m = AzureExportManifest.parse("m.json", manifest("r0", 0, "", 0).getBytes(StandardCharsets.UTF_8));
        assertEquals(0, m.blobs().size());
        m.checkRowsRead(0);
    }

    @Test
    void newestRunOfThePeriodWinsWhateverTheFolderBelowIt() {
        List<String> names = List.of(
                ROOT + "/20240901-20240930/202409030300/manifest.json",
                ROOT + "/20240901-20240930/202409050301/9f1c/manifest.json",
                ROOT + "/20240901-20240930/202409050301/9f1c/part_0_0001.csv.gz",
                ROOT + "/20240901-20240930/202409040300/manifest.json",
                ROOT + "/20240801-20240831/202409020300/manifest.json",
                "other/20240901-20240930/202412010000/manifest.json");
        assertEquals(Optional.of(ROOT + "/20240901-20240930/202409050301/9f1c/manifest.json"),
                AzureExportRuns.newestManifest(names, "/" + ROOT + "/", YearMonth.of(2024, 9)));
        assertEquals(Optional.of(ROOT + "/20240801-20240831/202409020300/manifest.json"),
                AzureExportRuns.newestManifest(names, ROOT, YearMonth.of(2024, 8)));
        assertEquals(Optional.empty(), AzureExportRuns.newestManifest(names, ROOT, YearMonth.of(2024, 10)));
        assertEquals("20240201-20240229", AzureExportRuns.periodFolder(YearMonth.of(2024, 2)));
    }
}
