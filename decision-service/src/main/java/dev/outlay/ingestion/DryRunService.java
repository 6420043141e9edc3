package dev.outlay.ingestion;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.Connectors;
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.connectors.invoice.InvoiceTemplates;
import dev.outlay.model.Charge;
import dev.outlay.model.DataQualityFlag;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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

    public record PeriodTotal(String billingPeriod, String currency, long rows, BigDecimal billedCost, BigDecimal effectiveCost) {
    }

    public record DryRun(String source, String sourceKind, String objectKey, String mapping, String schemaVersion,
                         long rowsRead, long bytesRead, List<String> billingPeriods, List<PeriodTotal> totals,
                         Map<String, Long> flaggedRows, long rowsFlagged, long wouldReplaceRows, List<PeriodTotal> replaces,
                         List<PeriodTotal> changes, UUID duplicateOf, List<Map<String, Object>> sample) {
    }

    public DryRun run(IngestionService.Request request, InputStream body, int sampleSize) {
        if (sampleSize < 0 || sampleSize > MAX_SAMPLE) {
            throw ProblemException.badRequest("sample must be 0 to " + MAX_SAMPLE,
                    dev.outlay.api.problem.Problem.Fault.at("sample", "0 to " + MAX_SAMPLE));
        }
        IngestionService.Request req = ingestion.withStoredMapping(request);
        String mappingOrigin = req.mapping() == null ? (req.kind() == dev.outlay.model.SourceKind.INVOICE_CSV ? "default" : "fixed")
                : !req.mapping().equals(request.mapping()) ? "stored"
                : InvoiceTemplates.all().stream().filter(t -> t.yaml().equals(req.mapping())).map(t -> "template:" + t.name())
                        .findFirst().orElse("upload");
        IngestionService.validateMapping(req);
        StagedUpload upload = StagedUpload.spool(body, config.maxUploadBytes());
        try (InputStream in = Files.newInputStream(upload.path());
             ChargeReader r = Connectors.open(req.kind(), req.mapping(), in, req.objectKey())) {
            Map<String, PeriodTotal> totals = new TreeMap<>();
            Map<String, Long> flags = new TreeMap<>();
            Set<Scope> scopes = new LinkedHashSet<>();
            List<Map<String, Object>> sample = new ArrayList<>();
            long flagged = 0;
            for (Charge c = r.next(); c != null; c = r.next()) {
                String period = c.billingPeriod().toString().substring(0, 7);
                totals.merge(period + "/" + c.billingCurrency(), new PeriodTotal(period, c.billingCurrency(), 1, c.billedCost(),
                        c.effectiveCost()), DryRunService::add);
                scopes.add(new Scope(c.billingPeriod(), c.billingAccountId()));
                if (!c.flags().isEmpty()) flagged++;
                for (DataQualityFlag f : c.flags()) flags.merge(f.name(), 1L, Long::sum);
                if (sample.size() < sampleSize) sample.add(ChargePreview.of(c));
            }
            List<String> periods = totals.values().stream().map(PeriodTotal::billingPeriod).distinct().toList();
            UUID duplicate = manifest.currentWithChecksum(req.source(), upload.sha256(), req.mappingSha256()).orElse(null);
            List<PeriodTotal> replaced = ledgerTotals(req.source(), scopes);
            return new DryRun(req.source(), req.kind().id(), req.objectKey(), mappingOrigin, r.start().schemaVersion(), r.rowsRead(), r.bytesRead(), periods, List.copyOf(totals.values()), flags,
                    flagged, replaced.stream().mapToLong(PeriodTotal::rows).sum(), replaced, changes(totals.values(), replaced),
                    duplicate, sample);
        } catch (SourceFormatException e) {
            throw new ProblemException(IngestionProblems.of(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            upload.delete();
        }
    }

    private record Scope(LocalDate period, String account) {
    }

    private static PeriodTotal add(PeriodTotal a, PeriodTotal b) {
        return new PeriodTotal(a.billingPeriod(), a.currency(), a.rows() + b.rows(), a.billedCost().add(b.billedCost()),
                a.effectiveCost().add(b.effectiveCost()));
    }

    /**
     * What a load changes per billing period and currency: the file's totals minus the ledger rows it replaces (a
     * restated export shows its delta before it lands; a period or currency only one side has counts in full).
     */
    static List<PeriodTotal> changes(java.util.Collection<PeriodTotal> incoming, List<PeriodTotal> replaced) {
        Map<String, PeriodTotal> out = new TreeMap<>();
        for (PeriodTotal t : incoming) out.merge(t.billingPeriod() + "/" + t.currency(), t, DryRunService::add);
        for (PeriodTotal t : replaced) {
            out.merge(t.billingPeriod() + "/" + t.currency(), new PeriodTotal(t.billingPeriod(), t.currency(), -t.rows(),
                    t.billedCost().negate(), t.effectiveCost().negate()), DryRunService::add);
        }
        return List.copyOf(out.values());
    }

    /** The tenant's ledger rows of this source in the scopes the file touches, per period and currency: what a load replaces. */
    private List<PeriodTotal> ledgerTotals(String source, Set<Scope> scopes) {
        if (scopes.isEmpty()) return List.of();
        Object[] periods = scopes.stream().map(s -> Date.valueOf(s.period())).toArray();
        Object[] accounts = scopes.stream().map(Scope::account).toArray();
        List<PeriodTotal> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT to_char(l.billing_period, 'YYYY-MM'), l.billing_currency, count(*), sum(l.billed_cost), sum(l.effective_cost) "
                        + "FROM outlay.ledger_charge l JOIN unnest(?::date[], ?::text[]) s(billing_period, billing_account_id) "
                        + "ON l.billing_period = s.billing_period AND l.billing_account_id = s.billing_account_id WHERE l.source = ? "
                        + "GROUP BY 1, 2 ORDER BY 1, 2")) {
            ps.setArray(1, c.createArrayOf("date", periods));
            ps.setArray(2, c.createArrayOf("text", accounts));
            ps.setString(3, source);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PeriodTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not total the ledger rows a load would replace", e);
        }
        return out;
    }
}
