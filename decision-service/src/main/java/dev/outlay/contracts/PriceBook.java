/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.contracts;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** One vendor's current contract prices, as read once for a poll so every SKU of it is priced from the same versions. */
public record PriceBook(String vendor, List<ContractPrice> prices) {

    /**
     * The price of {@code sku} in force on {@code day}; when two ranges overlap (a renewal put before the old term's
     * end was closed), the one that started later wins.
     */
    public Optional<ContractPrice> priceOn(String sku, LocalDate day) {
        return prices.stream().filter(p -> p.sku().equals(sku) && p.covers(day))
                .max(Comparator.comparing(ContractPrice::validFrom));
    }
}
