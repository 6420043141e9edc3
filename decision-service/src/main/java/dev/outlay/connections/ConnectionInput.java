/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.connectors.InvalidConfigException;

import java.util.ArrayList;
import java.util.List;

/**
 * The writable part of a connection. On update, omitted credentials keep the stored ones, so settings can be
 * changed without handling the secret again. {@code config} is read by {@code kind}: {@link AwsS3Settings} for
 * {@code aws-s3} (and any unknown kind, so its faults still name the fields), {@link AwsInventorySettings} for
 * {@code aws-inventory}.
 */
public record ConnectionInput(String name, String kind, Boolean enabled, ConnectionSettings config, ConnectionSecret credentials) {

    public static final String AWS_S3 = "aws-s3";
    public static final String AWS_INVENTORY = "aws-inventory";
    public static final String AZURE_BLOB = "azure-blob";
    public static final String GCP_BIGQUERY = "gcp-bigquery";
    static final List<String> KINDS = java.util.stream.Stream.concat(java.util.stream.Stream.of(AWS_S3, AWS_INVENTORY, AZURE_BLOB, GCP_BIGQUERY),
            SaasKinds.KINDS.stream()).toList();
    static final String NAME = "[a-z0-9][a-z0-9._-]{0,62}";
    private static final ObjectMapper SETTINGS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @JsonCreator
    static ConnectionInput fromJson(@JsonProperty("name") String name, @JsonProperty("kind") String kind,
                                    @JsonProperty("enabled") Boolean enabled, @JsonProperty("config") JsonNode config,
                                    @JsonProperty("credentials") JsonNode credentials) throws JsonProcessingException {
        ConnectionSettings settings = null;
        if (config != null && !config.isNull()) {
            // A wrong shape (regions as a string) propagates as Jackson's own fault: 400 naming it.
            settings = SETTINGS.treeToValue(config, settingsType(kind));
        }
        ConnectionSecret secret = credentials == null || credentials.isNull() ? null : SETTINGS.treeToValue(credentials, secretType(kind));
        return new ConnectionInput(name, kind, enabled, settings, secret);
    }

    /** The settings record of a kind; an unknown kind reads as aws-s3, so its faults still name the fields. */
    static Class<? extends ConnectionSettings> settingsType(String kind) {
        if (SaasKinds.contains(kind)) return SaasKinds.settingsType(kind);
        if (AWS_INVENTORY.equals(kind)) return AwsInventorySettings.class;
        if (AZURE_BLOB.equals(kind)) return AzureBlobSettings.class;
        if (GCP_BIGQUERY.equals(kind)) return GcpBigQuerySettings.class;
        return AwsS3Settings.class;
    }

    static Class<? extends ConnectionSecret> secretType(String kind) {
        if (SaasKinds.contains(kind)) return ApiSecret.class;
        if (AZURE_BLOB.equals(kind)) return AzureBlobCredentials.class;
        if (GCP_BIGQUERY.equals(kind)) return GcpCredentials.class;
        return AwsCredentials.class;
    }

    public List<Problem.Fault> faults(boolean creating, boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        if (name == null || !name.matches(NAME)) f.add(Problem.Fault.at("name", "1-63 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"));
        if (kind == null || !KINDS.contains(kind)) f.add(Problem.Fault.at("kind", "one of " + KINDS));
        if (SaasKinds.contains(kind)) {
            f.addAll(SaasKinds.faults(config, secret(), creating, customEndpointsAllowed));
            return f;
        }
        boolean inventory = AWS_INVENTORY.equals(kind);
        if (config == null) {
            f.add(Problem.Fault.at("config", switch (kind == null ? "" : kind) {
                case AWS_INVENTORY -> "required: accountId, regions, and roleArn (+ externalId) unless keys are given";
                case AZURE_BLOB -> "required: storageAccount, container, actualExport + amortizedExport (or dataset focus + focusExport), and optionally prefix, endpoint";
                case GCP_BIGQUERY -> "required: projectId, dataset, table, and optionally endpoint";
                default -> "required: bucket, exportName, and optionally prefix, region, endpoint, pathStyle";
            }));
        } else {
            f.addAll(config.faults(customEndpointsAllowed));
        }
        if (credentials != null) {
            f.addAll(credentials.faults());
            if (inventory && config instanceof AwsInventorySettings s && credentials instanceof AwsCredentials keys && f.isEmpty()) {
                try {
                    s.config(keys);
                } catch (InvalidConfigException e) {
                    f.add(Problem.Fault.at("credentials." + e.field(), e.getMessage()));
                }
            }
        } else if (creating && inventory) {
            // Without keys the role is assumed from this installation's own credentials: the external id is what
            // keeps one tenant from assuming a role set up for another (the confused-deputy guard AWS documents).
            if (!(config instanceof AwsInventorySettings s) || s.roleArn() == null || s.roleArn().isBlank()
                    || s.externalId() == null || s.externalId().isBlank()) {
                f.add(Problem.Fault.at("credentials", "required: accessKeyId and secretAccessKey, unless config has roleArn and externalId"));
            }
        } else if (creating && AZURE_BLOB.equals(kind)) {
            f.add(Problem.Fault.at("credentials", "required: sasToken, accountKey, or tenantId + clientId + clientSecret"));
        } else if (creating && GCP_BIGQUERY.equals(kind)) {
            // Only a test server (endpoint override) is read without a key.
            if (!(config instanceof GcpBigQuerySettings s) || s.endpoint() == null || s.endpoint().isBlank()) {
                f.add(Problem.Fault.at("credentials", "required: serviceAccountKey"));
            }
        } else if (creating) {
            f.add(Problem.Fault.at("credentials", "required: accessKeyId and secretAccessKey"));
        }
        return f;
    }

    /** The API endpoints the settings name (for the demo's stub check); empty for kinds this does not know. */
    List<String> endpoints() {
        if (config instanceof M365Settings m) return java.util.stream.Stream.of(m.graphEndpoint(), m.tokenEndpoint()).toList();
        if (config instanceof StripeSettings s) return java.util.Collections.singletonList(s.apiEndpoint());
        if (config instanceof OpenCostSettings o) return java.util.Collections.singletonList(o.endpoint());
        if (config instanceof AzureBlobSettings a) return java.util.Collections.singletonList(a.endpoint());
        if (config instanceof GcpBigQuerySettings g) return java.util.Collections.singletonList(g.endpoint());
        return List.of();
    }

    /** The secret of a SaaS kind's connection, or null. */
    public ApiSecret secret() {
        return credentials instanceof ApiSecret a ? a : null;
    }

    @Override
    public String toString() {
        return "ConnectionInput[name=" + name + ", kind=" + kind + ", enabled=" + enabled + ", config=" + config + "]";
    }
}
