/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.demo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The decoded query parameters of a demo stub's request (the JDK HTTP server hands over the raw query only). */
final class StubQuery {

    private StubQuery() {
    }

    static Map<String, String> of(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) return q;
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0) q.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }
}
