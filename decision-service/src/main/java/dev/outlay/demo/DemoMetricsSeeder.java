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
import dev.outlay.economics.KpiInput;
import dev.outlay.economics.MetricInput;
import dev.outlay.economics.MetricService;
import dev.outlay.ingestion.IngestionConfig;
import dev.outlay.tenancy.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Gives a demo tenant a business metric ({@code requests} per product, over the same days as the generated ledger)
 * and a KPI ({@code cost-per-request} of product {@code recommendations}) through the same service the API uses,
 * so {@code GET /api/v1/unit-costs} shows figures once an allocation run exists. Same switch as the ledger seed.
 */
@ApplicationScoped
public class DemoMetricsSeeder {

    private static final Logger LOG = Logger.getLogger(DemoMetricsSeeder.class);

    @Inject
    IngestionConfig config;

    @Inject
    MetricService metrics;

    void onTenantCreated(@Observes TenantRegistry.TenantCreated created) {
        if (!created.demo() || !config.demoSeed()) return;
        seed();
        LOG.infof("demo metrics: requests per product and KPI cost-per-request for tenant %s", created.tenantId());
    }

    /** Defines the metric and KPI and stores the generated values (inside the current tenant). */
    public void seed() {
        metrics.put("requests", new MetricInput("requests", "daily", "product", "API requests served (generated demo data)"));
        metrics.putValues("requests", DemoMetrics.requests(SyntheticBilling.yesterdayUtc(), config.demoDays()));
        metrics.putKpi("cost-per-request", new KpiInput(new KpiInput.Scope("product", "recommendations"), "requests",
                "Allocated cost of the recommendations product per API request"));
    }
}
