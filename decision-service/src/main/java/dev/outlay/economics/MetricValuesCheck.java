/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.economics;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole upload before anything is stored: a scoped metric needs a scope value on every row, an unscoped
 * one none; values are present and not negative; a (day, scope value) key appears once (twice would make the
 * stored value depend on row order). {@code lines} names each row's CSV line, or is null for JSON (then faults
 * name the array index).
 */
final class MetricValuesCheck {

    private MetricValuesCheck() {
    }

    static List<MetricValue> check(MetricDefinition def, List<MetricValue> values, List<Integer> lines) {
        if (values == null) throw ProblemException.badRequest("a JSON array of {day, scopeValue, value} is required");
        List<Problem.Fault> faults = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<MetricValue> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            MetricValue v = values.get(i);
            if (v == null) {
                faults.add(fault(lines, i, null, "", "row is null"));
                continue;
            }
            String scope = v.scopeValue() == null ? "" : v.scopeValue().trim();
            if (v.day() == null) faults.add(fault(lines, i, 1, "day", "day is required"));
            if (v.value() == null) faults.add(fault(lines, i, 3, "value", "value is required"));
            else if (v.value().signum() < 0) faults.add(fault(lines, i, 3, "value", "value must be >= 0"));
            if (def.scope() != null && scope.isEmpty()) {
                faults.add(fault(lines, i, 2, "scopeValue", "metric " + def.name() + " is per " + def.scope() + ": scopeValue is required"));
            } else if (def.scope() == null && !scope.isEmpty()) {
                faults.add(fault(lines, i, 2, "scopeValue", "metric " + def.name() + " has no scope: scopeValue must be empty"));
            } else if (scope.length() > 256) {
                faults.add(fault(lines, i, 2, "scopeValue", "scopeValue is longer than 256 characters"));
            }
            if (v.day() != null) {
                Integer first = seen.putIfAbsent(v.day() + "|" + scope, i);
                if (first != null) faults.add(fault(lines, i, null, "", "same day and scopeValue as " + where(lines, first)));
            }
            out.add(new MetricValue(v.day(), scope, v.value()));
        }
        if (!faults.isEmpty()) throw ProblemException.unprocessable("metric values refused; nothing was stored", faults);
        return out;
    }

    private static Problem.Fault fault(List<Integer> lines, int i, Integer column, String field, String message) {
        if (lines != null) return Problem.Fault.atLine(lines.get(i), column, message);
        return Problem.Fault.at("[" + i + "]" + (field.isEmpty() ? "" : "." + field), message);
    }

    private static String where(List<Integer> lines, int i) {
        return lines != null ? "line " + lines.get(i) : "row [" + i + "]";
    }
}
