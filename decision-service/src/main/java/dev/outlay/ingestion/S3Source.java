/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.connectors.s3.S3SourceConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;

/**
 * One S3 CUR export to ingest, whether it comes from application properties or from a tenant's connection:
 * both are polled and backfilled through {@link S3Sources#ingestPeriod}. {@code name} is the ingestion source
 * (replace scope and health key); {@code credentials} null means the AWS default chain.
 */
public record S3Source(String name, S3SourceConfig config, boolean pathStyle, AwsCredentialsProvider credentials) {

    S3Client client() {
        S3ClientBuilder b = S3Client.builder().region(Region.of(config.region()))
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.create());
        if (config.endpoint() != null && !config.endpoint().isBlank()) b.endpointOverride(URI.create(config.endpoint()));
        if (pathStyle) b.forcePathStyle(true);
        return b.build();
    }

    @Override
    public String toString() {
        return "S3Source[" + name + " s3://" + config.bucket() + "/" + config.prefix() + "]";
    }
}
