/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiled versions keyed by content hash. Content-addressed, so one entry serves every tenant that runs the same
 * text (all tenants share the bundled version 1). Active versions are pinned and never evicted; everything else
 * lives in a bounded LRU and is recompiled on demand (20-160 ms for a DMN table, see the KIE notes).
 */
public final class CompiledVersionCache {

    private final int capacity;
    private final Map<String, CompiledVersion> pinned = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, CompiledVersion> lru;
    private long compiles;

    public CompiledVersionCache(int capacity) {
        this.capacity = capacity;
        this.lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledVersion> eldest) {
                return size() > CompiledVersionCache.this.capacity;
            }
        };
    }

    /** The compiled version, compiling {@code content} on a miss (outside the lock; a rare duplicate compile is harmless). */
    public CompiledVersion get(String hash, RuleKind kind, Supplier<String> content) {
        CompiledVersion hit = lookup(hash);
        if (hit != null) return hit;
        CompiledVersion compiled = switch (kind) {
            case DMN -> DmnCompiler.compile(hash, content.get());
            case DRL -> DrlCompiler.validateAndCompile(hash, content.get()).compiled();
        };
        put(compiled);
        return compiled;
    }

    public CompiledVersion lookup(String hash) {
        CompiledVersion p = pinned.get(hash);
        if (p != null) return p;
        synchronized (lru) {
            return lru.get(hash);
        }
    }

    public void put(CompiledVersion compiled) {
        if (pinned.containsKey(compiled.hash())) return;
        synchronized (lru) {
            compiles++;
            lru.put(compiled.hash(), compiled);
        }
    }

    /** Keeps an active version in memory for good (moved out of the LRU). */
    public void pin(CompiledVersion compiled) {
        pinned.put(compiled.hash(), compiled);
        synchronized (lru) {
            lru.remove(compiled.hash());
        }
    }

    /** A version stopped being active (here): it becomes an ordinary, evictable entry. */
    public void unpin(String hash) {
        CompiledVersion v = pinned.remove(hash);
        if (v != null) {
            synchronized (lru) {
                lru.put(hash, v);
            }
        }
    }

    public boolean isPinned(String hash) {
        return pinned.containsKey(hash);
    }

    public synchronized Stats stats() {
        synchronized (lru) {
            return new Stats(pinned.size(), lru.size(), capacity, compiles);
        }
    }

    public record Stats(int pinned, int cached, int capacity, long compiles) {
    }
}
