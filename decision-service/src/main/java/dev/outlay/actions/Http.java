/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The one HTTP client of the action layer. Redirects are never followed: a receiver that redirects could point the
 * signed request (and, for bot tokens, the credentials) at a host the tenant never configured.
 */
final class Http {

    /** An answer (status, body, Retry-After), or {@code failure} when none came. */
    record Answer(Integer status, String body, Duration retryAfter, String failure) {

        SendResult result() {
            if (status == null) return new SendResult(null, null, failure);
            return new SendResult(status, retryAfter, status / 100 == 2 ? null : "HTTP " + status + ": " + abbreviate(body));
        }
    }

    private static volatile HttpClient client;

    private Http() {
    }

    static SendResult send(ActionsConfig config, HttpRequest request) {
        return exchange(config, request).result();
    }

    static Answer exchange(ActionsConfig config, HttpRequest request) {
        if (!config.allowInsecureUrls()) {
            java.util.Optional<String> refused = Destinations.refusal(request.uri().getHost());
            if (refused.isPresent()) return new Answer(null, null, null, "refused: " + refused.get());
        }
        try {
            HttpResponse<String> r = client(config).send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(),
                    RetryAfter.parse(r.headers().firstValue("Retry-After").orElse(null), Instant.now()).orElse(null), null);
        } catch (IOException e) {
            return new Answer(null, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, null, null, "interrupted");
        }
    }

    private static HttpClient client(ActionsConfig config) {
        if (client == null) {
            synchronized (Http.class) {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(config.httpTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
                }
            }
        }
        return client;
    }

    static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
