/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.audit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Signed checkpoints of a tenant's audit chain. A hash chain shows that nothing in the middle changed, but a
 * chain whose newest entries were deleted is still a valid chain; an anchor (the head's seq and hash, signed with
 * an HMAC key only the service holds, stored outside the chain's table) is what a truncated or rewritten tail
 * cannot match without the key.
 */
public final class AuditAnchors {

    /** One stored checkpoint. */
    public record Anchor(long seq, String headHash, Instant anchoredAt, String keyId, String mac) {
    }

    /** The newest checkpoint, as reported by a verification. */
    public record Head(long seq, String headHash, Instant anchoredAt, long anchors) {
    }

    private final byte[] key;
    private final String keyId;

    public AuditAnchors(byte[] key) {
        if (key.length < 32) throw new IllegalArgumentException("an anchor key needs at least 32 bytes");
        this.key = key.clone();
        this.keyId = HexFormat.of().formatHex(sha256(key)).substring(0, 16);
    }

    public String keyId() {
        return keyId;
    }

    public Anchor sign(String tenant, long seq, String headHash, Instant at) {
        Instant t = at.truncatedTo(ChronoUnit.MICROS);
        return new Anchor(seq, headHash, t, keyId, mac(tenant, seq, headHash, t));
    }

    String mac(String tenant, long seq, String headHash, Instant at) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            String text = tenant.length() + ":" + tenant + "|" + seq + "|" + headHash + "|" + at.truncatedTo(ChronoUnit.MICROS);
            return HexFormat.of().formatHex(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks the chain against every anchor: each must carry this installation's key and a valid signature, and the
     * chain must still hold the anchored entry with the anchored hash. The first failure wins, lowest seq first.
     */
    public AuditChain.Verification check(String tenant, List<AuditEntry> entries, List<Anchor> anchors) {
        AuditChain.Verification chain = AuditChain.verify(entries);
        if (anchors.isEmpty()) return chain.withAnchor("on", null);
        Anchor newest = anchors.get(anchors.size() - 1);
        AuditChain.Verification v = chain.withAnchor("on", new Head(newest.seq(), newest.headHash(), newest.anchoredAt(), anchors.size()));
        if (!chain.valid()) return v;
        Map<Long, AuditEntry> bySeq = entries.stream().collect(Collectors.toMap(AuditEntry::seq, Function.identity(), (a, b) -> a));
        long head = entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq();
        for (Anchor a : anchors) {
            if (!a.keyId().equals(keyId)) return v.broken(a.seq(), "anchor at seq " + a.seq() + " was signed with another key (" + a.keyId() + ")");
            if (!MessageDigest.isEqual(mac(tenant, a.seq(), a.headHash(), a.anchoredAt()).getBytes(StandardCharsets.US_ASCII),
                    a.mac().getBytes(StandardCharsets.US_ASCII))) {
                return v.broken(a.seq(), "anchor at seq " + a.seq() + " has an invalid signature");
            }
            AuditEntry e = bySeq.get(a.seq());
            if (e == null) {
                return v.broken(head + 1, "entries " + (head + 1) + " to " + newest.seq() + " are missing: the chain ends at seq "
                        + head + " but was anchored at seq " + newest.seq());
            }
            if (!e.hash().equals(a.headHash())) return v.broken(a.seq(), "entry " + a.seq() + " differs from its anchored hash");
        }
        return v;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
