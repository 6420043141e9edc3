/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.sso;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The current tenant's SSO registration (row-level security scopes every statement to it). */
@ApplicationScoped
public class SsoConfigRepository {

    private static final TypeReference<TreeMap<String, List<String>>> MAPPING = new TypeReference<>() {
    };

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    Optional<SsoRegistration> find() {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("SELECT tenant_id, issuer, client_id, client_secret_sealed, role_claim, role_mapping, "
                     + "sso_required, updated_by, updated_at FROM outlay.tenant_sso")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new SsoRegistration(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        json.readValue(rs.getString(6), MAPPING), rs.getBoolean(7), rs.getString(8), rs.getTimestamp(9).toInstant()));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the SSO registration", e);
        }
    }

    void upsert(String issuer, String clientId, String sealedSecret, String roleClaim, SortedMap<String, List<String>> mapping,
                boolean required, String by) {
        update("""
                INSERT INTO outlay.tenant_sso (tenant_id, issuer, client_id, client_secret_sealed, role_claim, role_mapping, sso_required, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id,
                    client_secret_sealed = excluded.client_secret_sealed, role_claim = excluded.role_claim,
                    role_mapping = excluded.role_mapping, sso_required = excluded.sso_required,
                    updated_by = excluded.updated_by, updated_at = now()""",
                TenantContext.requireTenant(), issuer, clientId, sealedSecret, roleClaim, canonical(mapping), required, by);
    }

    void delete() {
        update("DELETE FROM outlay.tenant_sso WHERE tenant_id = ?", TenantContext.requireTenant());
    }

    private String canonical(SortedMap<String, List<String>> mapping) {
        try {
            return json.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the SSO registration", e);
        }
    }
}
