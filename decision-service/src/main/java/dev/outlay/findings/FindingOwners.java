/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.allocation.ChargeInputs;
import dev.outlay.allocation.Owner;
import dev.outlay.allocation.TagKeys;
import dev.outlay.decisions.CanonicalJson;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Who owns a finding: the team the allocation run in force charged the resource's latest charge to; else the
 * resource's team tag (inventory first, then the ledger row); else "unowned" (routed to FinOps). The environment
 * comes the same way, and decides whether a deletion counts as a production change.
 */
@ApplicationScoped
public class FindingOwners {

    public static final String UNOWNED = "unowned";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param source  allocation | tag | none
     * @param billed  where the resource's latest charge says it is billed (provider, sub-account, region), for findings
     *                on resources only billing knows; null when it has no charge
     */
    public record Resolved(String team, String environment, String source, Billed billed) {
    }

    public record Billed(String provider, String accountId, String region) {
    }

    @Inject
    AgroalDataSource dataSource;

    public Resolved resolve(String resourceId, Map<String, String> inventoryTags) {
        Map<String, String> inv = inventoryTags == null ? Map.of() : inventoryTags;
        try (Connection c = TenantConnections.open(dataSource)) {
            Optional<LatestCharge> charge = latestCharge(c, resourceId);
            Billed billed = charge.map(LatestCharge::billed).orElse(null);
            if (charge.isPresent()) {
                Optional<Resolved> allocated = allocated(c, charge.get(), inv);
                if (allocated.isPresent()) return allocated.get();
            }
            Map<String, String> ledgerTags = charge.map(LatestCharge::tags).orElse(Map.of());
            String team = tag(inv, TagKeys.TEAM);
            if (team == null) team = tag(ledgerTags, TagKeys.TEAM);
            String env = environment(inv, ledgerTags);
            return team == null ? new Resolved(UNOWNED, env, "none", billed) : new Resolved(team, env, "tag", billed);
        } catch (SQLException e) {
            throw new IllegalStateException("could not resolve the finding's owner", e);
        }
    }

    private record LatestCharge(java.time.LocalDate billingPeriod, String[] columns, Map<String, String> tags, Billed billed) {
    }

    private static Optional<LatestCharge> latestCharge(Connection c, String resourceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT billing_period, tags::text, provider_name, COALESCE(sub_account_id, billing_account_id), region_id, "
                + ChargeInputs.columns()
                + " FROM outlay.ledger_charge WHERE tenant_id = ? AND resource_id = ? ORDER BY charge_period_start DESC, row_number DESC LIMIT 1")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, resourceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                String[] values = new String[ChargeInputs.size()];
                for (int i = 0; i < values.length; i++) values[i] = rs.getString(6 + i);
                return Optional.of(new LatestCharge(rs.getDate(1).toLocalDate(), values, tags(rs.getString(2)),
                        new Billed(rs.getString(3), rs.getString(4), rs.getString(5))));
            }
        }
    }

    private static Optional<Resolved> allocated(Connection c, LatestCharge charge, Map<String, String> inv) throws SQLException {
        String inputs = CanonicalJson.write(ChargeInputs.of(charge.columns(), charge.tags()));
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT g.team, g.environment FROM outlay.allocation_group g
                WHERE g.tenant_id = ? AND g.inputs = ? AND g.outcome = 'direct' AND g.run_id = (
                  SELECT r.id FROM outlay.allocation_run r WHERE r.tenant_id = ? AND r.billing_period = ? AND r.status = 'succeeded'
                    AND r.superseded_by IS NULL ORDER BY r.started_at DESC LIMIT 1)
                LIMIT 1""")) {
            String tenant = TenantContext.requireTenant();
            ps.setString(1, tenant);
            ps.setString(2, inputs);
            ps.setString(3, tenant);
            ps.setDate(4, java.sql.Date.valueOf(charge.billingPeriod()));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                String team = rs.getString(1);
                if (team == null || team.equals(Owner.NONE) || team.equals(Owner.UNALLOCATED.team())) return Optional.empty();
                String env = rs.getString(2);
                if (env == null || env.equals(Owner.NONE)) env = environment(inv, charge.tags());
                return Optional.of(new Resolved(team, env, "allocation", charge.billed()));
            }
        }
    }

    private static String environment(Map<String, String> inv, Map<String, String> ledgerTags) {
        String env = tag(inv, TagKeys.ENVIRONMENT);
        return env != null ? env : tag(ledgerTags, TagKeys.ENVIRONMENT);
    }

    /** The normalised value of the first key (in {@link TagKeys#SPELLING_ORDER}) that spells the canonical ownership tag. */
    static String tag(Map<String, String> tags, String canonical) {
        return tags.keySet().stream().sorted(TagKeys.SPELLING_ORDER)
                .filter(k -> TagKeys.canonical(k).map(canonical::equals).orElse(false))
                .map(k -> TagKeys.normalizeValue(tags.get(k)))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static Map<String, String> tags(String json) {
        if (json == null) return Map.of();
        try {
            Map<String, Object> raw = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
            Map<String, String> out = new java.util.TreeMap<>();
            raw.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
            return out;
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
