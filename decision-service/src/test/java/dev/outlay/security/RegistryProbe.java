/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.core.ResteasyContext;
import org.jboss.resteasy.spi.Registry;

/**
 * Test provider: RESTEasy's resource registry is only reachable inside a request (an injected {@code @Context Registry}
 * is a proxy to the current one), so the first request that reaches RESTEasy leaves the real instance here.
 */
@Provider
@PreMatching
public class RegistryProbe implements ContainerRequestFilter {

    static volatile Registry registry;

    @Override
    public void filter(ContainerRequestContext request) {
        if (registry == null) registry = ResteasyContext.getContextData(Registry.class);
    }
}
