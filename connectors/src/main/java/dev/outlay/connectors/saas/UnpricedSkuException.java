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
package dev.outlay.connectors.saas;

import java.util.List;

/**
 * Seats of SKUs the contract price table has no price for on the month's first day: the month is not loaded at all
 * (a charge of zero would hide the spend), and the message names every such SKU so the table can be completed.
 */
public class UnpricedSkuException extends RuntimeException {

    private final String vendor;
    private final List<String> skus;

    public UnpricedSkuException(String vendor, String month, List<String> skus) {
        super("no contract price for vendor " + vendor + " on " + month + "-01 for SKU" + (skus.size() > 1 ? "s " : " ")
                + String.join(", ", skus) + " (put them with PUT /api/v1/contract-prices)");
        this.vendor = vendor;
        this.skus = List.copyOf(skus);
    }

    public String vendor() {
        return vendor;
    }

    public List<String> skus() {
        return skus;
    }
}
