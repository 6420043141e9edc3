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

import dev.outlay.cluster.TimerFirings;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import org.kie.kogito.jobs.service.model.JobDetails;
import org.kie.kogito.jobs.service.model.JobExecutionResponse;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
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
    private final TimerFirings firings;

    @Inject
    public TimerCallbackExecutor(@ConfigProperty(name = "kogito.job.recipient.http.timeout-in-millis") long timeout,
                                 Vertx vertx, ObjectMapper objectMapper, InternalSecret secret, TimerFirings firings) {
        super(timeout, vertx, objectMapper);
        this.secret = secret;
        this.firings = firings;
    }

    /**
     * With several instances, one firing of a job may be attempted by two of them (see {@link TimerFirings}): the
     * one that claims it fires, the other answers success without calling back, so the job still counts as done.
     */
    @Override
    public Uni<JobExecutionResponse> execute(JobDetails job) {
        int execution = job.getExecutionCounter() == null ? 0 : job.getExecutionCounter();
        return Uni.createFrom().item(() -> firings.claim(job.getId(), execution))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(mine -> mine ? super.execute(job)
                        : Uni.createFrom().item(new JobExecutionResponse("fired by another instance", "200",
                                ZonedDateTime.now(ZoneOffset.UTC), job.getId())));
    }

    @Override
    protected HTTPRequest buildRequest(HttpRecipient<?> recipient, String limit) {
        HTTPRequest request = super.buildRequest(recipient, limit);
        var config = ConfigProvider.getConfig();
        String service = config.getOptionalValue("kogito.service.url", String.class).orElse(null);
        if (!toThisService(request.getUrl(), service)) return request;
        String self = config.getOptionalValue("kogito.jobs-service.url", String.class).orElse(service);
        // A callback to the service is sent to this instance itself (kogito.jobs-service.url, its own address): the
        // job may have been created by another instance, possibly gone, and the secret is only this instance's.
        // Copies: the stock builder shares the recipient's maps, which are persisted with the job.
        Map<String, String> headers = new HashMap<>(request.getHeaders() == null ? Map.of() : request.getHeaders());
        headers.put(InternalSecret.HEADER, secret.value());
        return HTTPRequest.builder()
                .url(toSelf(request.getUrl(), service, self))
                .method(request.getMethod())
                .headers(headers)
                .queryParams(new HashMap<>(request.getQueryParams() == null ? Map.of() : request.getQueryParams()))
                .body(request.getBody())
                .build();
    }

    /** The callback URL with the service's base (kogito.service.url, shared by replicas) replaced by this instance's. */
    static String toSelf(String url, String service, String self) {
        String to = self.endsWith("/") ? self.substring(0, self.length() - 1) : self;
        URI u = URI.create(url);
        String rest = u.getRawPath().substring(basePath(URI.create(service)).length())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
        return to + (rest.startsWith("/") || rest.isEmpty() ? rest : "/" + rest);
    }

    /**
     * Whether a job's recipient is this service. Compared as URIs, not strings: the process runtime stores the
     * recipient with the default port spelled out ({@code http://host:80/management/jobs/...}) even when
     * {@code kogito.service.url} has none, so a prefix test on the text never matched a port-less service URL.
     */
    static boolean toThisService(String url, String service) {
        if (url == null || service == null) return false;
        try {
            URI u = URI.create(url);
            URI s = URI.create(service);
            return u.getScheme() != null && u.getScheme().equalsIgnoreCase(s.getScheme())
                    && u.getHost() != null && u.getHost().equalsIgnoreCase(s.getHost())
                    && port(u) == port(s)
                    && (u.getRawPath() + "/").startsWith(basePath(s) + "/");
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() != -1) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String basePath(URI service) {
        String p = service.getRawPath() == null ? "" : service.getRawPath();
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
