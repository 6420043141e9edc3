/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

/** A way out of Outlay (webhook, Slack, ...): sends one delivery to one connection, never throws for HTTP outcomes. */
public interface Channel {

    String kind();

    SendResult send(Integration connection, String secret, Outbound message);
}
