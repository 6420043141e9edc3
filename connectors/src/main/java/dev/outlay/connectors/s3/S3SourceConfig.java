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

import dev.outlay.connectors.ConnectorConfig;
import dev.outlay.connectors.InvalidConfigException;

/**
 * Where an AWS CUR export lands in S3: bucket, path prefix and export (report) name, as configured in the
 * AWS billing console. {@code endpoint} overrides the S3 endpoint (S3-compatible stores, tests).
 * {@code manifestKey} names the manifest's key directly, for layouts that differ from AWS's default: a template
 * with {@code {billingPeriod}} (YYYY-MM) or {@code {range}} (YYYYMMDD-YYYYMMDD, legacy CUR); with it the export
 * name is optional.
 */
public record S3SourceConfig(String bucket, String prefix, String exportName, String region, String endpoint, String manifestKey)
        implements ConnectorConfig {

    public S3SourceConfig {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new InvalidConfigException("bucket", "a valid S3 bucket name is required");
        }
        if (manifestKey != null && manifestKey.isBlank()) manifestKey = null;
        if (manifestKey != null && !(manifestKey.contains("{billingPeriod}") || manifestKey.contains("{range}"))) {
            throw new InvalidConfigException("manifestKey", "the manifest key template needs {billingPeriod} or {range}");
        }
        if (manifestKey == null && (exportName == null || exportName.isBlank() || exportName.contains("/"))) {
            throw new InvalidConfigException("exportName", "the export (report) name is required, without slashes");
        }
        prefix = prefix == null ? "" : prefix.replaceAll("^/+|/+$", "");
        if (region == null || region.isBlank()) region = "us-east-1";
    }

    public S3SourceConfig(String bucket, String prefix, String exportName, String region, String endpoint) {
        this(bucket, prefix, exportName, region, endpoint, null);
    }

    /** Key prefix of the export: {@code prefix/exportName} (or just the name without a prefix). */
    String root() {
        return prefix.isEmpty() ? exportName : prefix + "/" + exportName;
    }
}
