/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.connectors.ChargeStream;
import dev.outlay.ledger.LedgerScopes.Scope;
import dev.outlay.model.Charge;
import dev.outlay.model.DataQualityFlag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses the files of one load on its own thread and hands binary COPY chunks to the loading connection. While
 * the database copies and inserts one chunk, the next is parsed: on a small machine the load then costs about
 * the larger of parsing and the database's work instead of their sum. The daily rollup, the tag keys and the
 * flag counts are summed here too, so the database never re-reads the rows.
 */
final class ChargeEncoderThread implements Runnable {

    /** Closed chunks of about this many bytes: large enough that per-chunk statements are noise. */
    static final int CHUNK_BYTES = 8 << 20;
    private static final int BUFFERS = 3;

    /** A complete binary COPY stream of some rows, with what they touch and how far the files have been read. */
    record Chunk(BinaryCopy data, int tuples, Set<Scope> scopes, long bytesRead, long rowsRead) {
    }

    private static final Chunk END = new Chunk(null, 0, Set.of(), 0, 0);

    private final List<LedgerLoader.SourceFile> files;
    private final String tenant;
    private final String source;
    private final UUID ingestionId;
    private final String checksum;
    private final BlockingQueue<BinaryCopy> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1); // + END
    private volatile boolean cancelled;
    private volatile RuntimeException failure;
    private final Thread thread;

    // Results, read by the loading thread after END (the queue hand-off orders the writes before the reads).
    final DailyRollup rollup = new DailyRollup();
    final LoadedTagKeys tagKeys = new LoadedTagKeys();
    final Map<DataQualityFlag, Long> flags = new EnumMap<>(DataQualityFlag.class);
    final Set<String> schemaVersions = new LinkedHashSet<>();
    long rows;
    long flagged;
    long waitedForDatabaseNanos;

    ChargeEncoderThread(List<LedgerLoader.SourceFile> files, String tenant, String source, UUID ingestionId, String checksum) {
        this.files = files;
        this.tenant = tenant;
        this.source = source;
        this.ingestionId = ingestionId;
        this.checksum = checksum;
        for (int i = 0; i < BUFFERS; i++) free.add(new BinaryCopy(CHUNK_BYTES + (CHUNK_BYTES >> 3)));
        this.thread = new Thread(this, "outlay-ledger-encoder");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The next chunk, or null at the end; rethrows the parser's failure on the loading thread. */
    Chunk next() throws InterruptedException {
        Chunk c = full.take();
        if (c == END) {
            if (failure != null) throw failure;
            return null;
        }
        return c;
    }

    /** Returns a chunk's buffer once the database has copied it. */
    void recycle(Chunk c) {
        c.data().clear();
        free.offer(c.data());
    }

    /** Stops parsing (the load failed on the database side) and waits briefly for the thread to let go of its files. */
    void cancel() {
        cancelled = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            encodeAll();
        } catch (RuntimeException e) {
            failure = e;
        } catch (InterruptedException e) {
            failure = new IllegalStateException("ledger load cancelled", e);
        } catch (Error e) {
            failure = new IllegalStateException("ledger load failed: " + e, e);
        } finally {
            if (failure != null) full.clear(); // nothing still queued may be copied after a failure
            full.offer(END); // always fits: at most BUFFERS data chunks exist
        }
    }

    private void encodeAll() throws InterruptedException {
        BinaryCopy out = takeFree();
        out.header();
        Set<Scope> scopes = new HashSet<>();
        Scope lastScope = null;
        int tuples = 0;
        long bytesBefore = 0;
        for (LedgerLoader.SourceFile file : files) {
            try (ChargeStream reader = file.open()) {
                String schemaVersion = reader.schemaVersion();
                schemaVersions.add(schemaVersion);
                CopyEncoder enc = new CopyEncoder(tenant, source, ingestionId, file.objectKey(), checksum, schemaVersion);
                long fileRows = 0;
                for (Charge ch; (ch = reader.next()) != null; ) {
                    if (cancelled) throw new InterruptedException();
                    rows++;
                    fileRows++;
                    if (ch.flagged()) {
                        flagged++;
                        for (DataQualityFlag f : ch.flags()) flags.merge(f, 1L, Long::sum);
                    }
                    Scope scope = lastScope;
                    if (scope == null || !scope.account().equals(ch.billingAccountId()) || !scope.period().equals(ch.billingPeriod())) {
                        scope = new Scope(ch.billingPeriod(), ch.billingAccountId());
                        lastScope = scope;
                        scopes.add(scope);
                    }
                    enc.row(ch, fileRows, out);
                    tuples++;
                    rollup.add(ch);
                    tagKeys.add(ch);
                    if (out.size() >= CHUNK_BYTES) {
                        out.trailer();
                        put(new Chunk(out, tuples, scopes, bytesBefore + reader.bytesRead(), rows));
                        out = takeFree();
                        out.header();
                        scopes = new HashSet<>();
                        lastScope = null;
                        tuples = 0;
                    }
                }
                bytesBefore += reader.bytesRead();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.trailer();
        put(new Chunk(out, tuples, scopes, bytesBefore, rows));
    }

    private BinaryCopy takeFree() throws InterruptedException {
        long t0 = System.nanoTime();
        BinaryCopy b;
        while ((b = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
            if (cancelled) throw new InterruptedException();
        }
        waitedForDatabaseNanos += System.nanoTime() - t0;
        return b;
    }

    private void put(Chunk c) throws InterruptedException {
        while (!full.offer(c, 100, TimeUnit.MILLISECONDS)) {
            if (cancelled) throw new InterruptedException();
        }
    }
}
