/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

/** How a rule set is written: a DMN model (XML) or Drools rule language text. */
public enum RuleKind {
    DMN, DRL;

    /** Guesses the kind of posted content: DMN documents are XML, everything else is treated as DRL text. */
    public static RuleKind sniff(String content) {
        String head = content.stripLeading();
        return head.startsWith("<") ? DMN : DRL;
    }
}
