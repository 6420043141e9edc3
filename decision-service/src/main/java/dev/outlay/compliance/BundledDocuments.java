/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The documents built into the service (decision-service/pom.xml copies them from docs/ to compliance-docs/ on the
 * classpath): the version a pack carries is the one this build enforces, not whatever a checkout says today.
 */
public final class BundledDocuments {

    public static final String RBAC_MATRIX = "security/rbac-matrix.md";
    public static final String INCIDENT_RUNBOOK = "runbooks/incident-response.md";
    public static final String SLOS = "operations/slos.md";
    public static final String RETENTION_POLICY = "policies/data-retention.md";

    private BundledDocuments() {
    }

    public static Optional<byte[]> read(String name) {
        try (InputStream in = BundledDocuments.class.getClassLoader().getResourceAsStream("compliance-docs/" + name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the bundled document " + name, e);
        }
    }
}
