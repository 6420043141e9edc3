/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.connectors.synthetic.SyntheticBilling;
import dev.outlay.ingestion.Ingestion;
import dev.outlay.ingestion.IngestionConfig;
import dev.outlay.ingestion.IngestionService;
import dev.outlay.inventory.ImportContent;
import dev.outlay.inventory.ImportFormat;
import dev.outlay.inventory.ImportResult;
import dev.outlay.inventory.InventoryImportService;
import dev.outlay.model.SourceKind;
import dev.outlay.tenancy.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * Gives a demo tenant the planted savings opportunities of {@link DemoWaste}: their billing through the ingestion
 * pipeline (source {@code demo-aws-waste}, and {@code demo-saas} for the SaaS seat charges), their inventory and 14 days of utilization through the generic import
 * (source {@code upload:demo}). Same switch as the ledger seed.
 */
@ApplicationScoped
public class DemoInventorySeeder {

    private static final Logger LOG = Logger.getLogger(DemoInventorySeeder.class);
    public static final String BILLING_SOURCE = "demo-aws-waste";
    public static final String INVENTORY_SOURCE = "demo";
    public static final String SAAS_BILLING_SOURCE = "demo-saas";

    @Inject
    IngestionConfig config;

    @Inject
    IngestionService ingestion;

    @Inject
    InventoryImportService imports;

    void onTenantCreated(@Observes TenantRegistry.TenantCreated created) {
        if (!created.demo() || !config.demoSeed()) return;
        LocalDate lastDay = SyntheticBilling.yesterdayUtc();
        ingestion.submit(billing(), new ByteArrayInputStream(DemoWaste.cur(lastDay, config.demoDays())));
        ingestion.submit(saasBilling(), new ByteArrayInputStream(DemoWaste.saasFocus(lastDay, config.demoDays())));
        List<ImportResult> stored = importInventory(lastDay);
        LOG.infof("demo inventory: %d items, %d metric days for tenant %s", stored.get(0).items(), stored.get(1).days(),
                created.tenantId());
    }

    /** Loads billing, inventory and metrics on the calling thread (inside the current tenant). */
    public Seeded seedNow(LocalDate lastDay, int days) {
        Ingestion billed = ingestion.ingestNow(billing(), new ByteArrayInputStream(DemoWaste.cur(lastDay, days)));
        Ingestion saas = ingestion.ingestNow(saasBilling(), new ByteArrayInputStream(DemoWaste.saasFocus(lastDay, days)));
        List<ImportResult> stored = importInventory(lastDay);
        return new Seeded(billed, saas, stored.get(0), stored.get(1));
    }

    /** What {@link #seedNow} loaded. */
    public record Seeded(Ingestion billing, Ingestion saasBilling, ImportResult inventory, ImportResult metrics) {
    }

    private List<ImportResult> importInventory(LocalDate lastDay) {
        String source = InventoryImportService.uploadSource(INVENTORY_SOURCE);
        byte[] inv = DemoWaste.inventory(lastDay);
        byte[] met = DemoWaste.metrics(lastDay);
        return List.of(imports.importBytes(ImportContent.INVENTORY, source, ImportFormat.CSV, inv, sha256(inv)),
                imports.importBytes(ImportContent.METRICS, source, ImportFormat.CSV, met, sha256(met)));
    }

    private static IngestionService.Request billing() {
        return new IngestionService.Request(SourceKind.AWS_CUR, BILLING_SOURCE, "demo-aws-waste-cur2.csv", null);
    }

    /** The SaaS vendors' seat charges, as a FOCUS export (source {@code demo-saas}). */
    private static IngestionService.Request saasBilling() {
        return new IngestionService.Request(SourceKind.FOCUS, SAAS_BILLING_SOURCE, "demo-saas-focus.csv", null);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
