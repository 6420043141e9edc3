/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.YearMonth;
import java.util.Optional;

/**
 * What a close review task is about, for the inbox: the period, whether it reviews a close or a restatement, and the
 * package under review. Found through the caller's tenant's close tables (row-level security), so a task of
 * another tenant's process has no subject here and stays invisible.
 */
public record CloseReviewSubject(String period, String subjectType, String subjectId, int packageVersion, String packageHash,
                                 String summary) {

    public static final String DECISIONS = "approve, reject (with a reason), rerun";

    @ApplicationScoped
    public static class Lookup {

        @Inject
        CloseStore db;

        public Optional<CloseReviewSubject> byProcessInstance(String pid) {
            if (pid == null) return Optional.empty();
            Optional<CloseStore.PeriodRow> period = db.periodByProcess(pid);
            if (period.isPresent()) {
                YearMonth m = YearMonth.from(period.get().period());
                return db.reviewed(period.get().period(), CloseService.KIND_CLOSE).map(k -> new CloseReviewSubject(m.toString(),
                        CloseProcess.SUBJECT_CLOSE, m.toString(), k.version(), k.packageHash(),
                        "Month-end close " + m + ": package v" + k.version() + " sha256:" + k.packageHash()));
            }
            return db.restatementByProcess(pid).filter(r -> "proposed".equals(r.status())).flatMap(r -> db.pkg(r.candidatePackageId()).map(k -> {
                YearMonth m = YearMonth.from(r.period());
                return new CloseReviewSubject(m.toString(), CloseProcess.SUBJECT_RESTATEMENT, r.id().toString(), k.version(), k.packageHash(),
                        "Restatement of FINAL period " + m + " (" + r.triggerKind() + " " + r.triggerId() + "): package v" + k.version()
                                + " sha256:" + k.packageHash());
            }));
        }

        public boolean inTenant(String pid) {
            return pid != null && (db.periodByProcess(pid).isPresent() || db.restatementByProcess(pid).isPresent());
        }
    }

}
