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

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Validation shared by metric and KPI definitions. */
final class Names {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern TAG_SCOPE = Pattern.compile("tag:[A-Za-z0-9_.:/+=@-]{1,128}");

    /** Owner dimensions of the allocation runs (columns of {@code outlay.cost_daily}); tags are not kept per owner day. */
    static final Map<String, String> OWNER_COLUMNS = Map.of("team", "team", "product", "product",
            "environment", "environment", "costCentre", "cost_centre");

    private Names() {
    }

    static void requireSlug(String field, String name) {
        if (name == null || !SLUG.matcher(name).matches()) {
            throw ProblemException.unprocessable("invalid " + field,
                    List.of(Problem.Fault.at(field, "must be a slug: lower-case letters, digits and '-', at most 63 characters")));
        }
    }

    static boolean validMetricScope(String scope) {
        return scope == null || OWNER_COLUMNS.containsKey(scope) || TAG_SCOPE.matcher(scope).matches();
    }
}
