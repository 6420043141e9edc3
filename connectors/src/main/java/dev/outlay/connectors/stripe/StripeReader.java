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

import com.google.gson.JsonParseException;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.StripeCollection;
import com.stripe.net.Authenticator;
import com.stripe.net.BearerTokenAuthenticator;
import com.stripe.net.LiveStripeResponseGetter;
import com.stripe.net.StripeResponseGetterOptions;
import com.stripe.param.BalanceTransactionListParams;
import dev.outlay.connectors.saas.SaasReadException;

import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one calendar month (UTC) of a Stripe account's balance transactions with stripe-java: {@code created} in
 * [first day, next month's first day), 100 a page, following {@code starting_after} (the last id of a page) while
 * {@code has_more}. Every page is read before anything is returned, so a failure on any page fails the whole month
 * ({@link SaasReadException} naming the page): nothing is half-read. A transaction that shows up twice (Stripe lists
 * newest first, so one created while paging can push an older one onto the next page) is kept once by id.
 */
public final class StripeReader {

    static final long PAGE = 100;
    /** A month of a busy account is tens of thousands of transactions; a loop without end would be a bug or an attack. */
    static final int MAX_PAGES = 5_000;

    private final StripeClient client;

    public StripeReader(StripeConfig config, int maxAttempts, Duration maxWait, Duration timeout) {
        this.client = new StripeClient(new LiveStripeResponseGetter(options(config, (int) timeout.toMillis()),
                new RetryAfterHttpClient(maxAttempts, maxWait)));
    }

    /** Three attempts a page, waiting at most 30 s for one Retry-After. */
    public static StripeReader standard(StripeConfig config) {
        return new StripeReader(config, 3, Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    public List<StripeTransaction> read(YearMonth month) {
        long from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Map<String, StripeTransaction> byId = new LinkedHashMap<>();
        String after = null;
        for (int page = 1; ; page++) {
            if (page > MAX_PAGES) {
                throw new SaasReadException(SaasReadException.Kind.MALFORMED, where(page), "more than " + MAX_PAGES + " pages; has_more never ended", null);
            }
            BalanceTransactionListParams.Builder p = BalanceTransactionListParams.builder().setLimit(PAGE)
                    .setCreated(BalanceTransactionListParams.Created.builder().setGte(from).setLt(to).build());
            if (after != null) p.setStartingAfter(after);
            StripeCollection<BalanceTransaction> list = list(p.build(), page);
            List<BalanceTransaction> data = list.getData() == null ? List.of() : list.getData();
            for (BalanceTransaction t : data) byId.putIfAbsent(t.getId(), transaction(t, page));
            if (!Boolean.TRUE.equals(list.getHasMore())) break;
            if (data.isEmpty()) throw new SaasReadException(SaasReadException.Kind.MALFORMED, where(page), "has_more with an empty page", null);
            after = data.get(data.size() - 1).getId();
        }
        List<StripeTransaction> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparing(StripeTransaction::created).thenComparing(StripeTransaction::id));
        return out;
    }

    private StripeCollection<BalanceTransaction> list(BalanceTransactionListParams params, int page) {
        try {
            return client.v1().balanceTransactions().list(params);
        } catch (SaasReadException e) {
            throw new SaasReadException(e.kind(), where(page), e.getMessage().substring(e.getMessage().indexOf(": ") + 2), e.getCause());
        } catch (AuthenticationException e) {
            throw new SaasReadException(SaasReadException.Kind.CREDENTIALS_REJECTED, where(page), "API key rejected (HTTP " + e.getStatusCode() + ")" + said(e), null);
        } catch (RateLimitException e) {
            throw new SaasReadException(SaasReadException.Kind.THROTTLED, where(page), "throttled (HTTP 429)", null);
        } catch (ApiConnectionException e) {
            throw new SaasReadException(SaasReadException.Kind.UNAVAILABLE, where(page), "no answer", null);
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            // A 2xx whose body stripe-java cannot read ("Invalid response object from API") comes as an ApiException too.
            SaasReadException.Kind kind = status != null && status >= 200 && status < 300 ? SaasReadException.Kind.MALFORMED
                    : status == null || status >= 500 ? SaasReadException.Kind.UNAVAILABLE
                    : status == 404 ? SaasReadException.Kind.NOT_FOUND : SaasReadException.Kind.REJECTED;
            throw new SaasReadException(kind, where(page), (status == null ? "failed" : "HTTP " + status) + said(e), null);
        } catch (JsonParseException e) {
            throw new SaasReadException(SaasReadException.Kind.MALFORMED, where(page), "not the JSON Stripe documents: " + e.getMessage(), null);
        }
    }

    private static StripeTransaction transaction(BalanceTransaction t, int page) {
        if (t.getId() == null || t.getCreated() == null || t.getCurrency() == null || t.getAmount() == null || t.getType() == null) {
            throw new SaasReadException(SaasReadException.Kind.MALFORMED, where(page), "a balance transaction without id, created, currency, amount or type", null);
        }
        List<StripeTransaction.Fee> fees = new ArrayList<>();
        if (t.getFeeDetails() != null) {
            for (BalanceTransaction.FeeDetail f : t.getFeeDetails()) {
                if (f.getAmount() == null || f.getType() == null) {
                    throw new SaasReadException(SaasReadException.Kind.MALFORMED, where(page), t.getId() + ": a fee_details line without amount or type", null);
                }
                fees.add(new StripeTransaction.Fee(f.getType(), f.getAmount(), lower(f.getCurrency() == null ? t.getCurrency() : f.getCurrency()), f.getDescription()));
            }
        }
        return new StripeTransaction(t.getId(), t.getType(), Instant.ofEpochSecond(t.getCreated()), lower(t.getCurrency()), t.getAmount(),
                t.getFee() == null ? 0 : t.getFee(), fees, t.getDescription());
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String where(int page) {
        return "GET /v1/balance_transactions (page " + page + ")";
    }

    // PermissionException (403, a restricted key without read access to balance transactions) is an AuthenticationException.
    /** Stripe's own error message (it never echoes the key). */
    private static String said(StripeException e) {
        String m = e.getStripeError() == null ? null : e.getStripeError().getMessage();
        return m == null || m.isBlank() ? "" : ": " + (m.length() > 300 ? m.substring(0, 300) + "..." : m);
    }

    private static StripeResponseGetterOptions options(StripeConfig c, int timeoutMillis) {
        Authenticator auth = new BearerTokenAuthenticator(c.apiKey());
        return new StripeResponseGetterOptions() {
            @Override
            public Authenticator getAuthenticator() {
                return auth;
            }

            @Override
            public String getClientId() {
                return null;
            }

            @Override
            public int getConnectTimeout() {
                return timeoutMillis;
            }

            @Override
            public Proxy getConnectionProxy() {
                return null;
            }

            @Override
            public int getMaxNetworkRetries() {
                // Retries are RetryAfterHttpClient's; the library adds an Idempotency-Key only when it retries itself.
                return 0;
            }

            @Override
            public PasswordAuthentication getProxyCredential() {
                return null;
            }

            @Override
            public String getApiBase() {
                return c.apiBase();
            }

            @Override
            public String getFilesBase() {
                return c.apiBase();
            }

            @Override
            public String getConnectBase() {
                return c.apiBase();
            }

            @Override
            public String getMeterEventsBase() {
                return c.apiBase();
            }

            @Override
            public int getReadTimeout() {
                return timeoutMillis * 2;
            }

            @Override
            public String getStripeAccount() {
                return null;
            }

            @Override
            public String getStripeContext() {
                return null;
            }
        };
    }
}
