/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.carbon.api;

import java.time.LocalDate;

/** The factor set a report was computed with: identity and provenance only, so a replay answers the same bytes. */
public record FactorSetRef(String version, String name, String source, LocalDate publishedOn, LocalDate retrievedOn, String note,
                           boolean bundled) {

    static FactorSetRef of(FactorSetSummary s) {
        return new FactorSetRef(s.version(), s.name(), s.source(), s.publishedOn(), s.retrievedOn(), s.note(), s.bundled());
    }
}
