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
package dev.outlay.connectors.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.net.HttpURLConnectionClient;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import dev.outlay.connectors.saas.SaasReadException;

import java.time.Duration;

/**
 * stripe-java's HTTP client with this reader's retry rule. The library's own retries back off exponentially and do not
 * read {@code Retry-After} (it retries 429 only on {@code Stripe-Should-Retry}); Stripe's rate limiter answers 429
 * with a {@code Retry-After} in seconds, so a throttled page waits as told (bounded), and a 5xx or a dropped
 * connection is tried again after a short pause. What is left after the last attempt goes back to stripe-java,
 * which turns it into its typed exception.
 */
final class RetryAfterHttpClient extends HttpURLConnectionClient {

    private final int maxAttempts;
    private final Duration maxWait;

    RetryAfterHttpClient(int maxAttempts, Duration maxWait) {
        this.maxAttempts = maxAttempts;
        this.maxWait = maxWait;
    }

    @Override
    public StripeResponse requestWithRetries(StripeRequest request) throws StripeException {
        String where = request.method() + " " + request.url().getPath();
        for (int attempt = 1; ; attempt++) {
            StripeResponse res;
            try {
                res = request(request);
            } catch (ApiConnectionException e) {
                if (attempt < maxAttempts) {
                    pause(Duration.ofMillis(200L * attempt), where);
                    continue;
                }
                throw e;
            }
            int code = res.code();
            if (attempt < maxAttempts && (code == 429 || code >= 500)) {
                pause(code == 429 ? retryAfter(res, where) : Duration.ofMillis(200L * attempt), where);
                continue;
            }
            return res;
        }
    }

    private Duration retryAfter(StripeResponse res, String where) {
        String v = res.headers().firstValue("Retry-After").orElse("").strip();
        Duration wait;
        try {
            wait = v.isEmpty() ? Duration.ofSeconds(1) : Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            wait = Duration.ofSeconds(1);
        }
        if (wait.compareTo(maxWait) > 0) {
            throw new SaasReadException(SaasReadException.Kind.THROTTLED, where, "throttled; Retry-After " + wait.toSeconds()
                    + " s is beyond the " + maxWait.toSeconds() + " s this poll waits", null);
        }
        return wait;
    }

    private static void pause(Duration wait, String where) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SaasReadException(SaasReadException.Kind.UNAVAILABLE, where, "interrupted", e);
        }
    }
}
