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
package dev.outlay.commitments;

/** Why a recommendation commits less than the whole history suggests, or says less. */
public enum Guard {
    /** The last 14 days average ≥ 1.2 × the days before them: the spike is left out of the basis. */
    RECENT_SPIKE,
    /** The last 7 days alone support a lower commitment than the basis: the lower one is taken (Azure's rule). */
    RECENT_DECLINE,
    /** The last 30 days average ≥ 10 % below the 30 before them. */
    DECLINING_TREND,
    /** The ledger keeps days, not hours: a day is treated as 24 equal hours, which hides intra-day dips. */
    DAILY_GRANULARITY
}
