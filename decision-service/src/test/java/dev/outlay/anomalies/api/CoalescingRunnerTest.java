/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After-load detection: a burst of requests for one tenant gives one queued run, never a run per request. */
class CoalescingRunnerTest {

    @Test
    void requestsWhileARunWaitsCoalesceAndOneDuringARunQueuesOneMore() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> runs = new CopyOnWriteArrayList<>();
        try (CoalescingRunner<String> r = new CoalescingRunner<>("test-coalescing", k -> {
            runs.add(k);
            if (runs.size() == 1) {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            assertTrue(r.request("acme"));
            assertTrue(started.await(10, TimeUnit.SECONDS), "first run started");
            // The first run is going: one more is queued, the rest coalesce into it; other keys queue on their own.
            assertTrue(r.request("acme"));
            for (int i = 0; i < 10; i++) assertFalse(r.request("acme"));
            assertTrue(r.request("globex"));
            assertFalse(r.request("globex"));
            release.countDown();
            assertTrue(r.drain(10, TimeUnit.SECONDS));
            assertEquals(List.of("acme", "acme", "globex"), runs);
            assertTrue(r.request("acme"), "after the burst, a new request runs again");
            assertTrue(r.drain(10, TimeUnit.SECONDS));
            assertEquals(4, runs.size());
        }
    }

    @Test
    void aFailingRunDoesNotStopLaterOnes() throws Exception {
        List<String> runs = new CopyOnWriteArrayList<>();
        try (CoalescingRunner<String> r = new CoalescingRunner<>("test-coalescing-fail", k -> {
            runs.add(k);
            if (k.equals("bad")) throw new IllegalStateException("boom");
        })) {
            r.request("bad");
            r.request("good");
            assertTrue(r.drain(10, TimeUnit.SECONDS));
            assertEquals(List.of("bad", "good"), runs);
        }
    }
}
