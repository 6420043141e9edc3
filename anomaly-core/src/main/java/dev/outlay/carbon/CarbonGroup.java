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
package dev.outlay.carbon;

import java.math.BigDecimal;
import java.util.List;

/**
 * The estimate of one group. Energies include the data centre's PUE; {@code kgCo2e} is their sum × the region's grid
 * intensity. {@code regionDefaultedRows}: rows priced at the provider's unknown-region intensity;
 * {@code utilizationDefaultedRows}: compute rows at the factor set's default utilization.
 */
public record CarbonGroup(List<String> group, BigDecimal computeKwh, BigDecimal storageKwh, BigDecimal networkKwh,
                          BigDecimal memoryKwh, BigDecimal gpuKwh, BigDecimal kwh, BigDecimal kgCo2e, long estimatedRows,
                          long regionDefaultedRows, long utilizationDefaultedRows) {
}
