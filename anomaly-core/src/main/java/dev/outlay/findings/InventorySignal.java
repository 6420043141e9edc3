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
package dev.outlay.findings;

import dev.outlay.model.inventory.ResourceKind;

/**
 * What inventory says about one resource on the scan date, for the rule sets to judge (unattached volume,
 * unassociated IP, stopped instance still paying storage, snapshot whose source is gone) and to waive (young
 * resources, backup/DR tags, a recent resize).
 *
 * @param ageDays          whole days since creation, or -1 when the source does not say
 * @param daysInState      whole days in the current state, or -1 when the source does not say
 * @param attached         attached to or associated with another resource
 * @param waiverTag        the first tag (key=value) of the tenant's waiver list the resource carries, or null
 * @param sizesBilledRecently distinct usage types billed for it in the resize look-back (more than one = resized)
 */
public record InventorySignal(String resourceId, ResourceKind kind, String state, String size, long ageDays,
                              long daysInState, boolean attached, String waiverTag, int sizesBilledRecently) {
}
