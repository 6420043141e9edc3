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
import dev.outlay.connectors.InvalidConfigException;
import dev.outlay.connectors.aws.inventory.AwsInventoryConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One AWS account read for inventory and utilization (kind {@code aws-inventory}): which account and regions, and
 * either a role to assume (with the external id the account owner put on its trust policy) or, in the sealed
 * credentials, static keys. Holds no secret.
 *
 * @param endpoint     overrides every AWS endpoint (tests, a proxy); only where custom endpoints are allowed
 * @param lookbackDays utilization window, 14 unless given (1 to 63)
 */
public record AwsInventorySettings(String accountId, List<String> regions, String roleArn, String externalId,
                                   String endpoint, Integer lookbackDays) implements ConnectionSettings {

    @Override
    public List<Problem.Fault> faults(boolean customEndpointsAllowed) {
        List<Problem.Fault> f = new ArrayList<>();
        try {
            config(null);
        } catch (InvalidConfigException e) {
            f.add(Problem.Fault.at("config." + e.field(), e.getMessage()));
        }
        if (endpoint != null && !endpoint.isBlank()) {
            if (!customEndpointsAllowed) {
                // A tenant-chosen endpoint makes the service send signed requests wherever the tenant says (SSRF).
                f.add(Problem.Fault.at("config.endpoint", "custom endpoints are disabled on this installation (outlay.connections.allow-custom-endpoints)"));
            } else if (!validHttpUrl(endpoint)) {
                f.add(Problem.Fault.at("config.endpoint", "an http(s) URL such as https://aws-proxy.example.internal"));
            }
        }
        return f;
    }

    @Override
    public AwsInventorySettings normalised() {
        return new AwsInventorySettings(accountId == null ? null : accountId.strip(), regions == null ? null : List.copyOf(regions),
                blank(roleArn), blank(externalId), blank(endpoint), lookbackDays == null || lookbackDays == 0 ? 14 : lookbackDays);
    }

    /** The reader's config with the stored keys, or none (then the role is assumed from the host's credentials). */
    public AwsInventoryConfig config(AwsCredentials keys) {
        return new AwsInventoryConfig(accountId, regions, keys == null ? null : keys.accessKeyId(),
                keys == null ? null : keys.secretAccessKey(), null, blank(roleArn), blank(externalId), blank(endpoint),
                lookbackDays == null ? 0 : lookbackDays, 0);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean validHttpUrl(String s) {
        try {
            URI u = URI.create(s.trim());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null && u.getUserInfo() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
