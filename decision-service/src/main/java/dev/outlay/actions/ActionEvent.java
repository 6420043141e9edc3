/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import java.math.BigDecimal;
import java.util.Map;

/**
 * An event that should end in someone's action. Amount and currency come together or not at all (a money figure
 * without its currency is meaningless); the payload is the evidence receivers see.
 */
public record ActionEvent(EventKind kind, String subjectType, String subjectId, String severity, String owner, String environment,
                          BigDecimal amount, String currency, Map<String, Object> payload) {

    public ActionEvent {
        if (kind == null || subjectType == null || subjectId == null) throw new IllegalArgumentException("kind and subject are required");
        if ((amount == null) != (currency == null)) throw new IllegalArgumentException("amount and currency go together");
        payload = payload == null ? Map.of() : payload;
    }
}
