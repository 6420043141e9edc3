/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outlay.platform.Secrets;
import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Status sync for Jira connections without a webhook (no inbound secret): reads the status of the issues Outlay
 * opened and applies it exactly as the webhook does ({@link JiraSync#status}), so Done moves a finding to actioned.
 * Uses Jira Cloud's {@code POST /rest/api/3/search/jql} (the old {@code /search} answers 410) with {@code key in (…)}
 * in batches and its {@code nextPageToken} paging. Jira answers 400 for the whole search when one key no longer
 * exists (a deleted or moved issue), so such a batch is read issue by issue instead. A 429 stops the connection's
 * poll until its {@code Retry-After}; 401/403 mark the connection unhealthy. Idempotent: an unchanged status changes
 * nothing, and issues already in the "done" category are not asked about again.
 */
@ApplicationScoped
public class JiraPoller {

    @jakarta.inject.Inject
    dev.outlay.cluster.ClusterJobs cluster;

    private static final Logger LOG = Logger.getLogger(JiraPoller.class);
    private static final Pattern ISSUE_KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,9}-[0-9]{1,12}");
    private static final Duration DEFAULT_BACKOFF = Duration.ofMinutes(1);

    /** What one poll of one connection did; {@code stopped} says why it ended early (throttled, refused), else null. */
    public record Polled(int asked, int moved, String stopped) {
    }

    @Inject
    ActionsConfig config;

    @Inject
    TenantRegistry tenants;

    @Inject
    IntegrationStore integrations;

    @Inject
    ExternalLinks links;

    @Inject
    JiraSync sync;

    @Inject
    Secrets secrets;

    @Inject
    ObjectMapper json;

    private final Map<java.util.UUID, Instant> notBefore = new ConcurrentHashMap<>();

    @Scheduled(every = "${outlay.actions.jira-poll-every:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.worker()) return;
        if (!cluster.onceEvery("jira-poll", "outlay.actions.jira-poll-every", "5m")) return;
        for (String tenant : tenants.activeIds()) {
            try {
                pollTenant(tenant);
            } catch (RuntimeException e) {
                LOG.warnf(e, "tenant %s: Jira status poll failed", tenant);
            }
        }
    }

    /** Polls every webhook-less Jira connection of the tenant. */
    public synchronized List<Polled> pollTenant(String tenant) {
        return TenantContext.runAs(TenantContext.system(tenant), () -> {
            List<Polled> out = new ArrayList<>();
            for (Integration c : integrations.list()) {
                if ("jira".equals(c.kind()) && !c.inboundSecret()) out.add(poll(c));
            }
            return out;
        });
    }

    private Polled poll(Integration c) {
        Instant wait = notBefore.get(c.id());
        if (wait != null && Instant.now().isBefore(wait)) return new Polled(0, 0, "throttled until " + wait);
        List<String> keys = links.notDone(c.id()).stream().map(ExternalLink::key).filter(k -> ISSUE_KEY.matcher(k).matches()).toList();
        if (keys.isEmpty()) return new Polled(0, 0, null);
        String auth = "Basic " + Base64.getEncoder().encodeToString(secrets.box()
                .open(integrations.sealedSecret(c.id()), TenantContext.requireTenant(), IntegrationService.purpose(c.id())).getBytes(StandardCharsets.UTF_8));
        int moved = 0;
        int batch = Math.max(1, config.jiraPollBatch());
        for (int from = 0; from < keys.size(); from += batch) {
            List<String> part = keys.subList(from, Math.min(keys.size(), from + batch));
            Page page = search(c, auth, part);
            if (page.missingKey()) page = oneByOne(c, auth, part);
            moved += page.moved();
            if (page.stopped() != null) return new Polled(keys.size(), moved, page.stopped());
        }
        if (!c.healthy()) integrations.health(c.id(), true, null);
        return new Polled(keys.size(), moved, null);
    }

    /** {@code moved}: statuses that changed something; {@code missingKey}: Jira refused the JQL (a key that no longer exists). */
    private record Page(int moved, String stopped, boolean missingKey) {
    }

    private Page search(Integration c, String auth, List<String> keys) {
        String token = null;
        int moved = 0;
        do {
            ObjectNode body = json.createObjectNode();
            body.put("jql", "key in (" + String.join(",", keys) + ") ORDER BY key");
            body.putArray("fields").add("status");
            body.put("maxResults", keys.size());
            if (token != null) body.put("nextPageToken", token);
            HttpRequest request = HttpRequest.newBuilder(URI.create(base(c) + "/rest/api/3/search/jql")).timeout(config.httpTimeout())
                    .header("Authorization", auth).header("Accept", "application/json").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
            Http.Answer a = Http.exchange(config, request);
            if (a.status() != null && a.status() == 400) return new Page(moved, null, true);
            Optional<String> refused = refusal(c, a);
            if (refused.isPresent()) return new Page(moved, refused.get(), false);
            JsonNode answer = read(a.body());
            for (JsonNode issue : answer.path("issues")) moved += apply(c, issue);
            token = answer.path("isLast").asBoolean(!answer.hasNonNull("nextPageToken")) ? null : answer.path("nextPageToken").asText(null);
        } while (token != null);
        return new Page(moved, null, false);
    }

    private Page oneByOne(Integration c, String auth, List<String> keys) {
        int moved = 0;
        for (String key : keys) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base(c) + "/rest/api/3/issue/" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                    + "?fields=status")).timeout(config.httpTimeout()).header("Authorization", auth).header("Accept", "application/json").GET().build();
            Http.Answer a = Http.exchange(config, request);
            if (a.status() != null && a.status() == 404) {
                LOG.infof("Jira issue %s of connection %s no longer exists; its subject keeps its last status", key, c.id());
                continue;
            }
            Optional<String> refused = refusal(c, a);
            if (refused.isPresent()) return new Page(moved, refused.get(), false);
            moved += apply(c, read(a.body()));
        }
        return new Page(moved, null, false);
    }

    private int apply(Integration c, JsonNode issue) {
        String key = issue.path("key").asText("");
        JsonNode status = issue.path("fields").path("status");
        HookOutcome o = QuarkusTransaction.requiringNew().call(() -> sync.status(c, key, status.path("name").asText(""),
                status.path("statusCategory").path("key").asText("")));
        return "moved".equals(o.outcome()) ? 1 : 0;
    }

    /** Why this answer ends the connection's poll, if it does. */
    private Optional<String> refusal(Integration c, Http.Answer a) {
        if (a.status() == null) return Optional.of(a.failure());
        if (a.status() == 429) {
            Instant until = Instant.now().plus(a.retryAfter() == null ? DEFAULT_BACKOFF : a.retryAfter());
            notBefore.put(c.id(), until);
            return Optional.of("throttled until " + until);
        }
        if (a.status() == 401 || a.status() == 403) {
            String why = "Jira refused the credentials (HTTP " + a.status() + ")";
            integrations.health(c.id(), false, why);
            return Optional.of(why);
        }
        if (a.status() / 100 != 2) return Optional.of(a.result().error());
        return Optional.empty();
    }

    private static String base(Integration c) {
        return c.url().replaceAll("/+$", "");
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }
}
