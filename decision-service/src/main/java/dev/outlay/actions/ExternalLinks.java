/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Links from subjects to the issues opened for them, of the current tenant (row-level secured). */
@ApplicationScoped
public class ExternalLinks {

    private static final String COLUMNS = "integration_id, subject_type, subject_id, external_key, external_url, external_status, delivery_id, "
            + "created_at, updated_at";

    @Inject
    AgroalDataSource dataSource;

    public Optional<ExternalLink> forSubject(UUID integrationId, String subjectType, String subjectId) {
        return query("SELECT " + COLUMNS + " FROM outlay.external_link WHERE integration_id = ? AND subject_type = ? AND subject_id = ?",
                integrationId, subjectType, subjectId).stream().findFirst();
    }

    public Optional<ExternalLink> byKey(UUID integrationId, String key) {
        return query("SELECT " + COLUMNS + " FROM outlay.external_link WHERE integration_id = ? AND external_key = ?", integrationId, key)
                .stream().findFirst();
    }

    public List<ExternalLink> ofSubject(String subjectType, String subjectId) {
        return query("SELECT " + COLUMNS + " FROM outlay.external_link WHERE subject_type = ? AND subject_id = ? ORDER BY created_at",
                subjectType, subjectId);
    }

    /** Keeps the link; false when the subject already had one (a concurrent delivery won: theirs stays). */
    public boolean insert(UUID integrationId, String subjectType, String subjectId, String key, String url, UUID deliveryId) {
        return update("INSERT INTO outlay.external_link (tenant_id, integration_id, subject_type, subject_id, external_key, external_url, delivery_id) "
                + "VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", TenantContext.requireTenant(), integrationId, subjectType, subjectId, key, url, deliveryId) == 1;
    }

    /** Records the status (and its category, when known) the outside system reported. */
    public void status(UUID integrationId, String key, String status, String category) {
        update("UPDATE outlay.external_link SET external_status = ?, external_status_category = COALESCE(?, external_status_category), "
                + "updated_at = now() WHERE integration_id = ? AND external_key = ?", status, category, integrationId, key);
    }

    /** The connection's issues not yet seen in a "done" category, oldest first: what a status poll asks about. */
    public List<ExternalLink> notDone(UUID integrationId) {
        return query("SELECT " + COLUMNS + " FROM outlay.external_link WHERE integration_id = ? "
                + "AND external_status_category IS DISTINCT FROM 'done' ORDER BY created_at, external_key", integrationId);
    }

    private List<ExternalLink> query(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<ExternalLink> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExternalLink(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getObject(7, UUID.class), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read external links", e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write external links: " + e.getMessage(), e);
        }
    }
}
