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

import java.math.BigDecimal;

/**
 * How one non-production environment of an application compares with that application's production, for the
 * {@code arch.nonprod.prod-shaped} rule to judge.
 *
 * @param application     the grouping tag's value (lowercased)
 * @param environment     this environment's tag value (lowercased)
 * @param members         running compute and database resources of this environment
 * @param prodMembers     running compute and database resources of the application's production environments
 * @param similarity      multiset overlap of (kind, size) with production: shared / all, 0–1, two decimals
 * @param alwaysOnShare   billed hours of the last 28 days over 24 × 28 per member, averaged over the members billing
 *                        knows; null when no member is billed (unknown, not "off")
 */
public record EnvironmentShape(String application, String environment, int members, int prodMembers,
                               BigDecimal similarity, BigDecimal alwaysOnShare) {
}
