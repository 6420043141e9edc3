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
package dev.outlay.connectors.m365;

import dev.outlay.connectors.saas.SaasHttp;
import dev.outlay.connectors.saas.SaasReadException;
import dev.outlay.connectors.saas.SeatSubscription;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a Microsoft 365 tenant's licence seats: bought and assigned per SKU from {@code subscribedSkus}, and from the
 * users list who holds each SKU, in which department, and whether they signed in within the last 30 days.
 */
public final class M365Reader {

    static final String SKUS = "/v1.0/subscribedSkus";
    static final String USERS = "/v1.0/users?$select=id,department,accountEnabled,assignedLicenses,signInActivity&$top=999";
    static final String USERS_WITHOUT_ACTIVITY = "/v1.0/users?$select=id,department,accountEnabled,assignedLicenses&$top=999";
    static final Duration ACTIVE_WINDOW = Duration.ofDays(30);

    private final M365Config config;
    private final SaasHttp http;

    public M365Reader(M365Config config, SaasHttp http) {
        this.config = config;
        this.http = http;
    }

    public M365Snapshot read(Instant asOf) {
        GraphClient graph = new GraphClient(config, http);
        List<GraphSku> skus = graph.list(SKUS, GraphSku::parse);
        boolean activityKnown = true;
        List<GraphUser> users;
        try {
            users = graph.list(USERS, GraphUser::parse);
        } catch (SaasReadException e) {
            // Graph answers 403 (Authentication_RequestFromNonPremiumTenantOrB2CTenant) to signInActivity in tenants without
            // Entra ID P1; the licences are still readable without it.
            if (e.kind() != SaasReadException.Kind.CREDENTIALS_REJECTED || !e.getMessage().contains("NonPremiumTenant")) throw e;
            activityKnown = false;
            users = graph.list(USERS_WITHOUT_ACTIVITY, GraphUser::parse);
        }
        return new M365Snapshot(config.tenantId(), asOf, subscriptions(skus, users, activityKnown, asOf), users.size(), activityKnown);
    }

    static List<SeatSubscription> subscriptions(List<GraphSku> skus, List<GraphUser> users, boolean activityKnown, Instant asOf) {
        Instant activeSince = asOf.minus(ACTIVE_WINDOW);
        Map<String, Map<String, Long>> departments = new HashMap<>();
        Map<String, Long> active = new HashMap<>();
        for (GraphUser u : users) {
            for (String sku : u.skuIds()) {
                if (u.department() != null) departments.computeIfAbsent(sku, k -> new TreeMap<>()).merge(u.department(), 1L, Long::sum);
                if (u.lastSignIn() != null && !u.lastSignIn().isBefore(activeSince)) active.merge(sku, 1L, Long::sum);
            }
        }
        return skus.stream().map(s -> new SeatSubscription(s.skuPartNumber(), s.skuId(), s.skuPartNumber(), s.enabled(), s.consumed(),
                activityKnown ? active.getOrDefault(s.skuId(), 0L) : null,
                new TreeMap<>(departments.getOrDefault(s.skuId(), Map.of())))).toList();
    }
}
