/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api.problem;

import java.util.List;

/** Thrown by services and resources to answer with a problem detail; nothing is written before it is thrown. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail, Problem.Fault... faults) {
        return new ProblemException(Problem.of(400, "Bad request", detail).withErrors(faults.length == 0 ? null : List.of(faults)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what));
    }

    public static ProblemException unprocessable(String detail, List<Problem.Fault> faults) {
        return new ProblemException(Problem.of(422, "Unprocessable content", detail).withErrors(faults));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }
}
