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
import dev.outlay.tenancy.TenantContext;
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
 * Gives a demo tenant a generated, deterministic multi-provider ledger through the same pipelines as real sources:
 * AWS CUR 2.0 and a SaaS invoice as uploaded files, Azure (Cost Management actual + amortized exports) and GCP
 * (detailed BigQuery export) through their native connections against the demo stub ({@link DemoCloudExportsSeeder}).
 * Switch: {@code outlay.ingestion.demo-seed}.
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

    @Inject
    DemoCloudExportsSeeder clouds;

    void onTenantCreated(@Observes TenantRegistry.TenantCreated created) {
        if (!created.demo() || !config.demoSeed()) return;
        List<java.util.UUID> ids = seedAsync(SyntheticBilling.yesterdayUtc(), config.demoDays(), AWS_RESOURCES, AZURE_RESOURCES);
        LOG.infof("demo ledger: %d generated files and the Azure and GCP connection polls queued for tenant %s (%s)", ids.size(),
                created.tenantId(), ids);
    }

    /** GCP resources for a given Azure size: half as many (at least five). */
    static int gcpResources(int azureResources) {
        return Math.max(5, azureResources / 2);
    }

    /**
     * Queues the generated files on the ingestion workers (inside the current tenant), creates the Azure and GCP
     * connections and queues their polls; returns the files' ingestion ids.
     */
    public List<java.util.UUID> seedAsync(LocalDate lastDay, int days, int awsResources, int azureResources) {
        List<java.util.UUID> ids = new ArrayList<>();
        for (Generated g : generate(lastDay, days, awsResources)) {
            ids.add(ingestion.submit(g.request, new ByteArrayInputStream(g.bytes)).id());
        }
        DemoCloudExportsSeeder.Prepared p = clouds.prepare(lastDay, days, azureResources, gcpResources(azureResources));
        ingestion.submitJob(TenantContext.caller().orElseThrow(), () -> {
            try {
                DemoCloudExportsSeeder.Seeded s = clouds.poll(p);
                LOG.infof("demo ledger: Azure %s, GCP %s (DEMO STUB of their APIs)", s.azurePoll().result().periods(),
                        s.gcpPoll().result().periods());
            } catch (RuntimeException e) {
                // The rest of the demo stands without it; the connections' lastPoll says what failed.
                LOG.warnf(e, "demo ledger: the Azure/GCP connection polls failed");
            }
        });
        return ids;
    }

    /**
     * Loads the generated files and polls the Azure and GCP connections on the calling thread; returns the manifest
     * entries: AWS, SaaS, then one per Azure month and one per GCP invoice month that had new rows.
     */
    public List<Ingestion> seedNow(LocalDate lastDay, int days, int awsResources, int azureResources) {
        List<Ingestion> out = new ArrayList<>();
        for (Generated g : generate(lastDay, days, awsResources)) {
            out.add(ingestion.ingestNow(g.request, new ByteArrayInputStream(g.bytes)));
        }
        out.addAll(clouds.seedNow(lastDay, days, azureResources, gcpResources(azureResources)).ingestions());
        return out;
    }

    private record Generated(IngestionService.Request request, byte[] bytes) {
    }

    private static List<Generated> generate(LocalDate lastDay, int days, int awsResources) {
        return List.of(
                new Generated(new IngestionService.Request(SourceKind.AWS_CUR, "demo-aws", "demo-aws-cur2.csv", null),
                        bytes(w -> SyntheticBilling.awsCur2(w, lastDay, days, awsResources, 1, 20240101L))),
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
