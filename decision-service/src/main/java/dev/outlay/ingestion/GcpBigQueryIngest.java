/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ingestion;

import dev.outlay.api.problem.Problem;
import dev.outlay.connectors.ChargeList;
import dev.outlay.connectors.ChargeStream;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.gcp.GcpBillingRead;
import dev.outlay.connectors.gcp.GcpBillingReadException;
import dev.outlay.connectors.gcp.GcpBillingReader;
import dev.outlay.connectors.gcp.GcpBillingRow;
import dev.outlay.decisions.ContentHash;
import dev.outlay.ledger.LedgerLoader;
import dev.outlay.model.SourceKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Loads one invoice month of a tenant's BigQuery billing export (a {@code gcp-bigquery} connection) as one
 * ingestion replacing the month: Google keeps adding late rows and adjustments to a month after it ends, so the
 * month is read whole. The month's newest {@code export_time} of the last good load is kept
 * ({@link GcpExportWatermarks}) and sent as {@code @since}: BigQuery returns the month only when a row was exported
 * after it, and then the whole month, which replaces the month's earlier load (rewritten days included); an
 * unchanged month returns no rows and loads nothing. The fingerprint is that watermark and the row count: a re-read
 * of the same rows is a duplicate. A replay reads the month whatever the watermark. A refused read (auth, missing table, query error, mixed currencies) is recorded
 * as a failed ingestion naming the table; nothing reaches the ledger.
 */
@ApplicationScoped
public class GcpBigQueryIngest {

    private static final DateTimeFormatter INVOICE_MONTH = DateTimeFormatter.ofPattern("yyyyMM");

    @Inject
    IngestionService ingestion;

    @Inject
    GcpExportWatermarks watermarks;

    /** Empty when the export has no row for the month. */
    public Optional<Ingestion> ingestMonth(String source, String table, GcpBillingReader reader, YearMonth month, boolean replay) {
        String objectKey = "bigquery://" + table + "/invoice_month=" + INVOICE_MONTH.format(month);
        var req = new IngestionService.Request(SourceKind.GCP_BILLING, source, objectKey, null, replay);
        String invoiceMonth = INVOICE_MONTH.format(month);
        GcpBillingRead read;
        try {
            read = reader.read(invoiceMonth, replay ? null : watermarks.find(source, invoiceMonth).orElse(null));
        } catch (SourceFormatException e) {
            return Optional.of(ingestion.recordRefused(req, e));
        } catch (GcpBillingReadException e) {
            return Optional.of(ingestion.recordRefused(req, problem(e)));
        }
        if (!read.changed()) return Optional.empty();
        List<dev.outlay.model.Charge> charges = read.rows().stream().map(GcpBillingRow::charge).toList();
        LedgerLoader.SourceFile file = new LedgerLoader.SourceFile() {
            @Override
            public String objectKey() {
                return objectKey;
            }

            @Override
            public ChargeStream open() {
                return new ChargeList(read.schemaVersion(), charges);
            }
        };
        String fingerprint = ContentHash.sha256(objectKey + "\n" + read.watermark() + "\n" + charges.size() + "\n" + read.schemaVersion());
        Ingestion done = ingestion.ingestFiles(req, fingerprint, List.of(file));
        if (("succeeded".equals(done.status()) || "duplicate".equals(done.status())) && read.watermark() != null) {
            watermarks.store(source, invoiceMonth, read.watermark(), done.id());
        }
        return Optional.of(done);
    }

    static Problem problem(GcpBillingReadException e) {
        int status = switch (e.kind()) {
            case CREDENTIALS_REJECTED, UNAVAILABLE -> 502;
            case TABLE_NOT_FOUND -> 404;
            case QUERY_REJECTED, MIXED_CURRENCIES -> 422;
        };
        String title = switch (e.kind()) {
            case CREDENTIALS_REJECTED -> "BigQuery refused the credentials";
            case TABLE_NOT_FOUND -> "Billing export table not found";
            case QUERY_REJECTED -> "BigQuery refused the query";
            case MIXED_CURRENCIES -> "Mixed currencies in one billing account";
            case UNAVAILABLE -> "BigQuery unavailable";
        };
        return Problem.of(status, title, e.getMessage()).withErrors(List.of(new Problem.Fault(e.getMessage(), "table", null, null, e.table())));
    }
}
