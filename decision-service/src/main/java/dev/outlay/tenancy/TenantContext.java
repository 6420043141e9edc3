/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current unit of work acts for. Set from the verified token by {@link TenantFilter}, or by
 * {@link #runAs} for background work. The database reads it on every connection checkout (see
 * {@link TenantConnectionInterceptor}), so a forgotten WHERE clause can never cross tenants.
 */
public final class TenantContext {

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<Caller> caller() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static Optional<String> tenantId() {
        return caller().map(Caller::tenantId);
    }

    /** The current tenant; fails closed when there is none. */
    public static String requireTenant() {
        return tenantId().orElseThrow(() -> new IllegalStateException("no tenant bound to this unit of work"));
    }

    static void bind(Caller caller) {
        CURRENT.set(caller);
    }

    static void clear() {
        CURRENT.remove();
    }

    public static <T> T runAs(Caller caller, Supplier<T> work) {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            return work.get();
        } finally {
            if (previous == null) CURRENT.remove(); else CURRENT.set(previous);
        }
    }

    public static void runAs(Caller caller, Runnable work) {
        runAs(caller, () -> {
            work.run();
            return null;
        });
    }

    /** A system identity acting inside one tenant (start-up seeding, scheduled jobs). */
    public static Caller system(String tenantId) {
        return new Caller(tenantId, "system", java.util.Set.of("admin"));
    }
}
