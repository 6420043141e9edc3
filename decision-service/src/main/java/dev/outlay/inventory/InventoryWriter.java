/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

import dev.outlay.audit.AuditLog;
import dev.outlay.findings.DailyMetric;
import dev.outlay.model.inventory.InventoryItem;
import dev.outlay.model.inventory.MetricSample;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Stores parsed imports, each in one transaction with its audit entry: the import row, the upserts and the
 * full-snapshot marking commit together or not at all.
 */
@ApplicationScoped
public class InventoryWriter {

    @Inject
    InventoryStore store;

    @Inject
    AuditLog audit;

    @Transactional
    public ImportResult inventory(String source, ImportFormat format, String sha256, List<InventoryItem> items,
                                  List<AbsenceScope> scopes) {
        return writeInventory(source, format, sha256, items, scopes);
    }

    @Transactional
    public ImportResult metrics(String source, ImportFormat format, String sha256, List<MetricSample> samples) {
        return writeMetrics(source, format, sha256, samples);
    }

    /** A connection read: its inventory and its metrics as two imports of one transaction. */
    @Transactional
    public List<ImportResult> read(String source, List<InventoryItem> items, List<AbsenceScope> scopes,
                                   List<MetricSample> samples) {
        ImportResult inv = writeInventory(source, ImportFormat.AWS_API, null, items, scopes);
        ImportResult met = writeMetrics(source, ImportFormat.AWS_API, null, samples);
        return List.of(inv, met);
    }

    private ImportResult writeInventory(String source, ImportFormat format, String sha256, List<InventoryItem> items,
                                        List<AbsenceScope> scopes) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.insertImport(id, source, ImportContent.INVENTORY, format, sha256, items.size(), 0, actor(), now);
        store.upsertItems(id, source, items);
        int absent = store.markAbsent(id, source, scopes);
        ImportResult r = new ImportResult(id, source, ImportContent.INVENTORY.wireName(), format.wireName(), sha256,
                items.size(), 0, 0, 0, absent, now);
        audit.record("inventory.import", "inventory_import", id.toString(), null, r);
        return r;
    }

    private ImportResult writeMetrics(String source, ImportFormat format, String sha256, List<MetricSample> samples) {
        List<DailyMetric> days = DailyAggregates.of(samples);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        store.insertImport(id, source, ImportContent.METRICS, format, sha256, 0, samples.size(), actor(), now);
        store.upsertDaily(id, days);
        ImportResult r = new ImportResult(id, source, ImportContent.METRICS.wireName(), format.wireName(), sha256, 0,
                samples.size(), days.size(), DailyAggregates.gaps(days), 0, now);
        audit.record("inventory.import", "inventory_import", id.toString(), null, r);
        return r;
    }

    private static String actor() {
        return TenantContext.caller().map(c -> c.subject()).orElse("system");
    }
}
