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
 * Decides the open task of a subject as the calling user, with the same rules as the inbox (four-eyes, groups,
 * already decided). Implemented by the approvals feature; the Slack interaction hook calls it as the Outlay user the
 * Slack user is mapped to. Refusals are domain exceptions ({@code ProblemException} 403/404/409).
 */
public interface TaskDecider {

    /** The subject type whose tasks this decider owns (e.g. {@code spend_request}). */
    String subjectType();

    /** Returns the state the subject is in afterwards, for the message shown in Slack. */
    String decide(String subjectId, String decision, String comment);
}
