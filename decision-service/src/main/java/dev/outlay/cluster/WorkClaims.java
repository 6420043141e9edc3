/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.cluster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claims of background work items in {@code outlay.work_claim} (V330). A claim names its owner instance; it lasts
 * as long as that instance's lease ({@link InstanceLease}). Queued items are taken with {@code FOR UPDATE SKIP
 * LOCKED}, so two instances never take the same one and neither waits for the other.
 */
@ApplicationScoped
public class WorkClaims {

    private static final Logger LOG = Logger.getLogger(WorkClaims.class);

    public record Item(String kind, UUID id, String tenantId) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InstanceLease lease;

    /** Claims a new item for this instance; written before the item's own row (see V330). */
    public void lease(String kind, String tenantId, UUID id) {
        update("INSERT INTO outlay.work_claim (kind, item_id, tenant_id, state, owner) VALUES (?, ?, ?, 'leased', ?)",
                kind, id, tenantId, lease.id());
    }

    /**
     * Asks for a run of a per-tenant item (a detection): queued when none is waiting; when one is running, it is
     * asked to run once more after it ends; when one is already waiting, nothing changes. True when newly queued.
     */
    public boolean request(String kind, String tenantId, UUID id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO outlay.work_claim AS w (kind, item_id, tenant_id, state) VALUES (?, ?, ?, 'queued')
                ON CONFLICT (kind, item_id) DO UPDATE SET again = true WHERE w.state <> 'queued'
                RETURNING (xmax = 0) AS inserted""")) {
            ps.setString(1, kind);
            ps.setObject(2, id);
            ps.setString(3, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("work claim failed", e);
        }
    }

    /**
     * Ends this instance's claim of an item. A claim asked to run again goes back to the queue. Returns false when
     * the claim was no longer this instance's (its lease had run out and a survivor recovered the item).
     */
    public boolean release(String kind, UUID id) {
        int again = update("""
                UPDATE outlay.work_claim SET state = 'queued', owner = NULL, again = false, queued_at = now()
                WHERE kind = ? AND item_id = ? AND owner = ? AND again""", kind, id, lease.id());
        if (again > 0) return true;
        int n = update("DELETE FROM outlay.work_claim WHERE kind = ? AND item_id = ? AND owner = ?", kind, id, lease.id());
        if (n == 0) LOG.warnf("%s %s: its claim had passed to another instance when this one finished", kind, id);
        return n > 0;
    }

    /** Takes the oldest queued item of a kind for this instance, if any. */
    public Optional<Item> claimNext(String kind) {
        List<Item> items = items("""
                UPDATE outlay.work_claim w SET state = 'leased', owner = ?
                WHERE (w.kind, w.item_id) = (SELECT kind, item_id FROM outlay.work_claim
                                             WHERE kind = ? AND state = 'queued' ORDER BY queued_at
                                             FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING w.kind, w.item_id, w.tenant_id""", lease.id(), kind);
        return items.stream().findFirst();
    }

    /**
     * Takes over, for recovery, the claims whose owner's lease ran out (including claims a recovering instance took
     * and then died with, and this instance's own recoveries that failed last pass). Each goes to exactly one caller.
     */
    public List<Item> takeExpired(int limit) {
        return items("""
                UPDATE outlay.work_claim w SET state = 'expired', owner = ?
                WHERE (w.kind, w.item_id) IN (SELECT kind, item_id FROM outlay.work_claim
                                              WHERE (state IN ('leased', 'expired') AND owner NOT IN %s)
                                                 OR (state = 'expired' AND owner = ?)
                                              FOR UPDATE SKIP LOCKED LIMIT ?)
                RETURNING w.kind, w.item_id, w.tenant_id""".formatted(InstanceLease.LIVE), lease.id(), lease.id(), limit);
    }

    /** A recovered item is runnable again: any instance may take it. */
    public void requeue(Item item) {
        update("""
                UPDATE outlay.work_claim SET state = 'queued', owner = NULL, again = false, queued_at = now()
                WHERE kind = ? AND item_id = ? AND owner = ?""", item.kind(), item.id(), lease.id());
    }

    /** A recovered item was failed: its claim ends. */
    public void drop(Item item) {
        update("DELETE FROM outlay.work_claim WHERE kind = ? AND item_id = ? AND owner = ?", item.kind(), item.id(), lease.id());
    }

    private List<Item> items(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<Item> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Item(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3)));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("work claim failed", e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("work claim failed", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    }
}
