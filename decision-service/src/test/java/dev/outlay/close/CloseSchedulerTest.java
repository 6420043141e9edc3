/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.close;

import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preliminary package is generated automatically {@code outlay.close.preliminary-after-days} (3) full days after
 * the month ends, as the scheduler's own actor; a period that is not ready is recorded once with what is missing.
 */
@QuarkusTest
class CloseSchedulerTest {

    static final LocalDate P = LocalDate.of(2024, 10, 1);

    @Inject
    CloseScheduler scheduler;

    @Inject
    CloseStore db;

    @Inject
    CloseConfig config;

    private static <T> T in(String tenant, Supplier<T> work) {
        return TenantContext.runAs(new Caller(tenant, "reader", Set.of("auditor")), () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    @Test
    void preliminaryIsGeneratedNDaysAfterTheMonthEnds() throws Exception {
        String t = "close-sched";
        CloseFixtures.load(t, "loader", "focus", "october.csv", CloseFixtures.october());
        assertEquals(3, config.preliminaryAfterDays());

        // Not ready (no allocation run) once due: the refusal is recorded once, however often the check runs.
        assertEquals(0, scheduler.runFor(t, LocalDate.of(2024, 11, 4)));
        assertEquals(0, scheduler.runFor(t, LocalDate.of(2024, 11, 4)));
        List<CloseStore.EventRow> events = in(t, () -> db.events(P));
        assertEquals(1, events.stream().filter(e -> e.kind().equals("close.auto-refused")).count(), events.toString());
        assertTrue(events.get(0).detail().contains("allocation run"), events.get(0).detail());
        assertEquals(CloseService.OPEN, in(t, () -> db.period(P)).orElseThrow().state());

        CloseFixtures.allocate(t);
        assertEquals(0, scheduler.runFor(t, LocalDate.of(2024, 11, 3)), "two days after the month: not yet");
        assertEquals(CloseService.OPEN, in(t, () -> db.period(P)).orElseThrow().state());
        assertEquals(1, scheduler.runFor(t, LocalDate.of(2024, 11, 4)), "three full days after: generated");
        CloseStore.PeriodRow row = in(t, () -> db.period(P)).orElseThrow();
        assertEquals(CloseService.IN_REVIEW, row.state());
        assertEquals(CloseScheduler.ACTOR, row.preparedBy());
        assertEquals(0, scheduler.runFor(t, LocalDate.of(2024, 11, 5)), "an open review is not started twice");
        assertEquals(1, in(t, () -> db.packages(P)).size());
    }
}
