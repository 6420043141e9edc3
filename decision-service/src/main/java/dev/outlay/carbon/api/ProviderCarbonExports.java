/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.connectors.carbon.AwsCarbonExport;
import dev.outlay.connectors.carbon.AzureCarbonExport;
import dev.outlay.connectors.carbon.GcpCarbonExport;
import dev.outlay.connectors.carbon.ProviderEmission;
import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Imports a provider's own carbon export into the tenant's store and lists the imports: AWS's Carbon emissions Data
 * Export (CSV), Google Cloud's Carbon Footprint export (the BigQuery table as newline-delimited JSON) and Azure's
 * carbon optimization item details by service (the API's JSON answer; its month and subscription are the query's, so
 * the caller names them). The file is parsed whole first: a refused file changes nothing. An accepted one replaces, in one
 * transaction, the stored rows of the same provider, payer account and month (a provider restates whole months).
 */
@ApplicationScoped
public class ProviderCarbonExports {

    static final List<String> PROVIDERS = List.of("aws", "azure", "gcp");
    static final int MAX_BYTES = 64 * 1024 * 1024;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Transactional
    public ProviderExportImport importFile(String provider, String fileName, String month, String account, byte[] bytes) {
        if (provider == null || !PROVIDERS.contains(provider)) {
            throw ProblemException.badRequest("provider must be one of " + PROVIDERS, Problem.Fault.at("provider", "one of " + PROVIDERS));
        }
        if (bytes == null || bytes.length == 0) throw ProblemException.badRequest("the body is empty: send the export", Problem.Fault.at("body", "empty"));
        if (bytes.length > MAX_BYTES) throw ProblemException.badRequest("the file is larger than " + MAX_BYTES + " bytes", Problem.Fault.at("body", "too large"));
        String name = fileName == null || fileName.isBlank() ? "carbon-export." + ("aws".equals(provider) ? "csv" : "json") : fileName;
        List<ProviderEmission> rows;
        try {
            rows = switch (provider) {
                case "gcp" -> GcpCarbonExport.read(new ByteArrayInputStream(bytes), name);
                case "azure" -> AzureCarbonExport.read(new ByteArrayInputStream(bytes), name, azureMonth(month), azureScope(account));
                default -> AwsCarbonExport.read(new ByteArrayInputStream(bytes), name);
            };
        } catch (IOException e) {
            throw new IllegalStateException("could not read the upload", e);
        }
        TreeSet<YearMonth> months = new TreeSet<>();
        TreeSet<String> payers = new TreeSet<>();
        rows.forEach(r -> {
            months.add(r.month());
            payers.add(r.payerAccountId());
        });
        String tenant = TenantContext.requireTenant();
        String actor = TenantContext.caller().orElseThrow().subject();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String sha = sha256(bytes);
        List<String> monthText = months.stream().map(YearMonth::toString).toList();
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.carbon_provider_import (tenant_id, id, provider, file_name, "
                    + "file_sha256, rows, months, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, tenant);
                ps.setObject(2, id);
                ps.setString(3, provider);
                ps.setString(4, name);
                ps.setString(5, sha);
                ps.setInt(6, rows.size());
                ps.setString(7, String.join(",", monthText));
                ps.setString(8, actor);
                ps.setTimestamp(9, Timestamp.from(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outlay.carbon_provider_emission WHERE tenant_id = ? AND provider = ? "
                    + "AND payer_account_id = ? AND month = ?")) {
                for (String payer : payers) {
                    for (YearMonth m : months) {
                        ps.setString(1, tenant);
                        ps.setString(2, provider);
                        ps.setString(3, payer);
                        ps.setDate(4, Date.valueOf(m.atDay(1)));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.carbon_provider_emission (tenant_id, import_id, provider, month, "
                    + "payer_account_id, usage_account_id, product_code, region, location, lbm_kg, mbm_kg, model_version, last_refresh) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (ProviderEmission r : rows) {
                    ps.setString(1, tenant);
                    ps.setObject(2, id);
                    ps.setString(3, provider);
                    ps.setDate(4, Date.valueOf(r.month().atDay(1)));
                    ps.setString(5, r.payerAccountId());
                    ps.setString(6, r.usageAccountId());
                    ps.setString(7, r.productCode());
                    ps.setString(8, r.region());
                    ps.setString(9, r.location());
                    ps.setBigDecimal(10, r.lbmKg());
                    ps.setBigDecimal(11, r.mbmKg());
                    ps.setString(12, r.modelVersion());
                    ps.setTimestamp(13, r.lastRefresh() == null ? null : Timestamp.from(r.lastRefresh()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the carbon export", e);
        }
        audit.record("carbon.provider_export.import", "carbon_provider_import", id.toString(), null,
                Map.of("provider", provider, "file", name, "sha256", sha, "rows", rows.size(), "months", String.join(",", monthText)));
        return new ProviderExportImport(id, provider, name, sha, rows.size(), monthText, actor, now);
    }

    private static YearMonth azureMonth(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("provider=azure needs month=yyyy-mm: Azure's answer does not name the month it was asked for",
                    Problem.Fault.at("month", "required (yyyy-mm) for azure"));
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("month must be yyyy-mm", Problem.Fault.at("month", "yyyy-mm"));
        }
    }

    private static String azureScope(String account) {
        if (account == null || account.isBlank() || account.length() > 200) {
            throw ProblemException.badRequest("provider=azure needs account=<subscription id> (the scope the report was asked for)",
                    Problem.Fault.at("account", "required for azure, at most 200 characters"));
        }
        return account.trim();
    }

    public List<ProviderExportImport> list() {
        List<ProviderExportImport> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT id, provider, file_name, file_sha256, rows, months, created_by, created_at FROM outlay.carbon_provider_import "
                        + "WHERE tenant_id = ? ORDER BY created_at DESC, id")) {
            ps.setString(1, TenantContext.requireTenant());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String months = rs.getString(6);
                    out.add(new ProviderExportImport(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            months.isEmpty() ? List.of() : List.of(months.split(",")), rs.getString(7), rs.getTimestamp(8).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list carbon exports", e);
        }
        return out;
    }

    /** Stored rows of a provider in [from, to) months: month, service (the ledger's name), location- and market-based kg. */
    record Stored(YearMonth month, String service, java.math.BigDecimal lbmKg, java.math.BigDecimal mbmKg, String modelVersion) {
    }

    List<Stored> stored(String provider, YearMonth from, YearMonth to) {
        List<Stored> out = new ArrayList<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(
                "SELECT month, product_code, lbm_kg, mbm_kg, model_version FROM outlay.carbon_provider_emission "
                        + "WHERE tenant_id = ? AND provider = ? AND month >= ? AND month < ? ORDER BY month, product_code, region, usage_account_id")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, provider);
            ps.setDate(3, Date.valueOf(from.atDay(1)));
            ps.setDate(4, Date.valueOf(to.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(YearMonth.from(rs.getDate(1).toLocalDate()), ProviderProducts.serviceName(provider, rs.getString(2)),
                            rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read carbon exports", e);
        }
        return out;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
