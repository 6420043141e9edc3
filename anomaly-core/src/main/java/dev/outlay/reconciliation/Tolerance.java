/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.reconciliation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How far two totals may differ before it is a breach: the larger of an absolute allowance (e.g. 0.01 "to the cent"
 * for a FINAL period) and a relative one in percent of the reference total (e.g. 1 for a PRELIMINARY period). The
 * values come from the reconciliation rule set, so the engine holds no tolerance of its own.
 */
public record Tolerance(BigDecimal absoluteAllowance, BigDecimal relativePercent) {
    public Tolerance {
        Objects.requireNonNull(absoluteAllowance, "absoluteAllowance");
        Objects.requireNonNull(relativePercent, "relativePercent");
        if (absoluteAllowance.signum() < 0 || relativePercent.signum() < 0) {
            throw new IllegalArgumentException("tolerances must not be negative");
        }
    }

    /** The largest absolute difference still within tolerance for a reference total. */
    public BigDecimal allowanceFor(BigDecimal referenceTotal) {
        BigDecimal relative = referenceTotal.abs().multiply(relativePercent).movePointLeft(2);
        return relative.max(absoluteAllowance);
    }
}
