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
package dev.outlay.connectors.gcp;

import dev.outlay.model.Charge;

import java.time.Instant;
import java.util.List;

/**
 * One mapped export row: the canonical charge (billed cost = {@code cost}, effective cost = cost + Σ credits),
 * the credits by type (the ledger's charge has no column for them), the invoice month (the replace scope,
 * {@code YYYYMM}) and the row's {@code export_time} (the incremental watermark).
 */
public record GcpBillingRow(Charge charge, List<GcpCredit> credits, String invoiceMonth, Instant exportTime) {
    public GcpBillingRow {
        credits = List.copyOf(credits);
    }
}
