/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import io.quarkus.arc.Unremovable;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;

/**
 * The HTTP client the process runtime schedules and cancels timers with. KIE 10.1's {@code VertxJobsService}
 * (kogito-addons-quarkus-jobs-management) posts to {@code kogito.jobs-service.url}/v2/jobs with a provided
 * {@link WebClient} bean when one is resolvable, else with its own. Providing it is the hook to send the per-start
 * {@link InternalSecret}: a session client adds the header to every request, and this client only ever talks to
 * the jobs service (no other bean in the application injects a plain Vert.x WebClient).
 */
@ApplicationScoped
public class JobsServiceClient {

    @Produces
    @ApplicationScoped
    @Unremovable
    WebClient jobsServiceWebClient(Vertx vertx, InternalSecret secret) {
        // Read when first used, not at build or static init: in tests the HTTP port is only known after start.
        URI jobsService = URI.create(ConfigProvider.getConfig().getValue("kogito.jobs-service.url", String.class));
        WebClient client = WebClient.create(vertx, new WebClientOptions()
                .setDefaultHost(jobsService.getHost())
                .setDefaultPort(jobsService.getPort()));
        return WebClientSession.create(client).addHeader(InternalSecret.HEADER, secret.value());
    }

    void close(@Disposes WebClient client) {
        client.close();
    }
}
