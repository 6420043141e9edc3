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

import java.time.Instant;
import java.util.List;

/**
 * The result of one incremental read of one invoice month. When {@link #changed()} is false nothing was exported
 * for the month after the given watermark and {@link #rows()} is empty; otherwise {@link #rows()} holds the
 * <em>whole</em> month (the replace scope) and {@link #watermark()} the newest {@code export_time} in it.
 */
public record GcpBillingRead(String invoiceMonth, boolean changed, List<GcpBillingRow> rows, Instant watermark,
                             String schemaVersion) {
    public GcpBillingRead {
        rows = List.copyOf(rows);
    }
}
