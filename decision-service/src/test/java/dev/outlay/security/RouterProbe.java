/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Test bean: keeps the application's HTTP router so the route walker can list what it serves. */
@ApplicationScoped
public class RouterProbe {

    private volatile Router router;

    void capture(@Observes Router router) {
        this.router = router;
    }

    Router router() {
        return router;
    }
}
