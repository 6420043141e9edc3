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
package dev.outlay.connectors;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.outlay.connectors.s3.S3CurExport;
import dev.outlay.connectors.s3.S3SourceConfig;
import dev.outlay.model.Charge;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The S3 path against Adobe S3Mock: manifests of both CUR generations, multi-part periods, rewrites. */
class S3CurExportTest {

    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    static final String BUCKET = "acme-billing";
    static S3Client admin;

    static void put(String key, byte[] bytes) {
        admin.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).build(), RequestBody.fromBytes(bytes));
    }

    @BeforeAll
    static void exports() {
        admin = S3_MOCK.createS3ClientV2();
        admin.createBucket(b -> b.bucket(BUCKET));
        // CUR 2.0: October split in two gzipped parts (each with the header), as Data Exports writes them.
        String[] lines = Fixtures.text("aws/cur2-every-line-item-type.csv").split("\r\n");
        String header = lines[0] + "\r\n";
        String part1 = header + String.join("\r\n", Arrays.copyOfRange(lines, 1, 10)) + "\r\n";
        String part2 = header + String.join("\r\n", Arrays.copyOfRange(lines, 10, lines.length)) + "\r\n";
        String base = "cur/acme-focus/data/BILLING_PERIOD=2024-10/";
        put(base + "acme-focus-00001.csv.gz", Fixtures.gzip(part1.getBytes(StandardCharsets.UTF_8)));
        put(base + "acme-focus-00002.csv.gz", Fixtures.gzip(part2.getBytes(StandardCharsets.UTF_8)));
        put("cur/acme-focus/metadata/BILLING_PERIOD=2024-10/acme-focus-Manifest.json", ("{\"executionId\":\"e1\",\"dataFiles\":[\"s3://"
                + BUCKET + "/" + base + "acme-focus-00001.csv.gz\",\"s3://" + BUCKET + "/" + base + "acme-focus-00002.csv.gz\"]}")
                .getBytes(StandardCharsets.UTF_8));
        // Legacy CUR for November 2023.
        put("legacy/acme-cur/20231101-20231201/0f3c/acme-cur-1.csv.gz", Fixtures.gzip(Fixtures.bytes("aws/cur-legacy-bom-tags.csv")));
        put("legacy/acme-cur/20231101-20231201/acme-cur-Manifest.json",
                "{\"assemblyId\":\"0f3c\",\"reportKeys\":[\"legacy/acme-cur/20231101-20231201/0f3c/acme-cur-1.csv.gz\"]}".getBytes(StandardCharsets.UTF_8));
        // A manifest that points into someone else's bucket.
        put("cur/acme-focus/metadata/BILLING_PERIOD=2024-12/acme-focus-Manifest.json",
                "{\"dataFiles\":[\"s3://other-bucket/x.csv.gz\"]}".getBytes(StandardCharsets.UTF_8));
    }

    static S3CurExport export(String prefix, String name) {
        S3SourceConfig config = new S3SourceConfig(BUCKET, prefix, name, "us-east-1", S3_MOCK.getServiceEndpoint());
        return new S3CurExport(config, S3CurExport.client(config, StaticCredentialsProvider.create(AwsBasicCredentials.create("foo", "bar"))));
    }

    static BigDecimal billed(S3CurExport export, List<String> keys) throws Exception {
        BigDecimal sum = BigDecimal.ZERO;
        for (String key : keys) {
            try (InputStream in = export.open(key); ChargeReader r = Connectors.open(SourceKind.AWS_CUR, null, in, key)) {
                for (Charge c; (c = r.next()) != null; ) sum = sum.add(c.billedCost());
            }
        }
        return sum;
    }

    @Test
    void cur2ManifestListsThePeriodsPartsAndTheyLoadToTheCent() throws Exception {
        try (S3CurExport export = export("cur/", "acme-focus")) {
            S3CurExport.PeriodFiles files = export.period(YearMonth.of(2024, 10)).orElseThrow();
            assertEquals(2, files.dataKeys().size());
            assertTrue(files.manifestKey().endsWith("BILLING_PERIOD=2024-10/acme-focus-Manifest.json"));
            assertEquals(0, new BigDecimal("1524.0951900125").compareTo(billed(export, files.dataKeys())));
            assertTrue(export.period(YearMonth.of(2024, 9)).isEmpty(), "no manifest, nothing to ingest");
        }
    }

    @Test
    void legacyManifest() throws Exception {
        try (S3CurExport export = export("legacy", "acme-cur")) {
            S3CurExport.PeriodFiles files = export.period(YearMonth.of(2023, 11)).orElseThrow();
            assertEquals(List.of("legacy/acme-cur/20231101-20231201/0f3c/acme-cur-1.csv.gz"), files.dataKeys());
            assertEquals(0, new BigDecimal("52.0845798901").compareTo(billed(export, files.dataKeys())));
        }
    }

    @Test
    void aRewrittenManifestHasANewFingerprintAndForeignBucketsAreRefused() {
        try (S3CurExport export = export("cur", "acme-focus")) {
            String before = export.period(YearMonth.of(2024, 10)).orElseThrow().fingerprint();
            put("cur/acme-focus/metadata/BILLING_PERIOD=2024-10/acme-focus-Manifest.json", ("{\"executionId\":\"e2\",\"dataFiles\":[\"s3://"
                    + BUCKET + "/cur/acme-focus/data/BILLING_PERIOD=2024-10/acme-focus-00001.csv.gz\"]}").getBytes(StandardCharsets.UTF_8));
            assertNotEquals(before, export.period(YearMonth.of(2024, 10)).orElseThrow().fingerprint());
            assertThrows(SourceFormatException.class, () -> export.period(YearMonth.of(2024, 12)));
        }
    }

    @Test
    void aManifestKeyTemplateFindsManifestsOutsideTheDefaultLayout() {
        S3SourceConfig legacy = new S3SourceConfig(BUCKET, "", null, "us-east-1", S3_MOCK.getServiceEndpoint(),
                "legacy/acme-cur/{range}/acme-cur-Manifest.json");
        try (S3CurExport export = new S3CurExport(legacy, S3CurExport.client(legacy, StaticCredentialsProvider.create(AwsBasicCredentials.create("foo", "bar"))))) {
            assertEquals(List.of("legacy/acme-cur/20231101-20231201/0f3c/acme-cur-1.csv.gz"), export.period(YearMonth.of(2023, 11)).orElseThrow().dataKeys());
            assertTrue(export.period(YearMonth.of(2023, 12)).isEmpty());
        }
        S3SourceConfig v2 = new S3SourceConfig(BUCKET, "", null, "us-east-1", S3_MOCK.getServiceEndpoint(),
                "cur/acme-focus/metadata/BILLING_PERIOD={billingPeriod}/acme-focus-Manifest.json");
        try (S3CurExport export = new S3CurExport(v2, S3CurExport.client(v2, StaticCredentialsProvider.create(AwsBasicCredentials.create("foo", "bar"))))) {
            assertEquals("cur/acme-focus/metadata/BILLING_PERIOD=2024-10/acme-focus-Manifest.json", export.period(YearMonth.of(2024, 10)).orElseThrow().manifestKey());
        }
    }

    @Test
    void configValidatesItself() {
        assertEquals("bucket", assertThrows(InvalidConfigException.class, () -> new S3SourceConfig("Bad_Bucket", "", "x", null, null)).field());
        assertEquals("exportName", assertThrows(InvalidConfigException.class, () -> new S3SourceConfig("ok-bucket", "", "a/b", null, null)).field());
        assertEquals("manifestKey", assertThrows(InvalidConfigException.class,
                () -> new S3SourceConfig("ok-bucket", "", null, null, null, "fixed/Manifest.json")).field());
    }
}
