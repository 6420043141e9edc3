/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** One immutable version of a rule set; {@code content} is left out of listings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleVersion(String ruleSet, String hash, RuleKind kind, String status, boolean active, String parentHash,
                          String author, Instant createdAt, String note, String engineVersion,
                          List<ValidationMessage> messages, String content) {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String RETIRED = "retired";

    public RuleVersion withoutContent() {
        return new RuleVersion(ruleSet, hash, kind, status, active, parentHash, author, createdAt, note, engineVersion, messages, null);
    }
}
