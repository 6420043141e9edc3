/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A connection as the API shows it. It has no field that could carry a secret: {@code credentials} is a fixed
 * mask and {@code hasSecret} tells whether credentials are stored.
 */
public record Connection(UUID id, String name, String kind, boolean enabled, ConnectionSettings config,
                         Map<String, String> credentials, boolean hasSecret, String createdBy, Instant createdAt,
                         Instant updatedAt, LastPoll lastPoll) {

    static final Map<String, String> MASK = Map.of("accessKeyId", "***", "secretAccessKey", "***");

    /** The masked credential fields of a kind. */
    static Map<String, String> mask(String kind) {
        if (ConnectionInput.AZURE_BLOB.equals(kind)) return AzureBlobCredentials.MASK;
        if (ConnectionInput.GCP_BIGQUERY.equals(kind)) return GcpCredentials.MASK;
        if (SaasKinds.contains(kind)) return ApiSecret.MASK;
        return MASK;
    }

    /** The settings of an {@code aws-s3} connection; callers check the kind first. */
    @JsonIgnore
    public AwsS3Settings s3() {
        return (AwsS3Settings) config;
    }

    /** The settings of an {@code aws-inventory} connection; callers check the kind first. */
    @JsonIgnore
    public AwsInventorySettings inventory() {
        return (AwsInventorySettings) config;
    }

    /** The settings of an {@code azure-blob} connection; callers check the kind first. */
    @JsonIgnore
    public AzureBlobSettings azureBlob() {
        return (AzureBlobSettings) config;
    }

    /** The settings of a {@code gcp-bigquery} connection; callers check the kind first. */
    @JsonIgnore
    public GcpBigQuerySettings gcpBigQuery() {
        return (GcpBigQuerySettings) config;
    }

    /** The settings of an {@code m365} connection; callers check the kind first. */
    @JsonIgnore
    public M365Settings m365() {
        return (M365Settings) config;
    }

    /** The settings of a {@code salesforce} connection; callers check the kind first. */
    @JsonIgnore
    public SalesforceSettings salesforce() {
        return (SalesforceSettings) config;
    }

    /** The settings of a {@code stripe} connection; callers check the kind first. */
    @JsonIgnore
    public StripeSettings stripe() {
        return (StripeSettings) config;
    }

    /** The settings of an {@code opencost} connection; callers check the kind first. */
    @JsonIgnore
    public OpenCostSettings openCost() {
        return (OpenCostSettings) config;
    }

    /** The outcome of the newest scheduled poll or backfill of this connection. */
    public record LastPoll(Instant at, String status, String detail) {
    }
}
