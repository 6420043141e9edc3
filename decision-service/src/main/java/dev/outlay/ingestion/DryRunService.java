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
import dev.outlay.api.problem.ProblemException;
import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.Connectors;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.ledger.LedgerScopes;
import dev.outlay.ledger.PeriodTotal;
import dev.outlay.model.Charge;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.SourceKind;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads a billing file as an ingestion would, without writing anything: the mapping a FinOps admin is writing for
 * a new invoice export is checked against the real file, and an upload is previewed before it replaces a month.
 * The answer says what a load would do: rows and totals per billing period and currency, flagged rows, the first
 * canonical rows, the ledger rows it would replace and the change per period (a restated export's delta), and
 * whether it would be a duplicate.
 */
@ApplicationScoped
public class DryRunService {

    /** Most canonical rows a dry run returns. */
    public static final int MAX_SAMPLE = 100;

    @Inject
    IngestionService ingestion;

    @Inject
    IngestionConfig config;

    @Inject
    IngestionRepository manifest;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    dev.outlay.audit.AuditLog audit;

    /** What the audit log keeps of a dry run: who looked at which bytes under which mapping (nothing else is written). */
    public record DryRunAudit(String source, String sourceKind, String objectKey, String sha256, long bytes, String mapping,
                              long rowsRead, long wouldReplaceRows, UUID duplicateOf) {
    }

    public record DryRun(String source, String sourceKind, String objectKey, String mapping, String schemaVersion,
                         long rowsRead, long bytesRead, List<String> billingPeriods, List<PeriodTotal> totals,
                         Map<String, Long> flaggedRows, long rowsFlagged, long wouldReplaceRows, List<PeriodTotal> replaces,
                         List<PeriodTotal> changes, UUID duplicateOf, List<Map<String, Object>> sample) {
    }

    /**
     * @param template the bundled mapping the request's mapping came from, or null; only named in the answer
     */
    public DryRun run(IngestionService.Request request, String template, InputStream body, int sampleSize) {
        if (sampleSize < 0 || sampleSize > MAX_SAMPLE) {
            throw ProblemException.badRequest("sample must be 0 to " + MAX_SAMPLE, Problem.Fault.at("sample", "0 to " + MAX_SAMPLE));
        }
        IngestionService.Request req = ingestion.withStoredMapping(request);
        IngestionService.validateMapping(req);
        StagedUpload upload = StagedUpload.spool(body, config.maxUploadBytes());
        try (InputStream in = Files.newInputStream(upload.path());
             ChargeReader r = Connectors.open(req.kind(), req.mapping(), in, req.objectKey())) {
            Map<String, PeriodTotal> totals = new TreeMap<>();
            Map<String, Long> flags = new TreeMap<>();
            Set<LedgerScopes.Scope> scopes = new LinkedHashSet<>();
            List<Map<String, Object>> sample = new ArrayList<>();
            long flagged = 0;
            for (Charge c = r.next(); c != null; c = r.next()) {
                PeriodTotal one = new PeriodTotal(c.billingPeriod().toString().substring(0, 7), c.billingCurrency(), 1,
                        c.billedCost(), c.effectiveCost());
                totals.merge(one.key(), one, PeriodTotal::plus);
                scopes.add(new LedgerScopes.Scope(c.billingPeriod(), c.billingAccountId()));
                if (!c.flags().isEmpty()) flagged++;
                for (DataQualityFlag f : c.flags()) flags.merge(f.name(), 1L, Long::sum);
                if (sample.size() < sampleSize) sample.add(ChargePreview.of(c));
            }
            List<String> periods = totals.values().stream().map(PeriodTotal::billingPeriod).distinct().toList();
            UUID duplicate = manifest.currentWithChecksum(req.source(), upload.sha256(), req.mappingSha256()).orElse(null);
            List<PeriodTotal> replaced = ledgerTotals(req.source(), scopes);
            DryRun answer = new DryRun(req.source(), req.kind().id(), req.objectKey(), origin(request, req, template),
                    r.start().schemaVersion(), r.rowsRead(), r.bytesRead(), periods, List.copyOf(totals.values()), flags, flagged,
                    replaced.stream().mapToLong(PeriodTotal::rows).sum(), replaced, changes(totals.values(), replaced), duplicate, sample);
            audit.record("ingestion.dry-run", "source", req.source(), null, new DryRunAudit(req.source(), req.kind().id(),
                    req.objectKey(), upload.sha256(), upload.size(), answer.mapping(), answer.rowsRead(), answer.wouldReplaceRows(), duplicate));
            return answer;
        } catch (SourceFormatException e) {
            throw new ProblemException(IngestionProblems.of(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            upload.delete();
        }
    }

    /** Which mapping read the file: the upload's own, a bundled template, the source's stored one, or none. */
    private static String origin(IngestionService.Request asked, IngestionService.Request used, String template) {
        if (used.mapping() == null) return used.kind() == SourceKind.INVOICE_CSV ? "default" : "fixed";
        if (!used.mapping().equals(asked.mapping())) return "stored";
        return template != null ? "template:" + template : "upload";
    }

    /**
     * What a load changes per billing period and currency: the file's totals minus the ledger rows it replaces (a
     * restated export shows its delta before it lands; a period or currency only one side has counts in full).
     */
    static List<PeriodTotal> changes(Collection<PeriodTotal> incoming, List<PeriodTotal> replaced) {
        Map<String, PeriodTotal> out = new TreeMap<>();
        for (PeriodTotal t : incoming) out.merge(t.key(), t, PeriodTotal::plus);
        for (PeriodTotal t : replaced) out.merge(t.key(), t.negated(), PeriodTotal::plus);
        return List.copyOf(out.values());
    }

    private List<PeriodTotal> ledgerTotals(String source, Set<LedgerScopes.Scope> scopes) {
        try (Connection c = dataSource.getConnection()) {
            return LedgerScopes.totals(c, source, scopes);
        } catch (SQLException e) {
            throw new IllegalStateException("could not total the ledger rows a load would replace", e);
        }
    }
}
