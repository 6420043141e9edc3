/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outlay.api.problem.Problem;

/** One finding about a rule version: where it is (DMN element id, or DRL line/column) and how bad. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationMessage(Severity severity, String code, String message, String element, Integer line, Integer column) {

    public enum Severity { ERROR, WARNING, INFO }

    public static ValidationMessage error(String code, String message, String element, Integer line, Integer column) {
        return new ValidationMessage(Severity.ERROR, code, message, element, line, column);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public Problem.Fault toFault() {
        return new Problem.Fault((code == null ? "" : "[" + code + "] ") + message, null, line, column, element);
    }
}
