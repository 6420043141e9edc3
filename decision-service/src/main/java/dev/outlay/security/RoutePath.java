/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request path as the routers understand it: percent-decoded, matrix parameters dropped from every segment,
 * empty segments (duplicate or trailing slashes) collapsed and dot segments resolved. {@code defect} says why the
 * raw spelling differs from that form in structure; such a request is refused, because Vert.x, RESTEasy and Kogito's
 * own code do not agree on how to read matrix parameters, encoded separators and dot segments, and a guard is only
 * as good as its agreement with the router that dispatches after it.
 */
public record RoutePath(String raw, String normalized, List<String> segments, String defect) {

    public boolean canonical() {
        return defect == null;
    }

    public String first() {
        return segments.isEmpty() ? "" : segments.get(0);
    }

    public String segment(int i) {
        return i < segments.size() ? segments.get(i) : null;
    }

    public static RoutePath of(String raw) {
        if (raw == null || !raw.startsWith("/")) {
            return new RoutePath(raw, "/", List.of(), "the path must start with '/'");
        }
        String defect = null;
        String lower = raw.toLowerCase(Locale.ROOT);
        if (raw.indexOf('\\') >= 0 || lower.contains("%5c")) defect = "a backslash in the path";
        else if (lower.contains("%2f")) defect = "an encoded '/' inside a path segment";
        String decoded = decode(raw);
        if (decoded == null) {
            defect = "malformed percent-encoding or UTF-8";
            decoded = raw;
        }
        for (int i = 0; i < decoded.length(); i++) {
            if (Character.isISOControl(decoded.charAt(i))) {
                if (defect == null) defect = "a control character in the path";
                break;
            }
        }
        List<String> out = new ArrayList<>();
        String[] parts = decoded.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int semicolon = part.indexOf(';');
            if (semicolon >= 0) {
                if (defect == null) defect = "matrix parameters (';') in the path";
                part = part.substring(0, semicolon);
            }
            if (part.isEmpty()) {
                // A single trailing slash routes like the path without it (RESTEasy and Vert.x agree); any other empty segment is '//'.
                if (i < parts.length - 1 && defect == null) defect = "an empty path segment ('//')";
                continue;
            }
            if (part.equals(".") || part.equals("..")) {
                if (defect == null) defect = "a dot segment ('.' or '..') in the path";
                if (part.equals("..") && !out.isEmpty()) out.remove(out.size() - 1);
                continue;
            }
            out.add(part);
        }
        return new RoutePath(raw, "/" + String.join("/", out), List.copyOf(out), defect);
    }

    /** Strict percent-decoding into UTF-8; {@code null} when an escape or the bytes are malformed. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) return raw;
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) return null;
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
