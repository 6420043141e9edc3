/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import java.util.Comparator;

/** The owner dimensions a cent is charged to. Missing dimensions are "-" so owners compare and group cleanly. */
public record Owner(String team, String product, String environment, String costCenter) implements Comparable<Owner> {

    public static final String NONE = "-";
    public static final Owner UNALLOCATED = new Owner("unallocated", NONE, NONE, NONE);

    private static final Comparator<Owner> ORDER = Comparator.comparing(Owner::team).thenComparing(Owner::product)
            .thenComparing(Owner::environment).thenComparing(Owner::costCenter);

    public static Owner of(Object team, Object product, Object environment, Object costCenter) {
        return new Owner(dim(team), dim(product), dim(environment), dim(costCenter));
    }

    private static String dim(Object v) {
        return v == null || v.toString().isBlank() ? NONE : v.toString();
    }

    @Override
    public int compareTo(Owner o) {
        return ORDER.compare(this, o);
    }
}
