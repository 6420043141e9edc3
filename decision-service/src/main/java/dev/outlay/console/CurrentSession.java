/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console;

import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/** The console session {@code TenantFilter} verified for this request, for the page resources behind it. */
@RequestScoped
public class CurrentSession {

    private ConsoleSession session;

    public void set(ConsoleSession session) {
        this.session = session;
    }

    public Optional<ConsoleSession> get() {
        return Optional.ofNullable(session);
    }
}
