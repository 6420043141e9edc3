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
 * A feature whose subjects can be moved by the system an issue was opened in (Jira today). Implement it as a CDI
 * bean for a subject type (findings, close reviews, ...): the Jira hook calls it once, when the linked issue
 * first reaches a "done" status category, inside the hook's transaction and as a system caller of the
 * connection's tenant. Throw a domain exception to refuse; return what changed, for the log and the answer.
 */
public interface ExternalStatusSink {

    /** The {@code subject_type} of the action events this sink owns (e.g. {@code policy_violation}). */
    String subjectType();

    String externallyDone(String subjectId, ExternalLink link);
}
