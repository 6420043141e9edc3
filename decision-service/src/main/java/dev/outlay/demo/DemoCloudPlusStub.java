/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DEMO STUB, demo mode only: a small local HTTP server (JDK HttpServer on 127.0.0.1, a free port) that answers like
 * Microsoft Graph ({@code /m365}: token, {@code subscribedSkus}, {@code users} with departments and sign-ins) and the
 * Stripe API ({@code /stripe}: {@code balance_transactions}, paged with {@code starting_after}/{@code has_more}),
 * with generated data, so the demo tenant's Microsoft 365 and Stripe connections run the real connectors end to end
 * without any vendor account. Nothing outside the demo starts it; it is not a vendor and its data are invented.
 */
@ApplicationScoped
public class DemoCloudPlusStub {

    private static final Logger LOG = Logger.getLogger(DemoCloudPlusStub.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    static final String POWER_BI = "f8a1db68-be16-40ed-86d5-cb42ce701560";
    static final List<String> DEPARTMENTS = List.of("Engineering", "Sales", "Finance", "Support");

    private HttpServer server;

    /** The stub's base URL, starting it on first use. */
    public synchronized String baseUrl() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("the demo's Cloud+ stub could not start", e);
            }
            server.createContext("/m365", this::m365);
            server.createContext("/stripe", this::stripe);
            server.start();
            LOG.infof("DEMO STUB of Microsoft Graph and Stripe on http://127.0.0.1:%d (demo mode only, generated data)", server.getAddress().getPort());
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop(@Observes ShutdownEvent e) {
        synchronized (this) {
            if (server != null) server.stop(0);
            server = null;
        }
    }

    private void m365(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (path.endsWith("/oauth2/v2.0/token")) {
            send(x, 200, JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", 3599).put("access_token", "demo-stub-token"));
        } else if (path.equals("/m365/v1.0/subscribedSkus")) {
            ArrayNode skus = JSON.createArrayNode();
            skus.add(sku(E3, "ENTERPRISEPACK", 30, 24));
            skus.add(sku(POWER_BI, "POWER_BI_PRO", 10, 9));
            send(x, 200, JSON.createObjectNode().set("value", skus));
        } else if (path.equals("/m365/v1.0/users")) {
            send(x, 200, JSON.createObjectNode().set("value", users(Instant.now())));
        } else {
            send(x, 404, JSON.createObjectNode().set("error", JSON.createObjectNode().put("code", "Request_ResourceNotFound")));
        }
    }

    private static ObjectNode sku(String id, String part, int enabled, int consumed) {
        ObjectNode s = JSON.createObjectNode().put("skuId", id).put("skuPartNumber", part).put("capabilityStatus", "Enabled").put("consumedUnits", consumed);
        s.set("prepaidUnits", JSON.createObjectNode().put("enabled", enabled).put("suspended", 0).put("warning", 0).put("lockedOut", 0));
        return s;
    }

    /** 24 users with E3 in four departments, every third also Power BI; five have not signed in for 45 days. */
    static ArrayNode users(Instant now) {
        ArrayNode users = JSON.createArrayNode();
        for (int i = 1; i <= 24; i++) {
            ObjectNode u = JSON.createObjectNode().put("id", String.format("00000000-0000-4000-8000-%012d", i))
                    .put("department", DEPARTMENTS.get(i % DEPARTMENTS.size())).put("accountEnabled", true);
            ArrayNode lic = u.putArray("assignedLicenses");
            lic.add(JSON.createObjectNode().put("skuId", E3));
            if (i % 3 == 0 || i > 21) lic.add(JSON.createObjectNode().put("skuId", POWER_BI));
            long daysAgo = i % 5 == 0 ? 45 : 1 + i % 4;
            u.set("signInActivity", JSON.createObjectNode().put("lastSuccessfulSignInDateTime",
                    now.truncatedTo(ChronoUnit.SECONDS).minus(daysAgo, ChronoUnit.DAYS).toString()));
            users.add(u);
        }
        return users;
    }

    private void stripe(HttpExchange x) throws IOException {
        if (!x.getRequestURI().getPath().equals("/stripe/v1/balance_transactions")) {
            send(x, 404, JSON.createObjectNode().set("error", JSON.createObjectNode().put("type", "invalid_request_error").put("message", "Unrecognized request URL")));
            return;
        }
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        long gte = Long.parseLong(q.getOrDefault("created[gte]", "0"));
        long lt = Long.parseLong(q.getOrDefault("created[lt]", Long.toString(Instant.now().getEpochSecond())));
        int limit = Integer.parseInt(q.getOrDefault("limit", "10"));
        List<ObjectNode> all = transactions(gte, Math.min(lt, Instant.now().getEpochSecond()));
        int from = 0;
        String after = q.get("starting_after");
        if (after != null) {
            for (int i = 0; i < all.size(); i++) if (all.get(i).get("id").asText().equals(after)) from = i + 1;
        }
        ArrayNode data = JSON.createArrayNode();
        for (int i = from; i < Math.min(all.size(), from + limit); i++) data.add(all.get(i));
        ObjectNode page = JSON.createObjectNode().put("object", "list").put("url", "/v1/balance_transactions").put("has_more", from + limit < all.size());
        page.set("data", data);
        send(x, 200, page);
    }

    /**
     * The account's balance transactions created in [gte, lt), newest first as Stripe lists them: 3-6 card charges a
     * day (2.9% + 0.30 USD processing fee), a refund every seventh day, Stripe Billing's usage fee on the 2nd.
     */
    static List<ObjectNode> transactions(long gte, long lt) {
        List<ObjectNode> out = new ArrayList<>();
        for (LocalDate d = Instant.ofEpochSecond(gte).atZone(ZoneOffset.UTC).toLocalDate(); d.atStartOfDay(ZoneOffset.UTC).toEpochSecond() < lt; d = d.plusDays(1)) {
            long day = d.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            int charges = 3 + d.getDayOfYear() % 4;
            for (int i = 0; i < charges; i++) {
                long amount = 1900 + ((d.getDayOfYear() * 37L + i * 53L) % 80) * 100;
                long fee = amount * 29 / 1000 + 30;
                add(out, gte, lt, txn("txn_demo_" + d + "_c" + i, "charge", day + 3600L * (8 + i), amount, fee, "Demo order " + d + "/" + i), fee);
            }
            if (d.getDayOfMonth() % 7 == 0) add(out, gte, lt, txn("txn_demo_" + d + "_r", "refund", day + 3600L * 20, -2500, 0, "REFUND FOR CHARGE (demo)"), 0);
            if (d.getDayOfMonth() == 2) add(out, gte, lt, txn("txn_demo_" + d + "_b", "stripe_fee", day + 3600L * 2, -4200, 0, "Billing - Usage Fee"), 0);
        }
        out.sort((a, b) -> Long.compare(b.get("created").asLong(), a.get("created").asLong()) != 0
                ? Long.compare(b.get("created").asLong(), a.get("created").asLong()) : b.get("id").asText().compareTo(a.get("id").asText()));
        return out;
    }

    private static void add(List<ObjectNode> out, long gte, long lt, ObjectNode t, long fee) {
        long created = t.get("created").asLong();
        if (created < gte || created >= lt) return;
        ArrayNode details = t.putArray("fee_details");
        if (fee != 0) details.add(JSON.createObjectNode().put("amount", fee).put("currency", "usd").put("type", "stripe_fee").put("description", "Stripe processing fees"));
        out.add(t);
    }

    private static ObjectNode txn(String id, String type, long created, long amount, long fee, String description) {
        return JSON.createObjectNode().put("id", id).put("object", "balance_transaction").put("amount", amount).put("created", created)
                .put("currency", "usd").put("description", description).put("fee", fee).put("net", amount - fee)
                .put("status", "available").put("type", type).put("reporting_category", type.equals("stripe_fee") ? "fee" : type);
    }

    private static Map<String, String> query(String raw) {
        return StubQuery.of(raw);
    }

    private static void send(HttpExchange x, int status, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (var out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
