/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a job per key on one background thread, and at most once more per key however often it is asked while a run
 * of that key waits: a twelve-month backfill (twelve ingestions) triggers two detections of its tenant, not twelve,
 * and the ingestion workers never wait for detection. A request that arrives while the key's run is already going
 * queues one more run, so rows loaded during a run are still looked at.
 */
final class CoalescingRunner<K> implements AutoCloseable {

    private final Set<K> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService thread;
    private final Consumer<K> job;

    CoalescingRunner(String threadName, Consumer<K> job) {
        this.job = job;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Returns true when a run was queued, false when one for this key was already waiting. */
    boolean request(K key) {
        if (!waiting.add(key)) return false;
        thread.submit(() -> {
            waiting.remove(key);
            job.accept(key);
        });
        return true;
    }

    /** Waits until every run queued before this call has finished; false on timeout. */
    boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            thread.submit(() -> { }).get(timeout, unit);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
