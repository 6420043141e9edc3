/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Invoice documents and their lines (tenant-scoped by row-level security). */
@ApplicationScoped
public class InvoiceStore {

    private static final String COLUMNS = "id, file_name, format, sha256, period, currency, accounts, line_count, total, created_by, created_at";

    @Inject
    AgroalDataSource dataSource;

    /** An invoice document's lines for one account, with the document they come from. */
    public record AccountInvoice(UUID documentId, String currency, List<InvoiceSummary.Line> lines) {
    }

    void insert(UUID id, String fileName, String sha256, InvoiceSummary s, String actor, Instant at) {
        String tenant = TenantContext.requireTenant();
        try (Connection c = TenantConnections.open(dataSource)) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.invoice_document (id, tenant_id, file_name, format, sha256, period, currency, accounts, line_count,
                      total, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setObject(1, id);
                ps.setString(2, tenant);
                ps.setString(3, fileName);
                ps.setString(4, s.format());
                ps.setString(5, sha256);
                ps.setDate(6, Date.valueOf(s.period()));
                ps.setString(7, s.currency());
                ps.setArray(8, c.createArrayOf("text", s.accounts().toArray()));
                ps.setInt(9, s.lines().size());
                ps.setBigDecimal(10, s.total());
                ps.setString(11, actor);
                ps.setTimestamp(12, Timestamp.from(at));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO outlay.invoice_line (document_id, tenant_id, line_number, invoice_id, billing_account_id, service_name,
                      invoice_section, amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (InvoiceSummary.Line l : s.lines()) {
                    ps.setObject(1, id);
                    ps.setString(2, tenant);
                    ps.setInt(3, l.line());
                    ps.setString(4, l.invoiceId());
                    ps.setString(5, l.billingAccountId());
                    ps.setString(6, l.service());
                    ps.setString(7, l.invoiceSection());
                    ps.setBigDecimal(8, l.amount());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the invoice document", e);
        }
    }

    public Optional<InvoiceDocument> find(UUID id) {
        return documents("SELECT " + COLUMNS + " FROM outlay.invoice_document WHERE tenant_id = ? AND id = ?", id)
                .stream().findFirst();
    }

    public List<InvoiceDocument> list(LocalDate period) {
        return period == null
                ? documents("SELECT " + COLUMNS + " FROM outlay.invoice_document WHERE tenant_id = ? ORDER BY created_at DESC, id LIMIT 500")
                : documents("SELECT " + COLUMNS + " FROM outlay.invoice_document WHERE tenant_id = ? AND period = ? ORDER BY created_at DESC, id",
                Date.valueOf(period));
    }

    /**
     * For every billing account invoiced for the period, the lines of the latest document that covers it: a corrected
     * invoice replaces the first for its accounts instead of being added to it.
     */
    public Map<String, AccountInvoice> latestByAccount(LocalDate period) {
        Map<String, AccountInvoice> out = new TreeMap<>();
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT ON (l.billing_account_id) l.billing_account_id, d.id, d.currency
                FROM outlay.invoice_line l JOIN outlay.invoice_document d ON d.id = l.document_id
                WHERE d.tenant_id = ? AND d.period = ? ORDER BY l.billing_account_id, d.created_at DESC, d.id DESC""")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setDate(2, Date.valueOf(period));
            Map<String, Object[]> latest = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) latest.put(rs.getString(1), new Object[] {rs.getObject(2), rs.getString(3)});
            }
            for (Map.Entry<String, Object[]> e : latest.entrySet()) {
                UUID doc = (UUID) e.getValue()[0];
                List<InvoiceSummary.Line> lines = new ArrayList<>();
                try (PreparedStatement q = c.prepareStatement("""
                        SELECT line_number, invoice_id, billing_account_id, service_name, invoice_section, amount FROM outlay.invoice_line
                        WHERE tenant_id = ? AND document_id = ? AND billing_account_id = ? ORDER BY line_number""")) {
                    q.setString(1, TenantContext.requireTenant());
                    q.setObject(2, doc);
                    q.setString(3, e.getKey());
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            lines.add(new InvoiceSummary.Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getBigDecimal(6)));
                        }
                    }
                }
                out.put(e.getKey(), new AccountInvoice(doc, (String) e.getValue()[1], lines));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<InvoiceDocument> documents(String sql, Object... args) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, TenantContext.requireTenant());
            for (int i = 0; i < args.length; i++) ps.setObject(i + 2, args[i]);
            List<InvoiceDocument> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new InvoiceDocument((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getDate(5).toLocalDate().toString().substring(0, 7), rs.getString(6),
                            Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getInt(8), rs.getBigDecimal(9), rs.getString(10),
                            rs.getTimestamp(11).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
