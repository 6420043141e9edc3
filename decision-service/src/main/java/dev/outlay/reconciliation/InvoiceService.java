/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.reconciliation;

import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.audit.AuditLog;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Accepts an invoice summary: parsed against the contract, then held against the ledger. A document whose period
 * or currency the ledger does not hold for one of its billing accounts is refused naming both sides (an invoice in
 * EUR against a USD ledger, or for September against a ledger that holds August), and nothing is written.
 */
@ApplicationScoped
public class InvoiceService {

    @Inject
    InvoiceStore store;

    @Inject
    LedgerFactsReader ledger;

    @Inject
    AuditLog audit;

    /** What the audit log keeps of an accepted upload. */
    public record UploadAudit(String fileName, String sha256, String format, String period, String currency, List<String> accounts,
                              int lines, String total) {
    }

    @Transactional
    public InvoiceDocument upload(String fileName, byte[] data) {
        Caller caller = TenantContext.caller().orElseThrow();
        String name = fileName == null || fileName.isBlank() ? "invoice" : fileName;
        InvoiceSummary s;
        try {
            s = InvoiceSummaryParser.parse(name, data);
        } catch (InvoiceFormatException e) {
            throw ProblemException.unprocessable("The invoice summary " + name + " does not follow the contract (docs/invoices.md): "
                    + e.getMessage() + (e.line() > 0 ? " (line " + e.line() + ")" : ""),
                    List.of(new Problem.Fault(e.getMessage(), e.field(), e.line() > 0 ? e.line() : null, null, null)));
        }
        List<Problem.Fault> faults = againstLedger(s);
        if (!faults.isEmpty()) {
            throw ProblemException.unprocessable("The invoice summary does not match the ledger: " + faults.get(0).message(), faults);
        }
        UUID id = UUID.randomUUID();
        String sha = sha256(data);
        store.insert(id, name, sha, s, caller.subject(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        audit.record("invoice.upload", "invoice_document", id.toString(), null, new UploadAudit(name, sha, s.format(),
                YearMonth.from(s.period()).toString(), s.currency(), s.accounts(), s.lines().size(), s.total().toPlainString()));
        return store.find(id).orElseThrow();
    }

    private List<Problem.Fault> againstLedger(InvoiceSummary s) {
        String period = YearMonth.from(s.period()).toString();
        List<Problem.Fault> faults = new ArrayList<>();
        for (String account : s.accounts()) {
            Set<String> currencies = ledger.currencies(s.period(), account);
            if (currencies.isEmpty()) {
                List<String> held = ledger.periods(account).stream().map(p -> p.substring(0, 7)).toList();
                faults.add(Problem.Fault.at("billingPeriod", held.isEmpty()
                        ? "billing account " + account + " has no charges in the ledger (invoice period " + period + ")"
                        : "invoice period " + period + " does not match the ledger: billing account " + account
                        + " has charges for " + String.join(", ", held) + ", none for " + period));
            } else if (!currencies.contains(s.currency())) {
                faults.add(Problem.Fault.at("currency", "invoice currency " + s.currency() + " does not match the ledger: billing account "
                        + account + " is billed in " + String.join(", ", currencies) + " for " + period));
            }
        }
        return faults;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Period text of a query parameter or body: YYYY-MM (or a date in it). */
    static java.time.LocalDate period(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required (YYYY-MM)", Problem.Fault.at(field, "missing"));
        }
        try {
            return YearMonth.parse(value.length() > 7 ? value.substring(0, 7) : value).atDay(1);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(field + " is YYYY-MM", Problem.Fault.at(field, value));
        }
    }
}
