/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.connectors.ChargeStream;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.azure.blob.AzureExportPeriod;
import dev.outlay.connectors.azure.blob.AzureExportSelection;
import dev.outlay.connectors.azure.blob.AzureExportStore;
import dev.outlay.ledger.LedgerLoader;
import dev.outlay.model.SourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads one billing month of a tenant's Azure Cost Management exports (an {@code azure-blob} connection): the
 * current runs' manifests pick the blobs, which load as one ingestion replacing the month. A storage or manifest
 * failure found before any row is read is recorded as a failed ingestion too, so the manifest says what and where.
 * The store is a container (a poll; the demo's is its loopback stub) or export files in memory (tests): the same
 * runs, manifests and mappers.
 */
@ApplicationScoped
public class AzureBlobIngest {

    @Inject
    IngestionService ingestion;

    /** Empty when a selected export has no run for the month yet. */
    public Optional<Ingestion> ingestPeriod(String source, AzureExportStore exports, AzureExportSelection selection,
                                            YearMonth month, boolean replay) {
        SourceKind kind = selection.isFocus() ? SourceKind.FOCUS : SourceKind.AZURE_COST;
        Optional<AzureExportPeriod> period;
        try {
            period = AzureExportPeriod.find(exports, selection, month);
        } catch (SourceFormatException e) {
            return Optional.of(ingestion.recordRefused(new IngestionService.Request(kind, source, e.file(), null, replay), e));
        }
        if (period.isEmpty()) return Optional.empty();
        List<LedgerLoader.SourceFile> files = new ArrayList<>();
        for (AzureExportPeriod.Part p : period.get().parts()) {
            files.add(new LedgerLoader.SourceFile() {
                @Override
                public String objectKey() {
                    return p.objectKey();
                }

                @Override
                public ChargeStream open() throws IOException {
                    return p.open();
                }
            });
        }
        // The first manifest names the load (the amortized one of a pair); the fingerprint covers both.
        var req = new IngestionService.Request(kind, source, period.get().manifests().get(0).manifestBlob(), null, replay);
        return Optional.of(ingestion.ingestFiles(req, period.get().fingerprint(), files));
    }
}
