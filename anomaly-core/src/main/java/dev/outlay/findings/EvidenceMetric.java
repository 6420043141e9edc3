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
 * One value the rule compared: a signal next to the threshold it was judged against.
 *
 * @param name      the signal's row key (cpuMax, lowDays, interAzShare...)
 * @param value     the signal, or null when it was missing
 * @param threshold the profile key it was compared with, or null for context values
 */
public record EvidenceMetric(String name, BigDecimal value, String threshold, BigDecimal thresholdValue) {
}
