/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.api.problem.Problem;
import dev.outlay.connectors.s3.S3SourceConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a tenant's AWS CUR export lands: bucket, key prefix, export (report) name and region as set in the AWS
 * billing console; {@code endpoint} and {@code pathStyle} serve S3-compatible stores; {@code manifestKey} names the
 * manifest directly for other layouts (a template with {billingPeriod} or {range}; then the export name is
 * optional). Holds no credentials.
 */
public record AwsS3Settings(String bucket, String prefix, String exportName, String region, String endpoint, Boolean pathStyle,
                            String manifestKey) implements ConnectionSettings {

    static final String BUCKET = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]";
    static final String REGION = "[a-z]{2}(-[a-z]+)+-\\d";

    /** Every problem of these settings, with the field path under {@code config}. */
    @Override
    public List<Problem.Fault> faults(boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        if (bucket == null || !bucket.matches(BUCKET)) f.add(Problem.Fault.at("config.bucket", "a valid S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)"));
        boolean hasTemplate = manifestKey != null && !manifestKey.isBlank();
        boolean template = hasTemplate && manifestKey.length() <= 1024 && !manifestKey.contains("..")
                && (manifestKey.contains("{billingPeriod}") || manifestKey.contains("{range}"));
        if (hasTemplate && !template) {
            f.add(Problem.Fault.at("config.manifestKey", "a key template with {billingPeriod} (YYYY-MM) or {range} (YYYYMMDD-YYYYMMDD), without '..'"));
        }
        if (exportName == null || exportName.isBlank() ? !template : exportName.contains("/")) {
            f.add(Problem.Fault.at("config.exportName", "the export (report) name as configured in AWS, without slashes (optional with a manifestKey)"));
        }
        if (prefix != null && (prefix.length() > 512 || prefix.contains(".."))) f.add(Problem.Fault.at("config.prefix", "a key prefix of at most 512 characters, without '..'"));
        if (region != null && !region.isBlank() && !region.matches(REGION)) f.add(Problem.Fault.at("config.region", "an AWS region such as us-east-1"));
        if (endpoint != null && !endpoint.isBlank()) {
            if (!customEndpointsAllowed) {
                // A tenant-chosen endpoint makes the service send requests wherever the tenant says (SSRF).
                f.add(Problem.Fault.at("config.endpoint", "custom endpoints are disabled on this installation (outlay.connections.allow-custom-endpoints)"));
            } else if (!validHttpUrl(endpoint)) {
                f.add(Problem.Fault.at("config.endpoint", "an http(s) URL such as https://s3.example.internal:9000"));
            }
        }
        return f;
    }

    /** Normalised: no surrounding slashes on the prefix, a default region, path-style off unless asked. */
    @Override
    public AwsS3Settings normalised() {
        String p = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        String r = region == null || region.isBlank() ? "us-east-1" : region;
        String e = endpoint == null || endpoint.isBlank() ? null : endpoint.trim();
        String m = manifestKey == null || manifestKey.isBlank() ? null : manifestKey.trim();
        String x = exportName == null || exportName.isBlank() ? null : exportName.trim();
        return new AwsS3Settings(bucket, p, x, r, e, Boolean.TRUE.equals(pathStyle), m);
    }

    public S3SourceConfig sourceConfig() {
        return new S3SourceConfig(bucket, prefix, exportName, region, endpoint, manifestKey);
    }

    static boolean validHttpUrl(String s) {
        try {
            URI u = URI.create(s.trim());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null && u.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
