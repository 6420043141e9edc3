/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import java.util.List;

/**
 * A close operation that cannot proceed, with what is missing or wrong. Raised by the close domain code and mapped
 * to {@code application/problem+json} at the API edge ({@code CloseProblemMapper}); it is thrown before anything is
 * written, or rolls the transaction back.
 */
public class CloseRefusedException extends RuntimeException {

    /** What kind of refusal: bad input (400), a precondition of the period that is not met (422), not found, conflict. */
    public enum Kind { BAD_INPUT, NOT_READY, NOT_FOUND, CONFLICT }

    /** One missing or wrong thing: where (a field, or an object such as {@code ingestion:<id>}) and what. */
    public record Missing(String where, String what) {
    }

    private final Kind kind;
    private final List<Missing> missing;

    public CloseRefusedException(Kind kind, String detail, List<Missing> missing) {
        super(detail);
        this.kind = kind;
        this.missing = List.copyOf(missing);
    }

    public static CloseRefusedException badInput(String field, String what) {
        return new CloseRefusedException(Kind.BAD_INPUT, "Invalid " + field + ": " + what, List.of(new Missing(field, what)));
    }

    public static CloseRefusedException notFound(String what) {
        return new CloseRefusedException(Kind.NOT_FOUND, what, List.of());
    }

    public static CloseRefusedException conflict(String what) {
        return new CloseRefusedException(Kind.CONFLICT, what, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<Missing> missing() {
        return missing;
    }
}
