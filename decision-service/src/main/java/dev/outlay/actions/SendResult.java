/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

import java.time.Duration;

/**
 * What one HTTP attempt gave: the status (null when no answer came), the receiver's Retry-After if any, and an
 * error text for the log.
 */
public record SendResult(Integer status, Duration retryAfter, String error, String externalRef) {

    public SendResult(Integer status, Duration retryAfter, String error) {
        this(status, retryAfter, error, null);
    }

    public boolean ok() {
        return status != null && status >= 200 && status < 300;
    }

    /** The receiver refuses our credentials or no longer knows the endpoint: the connection, not the message, is wrong. */
    public boolean connectionBroken() {
        return status != null && (status == 401 || status == 403 || status == 404 || status == 410);
    }

    /** Worth trying again later: no answer, timeouts, throttling and server errors. */
    public boolean retryable() {
        return status == null || status == 408 || status == 425 || status == 429 || status >= 500;
    }
}
