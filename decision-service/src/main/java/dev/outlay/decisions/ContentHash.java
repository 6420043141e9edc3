/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Versions are keyed by the SHA-256 of their canonical text, so saving the same rules twice (from another editor,
 * with CRLF line endings, with trailing blanks) finds the existing version instead of minting a new one. The
 * canonical text is what gets stored and compiled, so the hash always describes exactly what runs.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** Unicode BOM dropped, CRLF/CR to LF, trailing whitespace per line removed, one final newline. */
    public static String canonicalize(String content) {
        String s = content.startsWith("\uFEFF") ? content.substring(1) : content;
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(s.length());
        for (String line : s.split("\n", -1)) {
            out.append(line.stripTrailing()).append('\n');
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') end--;
        out.setLength(end);
        return out.append('\n').toString();
    }

    public static String sha256(String canonical) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
