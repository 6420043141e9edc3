/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.decisions;

import java.util.List;

/** A version that must not be stored or run: its errors (and any warnings found on the way). */
public class InvalidRuleVersionException extends RuntimeException {

    private final transient List<ValidationMessage> messages;

    public InvalidRuleVersionException(String summary, List<ValidationMessage> messages) {
        super(summary);
        this.messages = List.copyOf(messages);
    }

    public List<ValidationMessage> messages() {
        return messages;
    }

    public List<ValidationMessage> errors() {
        return messages.stream().filter(ValidationMessage::isError).toList();
    }
}
