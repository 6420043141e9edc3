/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import dev.outlay.connections.AzureBlobCredentials;
import dev.outlay.connections.AzureBlobSettings;
import dev.outlay.connections.Connection;
import dev.outlay.connections.ConnectionInput;
import dev.outlay.connections.ConnectionPoller;
import dev.outlay.connections.ConnectionService;
import dev.outlay.connections.GcpBigQuerySettings;
import dev.outlay.connectors.azure.blob.AzureBlobLocation;
import dev.outlay.connectors.azure.blob.AzureExportFiles;
import dev.outlay.connectors.synthetic.SyntheticAzureExports;
import dev.outlay.connectors.synthetic.SyntheticGcpBilling;
import dev.outlay.ingestion.Ingestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a demo tenant its Azure and GCP billing in the providers' native shapes, loaded through the real
 * connections: the generator's Cost Management export pair (with manifests) and detailed BigQuery export rows are
 * published on {@link DemoCloudExportsStub} (a labelled local stub, demo mode only), the tenant gets an
 * {@code azure-blob} and a {@code gcp-bigquery} connection pointing at it, and each is polled for the demo's
 * months through {@link ConnectionPoller} (export runs, manifests, row mappers, ledger replace scope). A data set
 * is named by its parameters (last day, days, resources), so two tenants seeded alike share its blobs and table.
 */
@ApplicationScoped
public class DemoCloudExportsSeeder {

    public static final String AZURE = "demo-azure";
    public static final String GCP = "demo-gcp";
    static final long AZURE_SEED = 20240202L;
    static final long GCP_SEED = 20240404L;
    // Only the stub reads it, and it checks nothing; the shape is a SAS's because the connection requires one.
    static final String DEMO_SAS = "sv=2024-08-04&ss=b&srt=co&sp=rl&se=2099-12-31T00:00:00Z&sig=demo-stub-not-a-signature";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    DemoCloudExportsStub stub;

    @Inject
    ConnectionService connections;

    @Inject
    ConnectionPoller poller;

    /** What the generator wrote and where; the connections exist (inside the current tenant), nothing is polled yet. */
    public record Prepared(Connection azure, Connection gcp, List<SyntheticAzureExports.Month> azureMonths,
                           String gcpTable, List<SyntheticGcpBilling.Month> gcpMonths, YearMonth from, YearMonth to) {
    }

    /** What {@link #seedNow} loaded: the prepared data and each connection's poll with its ingestions. */
    public record Seeded(Prepared prepared, ConnectionPoller.PollNow azurePoll, ConnectionPoller.PollNow gcpPoll) {
        public List<Ingestion> ingestions() {
            List<Ingestion> all = new ArrayList<>(azurePoll.ingestions());
            all.addAll(gcpPoll.ingestions());
            return all;
        }
    }

    /** Generates and publishes the data set and creates (or reuses) the tenant's two connections. */
    public Prepared prepare(LocalDate lastDay, int days, int azureResources, int gcpResources) {
        String key = DAY.format(lastDay) + "-" + days + "d";
        String prefix = "demo/" + key + "-" + azureResources + "r";
        AzureExportFiles files = new AzureExportFiles(new AzureBlobLocation(DemoCloudExportsStub.ACCOUNT,
                URI.create(stub.blobEndpoint()), DemoCloudExportsStub.CONTAINER, prefix));
        List<SyntheticAzureExports.Month> azureMonths = SyntheticAzureExports.write(files, lastDay, days, azureResources, AZURE_SEED);
        stub.publish(files);
        SyntheticGcpBilling.Export gcpRows = SyntheticGcpBilling.generate(lastDay, days, gcpResources, GCP_SEED);
        String table = "gcp_billing_export_resource_v1_" + SyntheticGcpBilling.BILLING_ACCOUNT.replace('-', '_') + "_" + key.replace('-', '_')
                + "_" + gcpResources + "r";
        stub.publish(table, gcpRows.rows());

        Connection azure = existing(AZURE).orElseGet(() -> connections.createLoopbackStub(new ConnectionInput(AZURE, ConnectionInput.AZURE_BLOB, true,
                new AzureBlobSettings(DemoCloudExportsStub.ACCOUNT, DemoCloudExportsStub.CONTAINER, prefix, AzureBlobSettings.PAIR,
                        SyntheticAzureExports.ACTUAL_EXPORT, SyntheticAzureExports.AMORTIZED_EXPORT, null, stub.blobEndpoint()),
                new AzureBlobCredentials(DEMO_SAS, null, null, null, null))));
        Connection gcp = existing(GCP).orElseGet(() -> connections.createLoopbackStub(new ConnectionInput(GCP, ConnectionInput.GCP_BIGQUERY, true,
                new GcpBigQuerySettings(DemoCloudExportsStub.PROJECT, DemoCloudExportsStub.DATASET, table, stub.baseUrl()), null)));
        LocalDate first = lastDay.minusDays(days - 1L);
        return new Prepared(azure, gcp, azureMonths, table, gcpRows.months(), YearMonth.from(first), YearMonth.from(lastDay));
    }

    /** Polls both connections for the prepared months on the calling thread. */
    public Seeded poll(Prepared p) {
        ConnectionPoller.PollNow az = poller.pollNow(p.azure().id(), p.from(), p.to());
        ConnectionPoller.PollNow gc = poller.pollNow(p.gcp().id(), p.from(), p.to());
        return new Seeded(p, az, gc);
    }

    /** {@link #prepare} and {@link #poll}. */
    public Seeded seedNow(LocalDate lastDay, int days, int azureResources, int gcpResources) {
        return poll(prepare(lastDay, days, azureResources, gcpResources));
    }

    private java.util.Optional<Connection> existing(String name) {
        return connections.list().stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
