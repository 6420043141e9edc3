/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored version of a contract price: {@code unitPrice} in {@code currency} per {@code pricingUnit} (a seat,
 * a licence) per {@code term} ({@code month} or {@code year}), in force from {@code validFrom} until the day
 * before {@code validTo} (open-ended when null).
 */
public record ContractPrice(String vendor, String sku, BigDecimal unitPrice, String currency, String term, String pricingUnit,
                            LocalDate validFrom, LocalDate validTo, String note, int version, String createdBy, Instant createdAt) {

    /** Whether this price is in force on {@code day}. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
    }

    /** Same content as {@code in} (a put of the same price is no new version). */
    boolean sameAs(ContractPriceInput in) {
        return unitPrice.compareTo(in.unitPrice()) == 0 && currency.equals(in.currency()) && term.equals(in.term())
                && pricingUnit.equals(in.pricingUnit()) && java.util.Objects.equals(validTo, in.validTo())
                && java.util.Objects.equals(note, in.note());
    }
}
