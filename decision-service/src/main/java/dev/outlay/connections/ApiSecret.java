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

import java.util.List;
import java.util.Map;

/**
 * The one secret of a SaaS connection (a Microsoft 365 app's client secret), posted as
 * {@code "credentials": {"secret": "..."}}. Only ever stored sealed; never serialised back.
 */
public record ApiSecret(String secret) implements ConnectionSecret {

    static final Map<String, String> MASK = Map.of("secret", "***");

    @Override
    public List<Problem.Fault> faults() {
        if (secret == null || secret.isBlank() || secret.length() > 4096) return List.of(Problem.Fault.at("credentials.secret", "the secret is required (at most 4096 characters)"));
        return List.of();
    }

    @Override
    public Map<String, String> mask() {
        return MASK;
    }

    @Override
    public String toString() {
        return "ApiSecret[***]";
    }
}
