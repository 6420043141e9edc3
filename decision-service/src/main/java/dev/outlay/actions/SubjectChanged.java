/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.actions;

/**
 * A subject of action events changed state (a task decided, a violation acknowledged). Fired by the feature in its
 * transaction; the Slack updater observes it after commit and edits the messages already posted about the subject.
 */
public record SubjectChanged(String tenantId, String subjectType, String subjectId, String state) {
}
