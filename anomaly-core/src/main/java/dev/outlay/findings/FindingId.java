package dev.outlay.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * Deterministic finding id: the same resource, detector, window and rule version always give the same id, so a
 * rescan updates a finding instead of duplicating it, and a new rule version is a new finding.
 */
public final class FindingId {

    private FindingId() {
    }

    public static String of(String tenantId, String resourceId, String detector, LocalDate windowStart,
                            LocalDate windowEnd, int ruleVersion) {
        // Unit separator between fields so "a|b"+"c" and "a"+"b|c" never collide.
        String canonical = String.join("\u001f", tenantId, resourceId, detector, windowStart.toString(),
                windowEnd.toString(), Integer.toString(ruleVersion));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "fnd_" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
