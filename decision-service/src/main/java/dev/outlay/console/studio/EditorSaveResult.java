/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.console.studio;

import dev.outlay.decisions.ValidationMessage;

import java.util.List;

/**
 * What the editor page's Save answers (JSON, read by studio-editor.js): the stored draft's hash, or why nothing was
 * stored with every validator message and its location (element id, line, column).
 */
public record EditorSaveResult(boolean stored, boolean created, String hash, String status, String page, String summary,
                               List<ValidationMessage> messages) {
}
