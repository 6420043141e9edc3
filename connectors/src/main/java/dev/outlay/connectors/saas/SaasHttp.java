/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.saas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON over {@code java.net.http} for the SaaS readers: bearer GETs, form POSTs (OAuth token requests), throttling
 * answered by waiting as the API's {@code Retry-After} says (seconds or an HTTP date; bounded), and every failure as a
 * {@link SaasReadException} naming the request.
 */
public final class SaasHttp {

    /** Decimals as written (OpenCost's costs), never through a double. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http;
    private final int maxAttempts;
    private final Duration maxWait;

    public SaasHttp(Duration timeout, int maxAttempts, Duration maxWait) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
    }

    /** Three attempts, waiting at most 30 s for one Retry-After. */
    public static SaasHttp standard() {
        return new SaasHttp(Duration.ofSeconds(20), 3, Duration.ofSeconds(30));
    }

    public JsonNode get(URI uri, String bearer) {
        return get(uri, bearer, "GET " + uri.getRawPath());
    }

    /** As {@link #get(URI, String)}, with the request named {@code where} in faults (a SOQL query's path says nothing). */
    public JsonNode get(URI uri, String bearer, String where) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "application/json").GET();
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        return send(b.build(), where);
    }

    public JsonNode postForm(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return send(req, "POST " + uri.getRawPath());
    }

    private JsonNode send(HttpRequest req, String where) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> res;
            try {
                res = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt < maxAttempts) continue;
                throw new SaasReadException(SaasReadException.Kind.UNAVAILABLE, where, "no answer (" + e.getClass().getSimpleName() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SaasReadException(SaasReadException.Kind.UNAVAILABLE, where, "interrupted", e);
            }
            int status = res.statusCode();
            if (status >= 200 && status < 300) return parse(res.body(), where);
            boolean throttled = status == 429 || status == 503;
            if ((throttled || status >= 500) && attempt < maxAttempts) {
                sleep(throttled ? retryAfter(res) : Duration.ofMillis(200L * attempt), where);
                continue;
            }
            throw failure(status, res.body(), where);
        }
    }

    private void sleep(Duration wait, String where) {
        if (wait.compareTo(maxWait) > 0) {
            throw new SaasReadException(SaasReadException.Kind.THROTTLED, where, "throttled; Retry-After " + wait.toSeconds()
                    + " s is beyond the " + maxWait.toSeconds() + " s this poll waits", null);
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SaasReadException(SaasReadException.Kind.UNAVAILABLE, where, "interrupted", e);
        }
    }

    /** Retry-After as delta seconds or an HTTP date; one second when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> res) {
        String v = res.headers().firstValue("Retry-After").orElse("").strip();
        if (v.isEmpty()) return Duration.ofSeconds(1);
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private static SaasReadException failure(int status, String body, String where) {
        String said = excerpt(body);
        if (status == 401 || status == 403) {
            return new SaasReadException(SaasReadException.Kind.CREDENTIALS_REJECTED, where, "credentials rejected (HTTP " + status + ")" + said, null);
        }
        if (status == 400 && body != null && (body.contains("invalid_client") || body.contains("invalid_grant") || body.contains("unauthorized_client"))) {
            // OAuth token endpoints answer a bad or expired client secret with 400 invalid_client (RFC 6749 5.2), not 401.
            return new SaasReadException(SaasReadException.Kind.CREDENTIALS_REJECTED, where, "client credentials rejected (HTTP 400)" + said, null);
        }
        if (status == 404) return new SaasReadException(SaasReadException.Kind.NOT_FOUND, where, "not found (HTTP 404)" + said, null);
        if (status == 429 || status == 503) return new SaasReadException(SaasReadException.Kind.THROTTLED, where, "throttled (HTTP " + status + ")", null);
        if (status >= 500) return new SaasReadException(SaasReadException.Kind.UNAVAILABLE, where, "server error (HTTP " + status + ")", null);
        return new SaasReadException(SaasReadException.Kind.REJECTED, where, "refused (HTTP " + status + ")" + said, null);
    }

    private static JsonNode parse(String body, String where) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n == null || n.isMissingNode()) throw new SaasReadException(SaasReadException.Kind.MALFORMED, where, "empty body", null);
            return n;
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new SaasReadException(SaasReadException.Kind.MALFORMED, where, "not JSON at line " + (loc == null ? 0 : loc.getLineNr())
                    + ", column " + (loc == null ? 0 : loc.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The API's own error text, short, for the failed manifest (APIs echo no secret in their error bodies). */
    private static String excerpt(String body) {
        if (body == null || body.isBlank()) return "";
        String flat = body.replaceAll("\\s+", " ").strip();
        return ": " + (flat.length() > 300 ? flat.substring(0, 300) + "..." : flat);
    }
}
