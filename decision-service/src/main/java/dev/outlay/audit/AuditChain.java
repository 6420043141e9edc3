/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/** The hash rule of the audit chain: sha256(prevHash + every field, length-prefixed so fields cannot shift). */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String prevHash, long seq, Instant at, String actor, String action, String objectType,
                              String objectId, String before, String after, String requestId, String clientAddress) {
        StringBuilder sb = new StringBuilder(prevHash);
        for (String field : new String[]{Long.toString(seq), at.truncatedTo(ChronoUnit.MICROS).toString(), actor, action,
                objectType, objectId, before, after, requestId, clientAddress}) {
            if (field == null) {
                sb.append("|-1:");
            } else {
                sb.append('|').append(field.length()).append(':').append(field);
            }
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hashOf(AuditEntry e) {
        return hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.objectType(), e.objectId(), e.before(),
                e.after(), e.requestId(), e.clientAddress());
    }

    /**
     * The outcome of a verification. {@code anchor} is the newest signed checkpoint the chain was checked against
     * (null when the installation has no secrets key, so nothing is anchored: see {@code anchoring}).
     */
    public record Verification(boolean valid, long entries, Long firstBrokenSeq, String reason, String anchoring,
                               AuditAnchors.Head anchor) {
        Verification withAnchor(String anchoring, AuditAnchors.Head anchor) {
            return new Verification(valid, entries, firstBrokenSeq, reason, anchoring, anchor);
        }

        Verification broken(long seq, String why) {
            return new Verification(false, entries, seq, why, anchoring, anchor);
        }
    }

    /** Walks entries in seq order; reports the first entry whose link or content does not check out. */
    public static Verification verify(List<AuditEntry> entries) {
        String prev = GENESIS;
        long expectedSeq = 1;
        for (AuditEntry e : entries) {
            if (e.seq() != expectedSeq) return new Verification(false, entries.size(), e.seq(), "sequence gap: expected " + expectedSeq, null, null);
            if (!e.prevHash().equals(prev)) return new Verification(false, entries.size(), e.seq(), "previous-hash link broken", null, null);
            if (!hashOf(e).equals(e.hash())) return new Verification(false, entries.size(), e.seq(), "content does not match its hash", null, null);
            prev = e.hash();
            expectedSeq++;
        }
        return new Verification(true, entries.size(), null, null, null, null);
    }
}
