/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import dev.outlay.connectors.saas.SaasReadException;

import java.util.UUID;

/**
 * A poll of a Cloud+ connection (Stripe, OpenCost) whose read failed as a whole: nothing was loaded, and
 * {@code ingestion} (null for a dry run) is the failed ingestion that records what and where.
 */
public class SourceReadFailedException extends RuntimeException {

    private final SaasReadException.Kind kind;
    private final String where;
    private final UUID ingestion;

    public SourceReadFailedException(SaasReadException cause, UUID ingestion) {
        super(cause.getMessage(), cause);
        this.kind = cause.kind();
        this.where = cause.where();
        this.ingestion = ingestion;
    }

    public SaasReadException.Kind kind() {
        return kind;
    }

    public String where() {
        return where;
    }

    public UUID ingestion() {
        return ingestion;
    }
}
