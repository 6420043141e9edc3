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
package dev.outlay.connectors.s3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.connectors.SourceFormatException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An AWS CUR export in S3. The export's manifest for a billing period names the data files of the current
 * version of that period (AWS rewrites them until the period is final), so a period is always ingested as the
 * set of files the newest manifest lists:
 * <ul>
 * <li>CUR 2.0 / Data Exports: {@code <prefix>/<name>/metadata/BILLING_PERIOD=YYYY-MM/<name>-Manifest.json},
 * {@code "dataFiles": ["s3://bucket/key", ...]};</li>
 * <li>legacy CUR: {@code <prefix>/<name>/YYYYMMDD-YYYYMMDD/<name>-Manifest.json}, {@code "reportKeys": [...]}.</li>
 * </ul>
 */
public final class S3CurExport implements AutoCloseable {

    /** The files of one billing period and a fingerprint of that version (sha-256 of the manifest bytes). */
    public record PeriodFiles(YearMonth period, String manifestKey, List<String> dataKeys, String fingerprint) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LEGACY_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final S3SourceConfig config;
    private final S3Client s3;

    public S3CurExport(S3SourceConfig config, S3Client s3) {
        this.config = config;
        this.s3 = s3;
    }

    /** A client for the config (default credential chain unless given; path-style with an endpoint override). */
    public static S3Client client(S3SourceConfig config, AwsCredentialsProvider credentials) {
        S3ClientBuilder b = S3Client.builder().region(Region.of(config.region()))
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.create());
        if (config.endpoint() != null && !config.endpoint().isBlank()) {
            b.endpointOverride(URI.create(config.endpoint())).forcePathStyle(true);
        }
        return b.build();
    }

    /** The period's current files, or empty when no manifest exists (nothing exported yet). */
    public Optional<PeriodFiles> period(YearMonth period) {
        String range = LEGACY_DAY.format(period.atDay(1)) + "-" + LEGACY_DAY.format(period.plusMonths(1).atDay(1));
        List<String> candidates;
        if (config.manifestKey() != null) {
            candidates = List.of(config.manifestKey().replace("{billingPeriod}", period.toString()).replace("{range}", range));
        } else {
            String root = config.root();
            candidates = List.of(root + "/metadata/BILLING_PERIOD=" + period + "/" + config.exportName() + "-Manifest.json",
                    root + "/" + range + "/" + config.exportName() + "-Manifest.json");
        }
        for (String key : candidates) {
            Optional<byte[]> manifest = get(key);
            if (manifest.isPresent()) return Optional.of(parse(period, key, manifest.get()));
        }
        return Optional.empty();
    }

    private PeriodFiles parse(YearMonth period, String key, byte[] bytes) {
        try {
            JsonNode m = JSON.readTree(bytes);
            List<String> keys = new ArrayList<>();
            if (m.has("dataFiles")) {
                for (JsonNode f : m.get("dataFiles")) keys.add(keyOf(f.asText()));
            } else if (m.has("reportKeys")) {
                for (JsonNode f : m.get("reportKeys")) keys.add(f.asText());
            } else {
                throw new SourceFormatException(key, 0, 0, null, "manifest names no dataFiles or reportKeys");
            }
            String fp = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return new PeriodFiles(period, key, List.copyOf(keys), fp);
        } catch (IOException e) {
            throw new SourceFormatException(key, 0, 0, null, "manifest is not valid JSON: " + e.getMessage(), e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code s3://bucket/a/b.csv.gz} → {@code a/b.csv.gz}; other buckets are refused. */
    private String keyOf(String uri) {
        if (!uri.startsWith("s3://")) return uri;
        String rest = uri.substring(5);
        int slash = rest.indexOf('/');
        String bucket = rest.substring(0, slash);
        if (!bucket.equals(config.bucket())) {
            throw new SourceFormatException(uri, 0, 0, null, "manifest points outside the configured bucket " + config.bucket());
        }
        return rest.substring(slash + 1);
    }

    /** Streams one data file (the caller closes it). */
    public InputStream open(String key) {
        return s3.getObject(GetObjectRequest.builder().bucket(config.bucket()).key(key).build());
    }

    private Optional<byte[]> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(GetObjectRequest.builder().bucket(config.bucket()).key(key).build());
            return Optional.of(r.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
