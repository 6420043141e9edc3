/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a close package is built from, as plain values. The builder is a pure function of this record (no
 * clock, no database), and the record is stored with the package, so the same inputs give the same bytes today,
 * after a restart, or next year. Amounts are {@link BigDecimal} with their currency; nothing here adds currencies.
 */
public record PackageInputs(String format, String tenantId, String period, int version, String kind, String previousPackageHash,
                            List<LedgerTotal> ledgerTotals, AllocationStatement allocation, Reconciliation reconciliation,
                            List<IngestionRef> ingestions, List<RuleVersion> ruleVersions, PackageDiff diff) {

    /** 2: the reconciliation is stated without run or decision ids ({@link PackageReconciliation}). */
    public static final String FORMAT = "outlay-close-package/2";
    /** Packages stored before format 2 embed the reconciliation run as stored; they are rebuilt the same way. */
    static final String FORMAT_1 = "outlay-close-package/1";

    /** Ledger totals of the period by provider, billing account, service and currency. */
    public record LedgerTotal(String provider, String billingAccountId, String serviceName, String currency,
                              BigDecimal billedCost, BigDecimal effectiveCost, long rows) {
        String key() {
            return provider + "\u0000" + billingAccountId + "\u0000" + serviceName + "\u0000" + currency;
        }
    }

    /** The owner statement of the allocation run the package rests on, with that run and its rule version. */
    public record AllocationStatement(String runId, String ruleVersion, List<AllocationLine> lines) {
    }

    public record AllocationLine(String team, String product, String environment, String costCenter, String currency,
                                 BigDecimal directCost, BigDecimal sharedCost, BigDecimal totalCost) {
        String key() {
            return team + "\u0000" + product + "\u0000" + environment + "\u0000" + costCenter + "\u0000" + currency;
        }
    }

    /**
     * The period's latest reconciliation run, or {@code status = "none"} with a note when there is none (or the
     * reconciliation tables do not exist in this installation yet).
     */
    public record Reconciliation(String status, String runId, String note, JsonNode result) {
    }

    /** A loaded file the period's ledger rests on: its key, checksum and mapping version. */
    public record IngestionRef(String id, String source, String sourceKind, String objectKey, String checksum,
                               String mappingVersion, String mappingSha256, long rowsLoaded) {
    }

    public record RuleVersion(String ruleSet, String versionHash, String usedBy) {
    }

    /** The same inputs as another version of the package (version, kind and base swapped, diff attached). */
    public PackageInputs as(int newVersion, String newKind, String previousHash, PackageDiff newDiff) {
        return new PackageInputs(format, tenantId, period, newVersion, newKind, previousHash, ledgerTotals, allocation,
                reconciliation, ingestions, ruleVersions, newDiff);
    }
}
