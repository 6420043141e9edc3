/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared oversized body before it is read, with a problem detail (Vert.x' own limit would answer
 * a bare 413). Bodies without a Content-Length are still cut by quarkus.http.limits.max-body-size.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    io.quarkus.runtime.configuration.MemorySize maxBody;

    void install(@Observes Router router) {
        long limit = maxBody.asLongValue();
        router.route().order(-1000).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null) {
                long length;
                try {
                    length = Long.parseLong(declared.trim());
                } catch (NumberFormatException e) {
                    length = -1;
                }
                if (length > limit) {
                    ctx.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                            .end("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
                                    + "\"detail\":\"The request body of " + length + " bytes exceeds the limit of " + limit + " bytes.\","
                                    + "\"instance\":\"" + ctx.request().path().replace("\"", "") + "\"}");
                    return;
                }
            }
            ctx.next();
        });
    }
}
