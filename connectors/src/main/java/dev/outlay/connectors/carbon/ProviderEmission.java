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
package dev.outlay.connectors.carbon;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One row of a provider's own carbon export, in kilograms: a month, an account, a product and a region.
 *
 * @param productCode the provider's product as written ({@code AmazonEC2}); null for unattributed rows
 * @param region      region code, {@code global} for the provider's global services, null when not given
 * @param lbmKg       location-based kgCO2e (the method Outlay's estimate uses)
 * @param mbmKg       market-based kgCO2e (renewable purchases netted), null when the export has none
 */
public record ProviderEmission(YearMonth month, String payerAccountId, String usageAccountId, String productCode, String region,
                               String location, BigDecimal lbmKg, BigDecimal mbmKg, String modelVersion, Instant lastRefresh) {
}
