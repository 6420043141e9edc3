/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import java.util.UUID;

/**
 * A run stored before runs kept currencies (V81) over a period billed in several currencies: its lines added
 * the currencies together and cannot be split after the fact, so nothing may read them as money. Re-running the
 * period replaces it.
 */
public class LegacyRunException extends RuntimeException {

    private final UUID runId;

    public LegacyRunException(UUID runId) {
        super("allocation run " + runId + " predates per-currency runs and mixed currencies; re-run its billing period");
        this.runId = runId;
    }

    public UUID runId() {
        return runId;
    }
}
