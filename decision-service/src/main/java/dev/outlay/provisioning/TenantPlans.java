/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads and writes a tenant's plan and limits (columns of the global tenant registry). {@link #of} and
 * {@link #current} are the read API metering calls; only {@link TenantProvisioning} writes.
 */
@ApplicationScoped
public class TenantPlans {

    /** Canonical: properties in record order, nulls left out, so the same limits are the same bytes. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

    @Inject
    AgroalDataSource dataSource;

    public Optional<TenantPlan> of(String tenantId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT plan, limits FROM outlay.tenant WHERE id = ?")) {
            ps.setString(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new TenantPlan(tenantId, rs.getString(1), JSON.readValue(rs.getString(2), TenantLimits.class)));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the tenant's plan", e);
        }
    }

    /** The plan of the tenant bound to this unit of work. */
    public TenantPlan current() {
        String tenant = TenantContext.requireTenant();
        return of(tenant).orElseThrow(() -> new IllegalStateException("tenant " + tenant + " is not registered"));
    }

    void write(String tenantId, String plan, TenantLimits limits) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE outlay.tenant SET plan = ?, limits = ? WHERE id = ?")) {
            ps.setString(1, plan);
            ps.setString(2, JSON.writeValueAsString(limits));
            ps.setString(3, tenantId);
            if (ps.executeUpdate() != 1) throw new TenantProvisioningRefusedException(404, null, "No tenant " + tenantId + ".");
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not store the tenant's plan", e);
        }
    }
}
