/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.inventory;

/**
 * One reason an import file is refused.
 *
 * @param line   1-based physical line of the CSV record or of the JSON object (1 = the CSV header), or null
 *               when the fault concerns the request rather than the file
 * @param field  the canonical column (resource_id, kind, average...) or request part at fault, or null
 * @param message what is wrong, quoting the offending value where that helps
 */
public record ImportFault(Integer line, String field, String message) {
}
