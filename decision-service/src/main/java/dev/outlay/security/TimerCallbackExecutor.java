/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kie.kogito.job.http.recipient.HttpJobExecutor;
import org.kie.kogito.job.recipient.common.http.HTTPRequest;
import org.kie.kogito.jobs.service.api.recipient.http.HttpRecipient;

import java.util.HashMap;
import java.util.Map;

/**
 * The embedded jobs service fires a timer by POSTing the job's HTTP recipient, which the process runtime set to
 * {@code kogito.service.url}/management/jobs/...; KIE 10.1's {@link HttpJobExecutor} sends the headers stored with
 * the job. The secret must not be stored with the job (it changes at every start and job rows outlive it), so it is
 * added here, at fire time, and only to requests addressed to this service. Replaces the stock executor
 * ({@code quarkus.arc.exclude-types} in application.properties). A singleton: the stock bean is application-scoped, but
 * a client proxy cannot be made for a subclass without a no-args constructor, and nothing needs one here.
 */
@Singleton
public class TimerCallbackExecutor extends HttpJobExecutor {

    private final InternalSecret secret;

    @Inject
    public TimerCallbackExecutor(@ConfigProperty(name = "kogito.job.recipient.http.timeout-in-millis") long timeout,
                                 Vertx vertx, ObjectMapper objectMapper, InternalSecret secret) {
        super(timeout, vertx, objectMapper);
        this.secret = secret;
    }

    @Override
    protected HTTPRequest buildRequest(HttpRecipient<?> recipient, String limit) {
        HTTPRequest request = super.buildRequest(recipient, limit);
        if (!toThisService(request.getUrl())) return request;
        // Copies: the stock builder shares the recipient's maps, which are persisted with the job.
        Map<String, String> headers = new HashMap<>(request.getHeaders() == null ? Map.of() : request.getHeaders());
        headers.put(InternalSecret.HEADER, secret.value());
        return HTTPRequest.builder()
                .url(request.getUrl())
                .method(request.getMethod())
                .headers(headers)
                .queryParams(new HashMap<>(request.getQueryParams() == null ? Map.of() : request.getQueryParams()))
                .body(request.getBody())
                .build();
    }

    static boolean toThisService(String url) {
        String self = ConfigProvider.getConfig().getOptionalValue("kogito.service.url", String.class).orElse(null);
        if (url == null || self == null) return false;
        String base = self.endsWith("/") ? self : self + "/";
        return url.startsWith(base);
    }
}
