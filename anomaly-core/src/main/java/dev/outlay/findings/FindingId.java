/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic finding id over (tenant, resource, detector, window length, rule set). No dates and no rule
 * version: a daily rescan of the same resource by the same detector must land on the same finding so its lifecycle
 * (acknowledged, waived, in progress) survives; the rule version and profile version that decided are stored on the
 * finding and in the logged decision instead.
 */
public final class FindingId {

    private FindingId() {
    }

    public static String of(String tenantId, String resourceId, String detector, int windowDays, String ruleSet) {
        if (tenantId == null || resourceId == null || detector == null || ruleSet == null) {
            throw new IllegalArgumentException("tenantId, resourceId, detector and ruleSet are required");
        }
        if (windowDays <= 0) throw new IllegalArgumentException("windowDays must be positive");
        // Unit separator between fields so "a|b"+"c" and "a"+"b|c" never collide.
        String canonical = String.join("\u001f", tenantId, resourceId, detector, Integer.toString(windowDays), ruleSet);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "fnd_" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
