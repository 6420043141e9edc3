/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One stored provider carbon export: its file, the months it holds (replacing earlier rows of those months), who loaded it. */
public record ProviderExportImport(UUID id, String provider, String fileName, String fileSha256, int rows, List<String> months,
                                   String createdBy, Instant createdAt) {
}
