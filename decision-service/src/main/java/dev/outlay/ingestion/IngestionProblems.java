/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.api.problem.Problem;
import dev.outlay.connectors.SourceFormatException;

import java.util.List;

/** Turns load failures into the problem detail recorded in the manifest and shown by the API. */
final class IngestionProblems {

    private IngestionProblems() {
    }

    static Problem of(SourceFormatException e) {
        StringBuilder where = new StringBuilder(e.file());
        if (e.line() > 0) where.append(", line ").append(e.line());
        if (e.column() > 0) where.append(", column ").append(e.column());
        Problem.Fault fault = new Problem.Fault(e.getMessage(), e.columnName(), e.line() > 0 ? (int) e.line() : null,
                e.column() > 0 ? e.column() : null, e.file());
        return Problem.of(422, "Unprocessable content", where + ": " + e.getMessage()).withErrors(List.of(fault));
    }

    static Problem internal(String ingestionId) {
        return Problem.of(500, "Ingestion failed", "the load failed for a reason not in the file; nothing was written to the ledger "
                + "(see the server log for ingestion " + ingestionId + ")");
    }
}
