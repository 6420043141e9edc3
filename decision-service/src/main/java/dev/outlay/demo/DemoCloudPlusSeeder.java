/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.connections.ApiSecret;
import dev.outlay.connections.Connection;
import dev.outlay.connections.ConnectionInput;
import dev.outlay.connections.ConnectionService;
import dev.outlay.connections.M365Settings;
import dev.outlay.connections.SaasKinds;
import dev.outlay.connections.StripeSettings;
import dev.outlay.contracts.ContractPrices;
import dev.outlay.ingestion.IngestionConfig;
import dev.outlay.seats.SeatConnections;
import dev.outlay.seats.SeatPollResult;
import dev.outlay.stripe.StripeConnections;
import dev.outlay.stripe.StripePollResult;
import dev.outlay.tenancy.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Gives a demo tenant its Cloud+ sources: a Microsoft 365 and a Stripe connection served by {@link DemoCloudPlusStub}
 * (a labelled local stub, demo mode only), the contract prices of the stub's SKUs, and a first poll of each through
 * the real connectors and ledger pipeline: Microsoft 365 seats per department this month, Stripe's fees and revenue
 * metrics for last month and this one. Same switch as the ledger seed.
 */
@ApplicationScoped
public class DemoCloudPlusSeeder {

    private static final Logger LOG = Logger.getLogger(DemoCloudPlusSeeder.class);
    static final String M365 = "demo-m365";
    static final String STRIPE = "demo-stripe";
    static final String PRICES = "vendor,sku,unitPrice,currency,term,validFrom\n"
            + "microsoft-365,ENTERPRISEPACK,23.00,USD,month,2020-01-01\nmicrosoft-365,POWER_BI_PRO,168.00,USD,year,2020-01-01\n";

    @Inject
    IngestionConfig config;

    @Inject
    DemoCloudPlusStub stub;

    @Inject
    ConnectionService connections;

    @Inject
    ContractPrices prices;

    @Inject
    SeatConnections seats;

    @Inject
    StripeConnections stripe;

    void onTenantCreated(@Observes TenantRegistry.TenantCreated created) {
        if (!created.demo() || !config.demoSeed()) return;
        try {
            Seeded s = seedNow();
            LOG.infof("demo Cloud+: Microsoft 365 %s, Stripe %s for tenant %s (DEMO STUB of their APIs)", s.m365().status(),
                    s.stripe().stream().map(StripePollResult::status).toList(), created.tenantId());
        } catch (RuntimeException e) {
            // The demo's other data stand without it; the connections' lastPoll says what failed.
            LOG.warnf(e, "demo Cloud+ seed failed for tenant %s", created.tenantId());
        }
    }

    /** What {@link #seedNow} created and loaded. */
    public record Seeded(Connection m365Connection, Connection stripeConnection, SeatPollResult m365, List<StripePollResult> stripe) {
    }

    /** Creates the two connections (inside the current tenant) and polls them now. */
    public Seeded seedNow() {
        String base = stub.baseUrl();
        prices.putCsv(PRICES);
        Connection m365 = connections.createLoopbackStub(new ConnectionInput(M365, SaasKinds.M365, true,
                new M365Settings("demo-corp.onmicrosoft.com", "0d0d0d0d-0000-4000-8000-00000000de70", "Demo Corp (stub)",
                        base + "/m365", base + "/m365/demo-corp.onmicrosoft.com/oauth2/v2.0/token"),
                new ApiSecret("demo-stub-secret")));
        Connection st = connections.createLoopbackStub(new ConnectionInput(STRIPE, SaasKinds.STRIPE, true,
                new StripeSettings("acct_1DemoCorpStub01", "Demo Corp payments (stub)", 1, base + "/stripe"),
                new ApiSecret("rk_test_demo_stub_key")));
        SeatPollResult seatPoll = seats.pollNow(m365.id(), false);
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        List<StripePollResult> stripePolls = List.of(stripe.pollNow(st.id(), now.minusMonths(1), false), stripe.pollNow(st.id(), now, false));
        return new Seeded(m365, st, seatPoll, stripePolls);
    }
}
