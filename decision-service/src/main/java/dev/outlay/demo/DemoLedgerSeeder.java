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
import dev.outlay.model.SourceKind;
import dev.outlay.tenancy.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Gives a demo tenant a generated, deterministic multi-provider ledger (AWS CUR 2.0, Azure-shaped FOCUS, a SaaS
 * invoice) through the same ingestion pipeline as real files. Switch: {@code outlay.ingestion.demo-seed}.
 */
@ApplicationScoped
public class DemoLedgerSeeder {

    private static final Logger LOG = Logger.getLogger(DemoLedgerSeeder.class);
    public static final int AWS_RESOURCES = 220;
    public static final int AZURE_RESOURCES = 110;

    @Inject
    IngestionConfig config;

    @Inject
    IngestionService ingestion;

    void onTenantCreated(@Observes TenantRegistry.TenantCreated created) {
        if (!created.demo() || !config.demoSeed()) return;
        List<java.util.UUID> ids = seedAsync(SyntheticBilling.yesterdayUtc(), config.demoDays(), AWS_RESOURCES, AZURE_RESOURCES);
        LOG.infof("demo ledger: %d generated files queued for tenant %s (%s)", ids.size(), created.tenantId(), ids);
    }

    /** Queues the three generated files on the ingestion workers (inside the current tenant). */
    public List<java.util.UUID> seedAsync(LocalDate lastDay, int days, int awsResources, int azureResources) {
        List<java.util.UUID> ids = new ArrayList<>();
        for (Generated g : generate(lastDay, days, awsResources, azureResources)) {
            ids.add(ingestion.submit(g.request, new ByteArrayInputStream(g.bytes)).id());
        }
        return ids;
    }

    /** Loads the three generated files on the calling thread; returns their manifest entries. */
    public List<Ingestion> seedNow(LocalDate lastDay, int days, int awsResources, int azureResources) {
        List<Ingestion> out = new ArrayList<>();
        for (Generated g : generate(lastDay, days, awsResources, azureResources)) {
            out.add(ingestion.ingestNow(g.request, new ByteArrayInputStream(g.bytes)));
        }
        return out;
    }

    private record Generated(IngestionService.Request request, byte[] bytes) {
    }

    private static List<Generated> generate(LocalDate lastDay, int days, int awsResources, int azureResources) {
        return List.of(
                new Generated(new IngestionService.Request(SourceKind.AWS_CUR, "demo-aws", "demo-aws-cur2.csv", null),
                        bytes(w -> SyntheticBilling.awsCur2(w, lastDay, days, awsResources, 1, 20240101L))),
                new Generated(new IngestionService.Request(SourceKind.FOCUS, "demo-azure", "demo-azure-focus.csv", null),
                        bytes(w -> SyntheticBilling.azureFocus(w, lastDay, days, azureResources, 20240202L))),
                new Generated(new IngestionService.Request(SourceKind.INVOICE_CSV, "demo-saas", "demo-saas-invoices.csv", SyntheticBilling.SAAS_MAPPING),
                        bytes(w -> SyntheticBilling.saasInvoice(w, lastDay, days, 20240303L))));
    }

    private static byte[] bytes(Consumer<Writer> gen) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        gen.accept(w);
        return out.toByteArray();
    }
}
