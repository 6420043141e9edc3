/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.contracts;

import dev.outlay.api.problem.Problem;
import dev.outlay.money.MinorUnits;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One price as put through the API or a CSV line. {@code vendor} is the source's vendor id ({@code microsoft-365},
 * {@code salesforce}, or any other lower-case name), {@code sku} the vendor's SKU as its API reports it (Microsoft's
 * {@code skuPartNumber}, Salesforce's licence {@code Name}). {@code pricingUnit} defaults to {@code License}.
 */
public record ContractPriceInput(String vendor, String sku, BigDecimal unitPrice, String currency, String term, String pricingUnit,
                                 LocalDate validFrom, LocalDate validTo, String note) {

    static final String VENDOR = "[a-z0-9][a-z0-9._-]{0,63}";
    static final List<String> TERMS = List.of("month", "year");

    /** Blanks trimmed, the default pricing unit applied. */
    ContractPriceInput normalised() {
        return new ContractPriceInput(trim(vendor), trim(sku), unitPrice, trim(currency), trim(term),
                trim(pricingUnit) == null ? "License" : trim(pricingUnit), validFrom, validTo, trim(note));
    }

    /** Every fault of this (normalised) price; {@code at} prefixes the field names ("[2]." for the third of a list). */
    List<Problem.Fault> faults(String at) {
        List<Problem.Fault> f = new ArrayList<>();
        if (vendor == null || !vendor.matches(VENDOR)) f.add(Problem.Fault.at(at + "vendor", "1-64 lower-case letters, digits, '.', '_' or '-'"));
        if (sku == null || sku.length() > 128 || !sku.matches("[\\p{Graph} ]+")) f.add(Problem.Fault.at(at + "sku", "the vendor's SKU, 1-128 printable characters"));
        if (unitPrice == null || unitPrice.signum() < 0) f.add(Problem.Fault.at(at + "unitPrice", "a decimal number of at least 0"));
        if (!MinorUnits.known(currency)) f.add(Problem.Fault.at(at + "currency", "an ISO 4217 code such as USD"));
        if (term == null || !TERMS.contains(term)) f.add(Problem.Fault.at(at + "term", "one of " + TERMS + " (the period the unit price pays for)"));
        if (pricingUnit != null && (pricingUnit.length() > 64 || !pricingUnit.matches("[\\p{Graph} ]+"))) {
            f.add(Problem.Fault.at(at + "pricingUnit", "1-64 printable characters, e.g. License"));
        }
        if (validFrom == null) f.add(Problem.Fault.at(at + "validFrom", "an ISO date (yyyy-mm-dd)"));
        if (validFrom != null && validTo != null && !validTo.isAfter(validFrom)) f.add(Problem.Fault.at(at + "validTo", "after validFrom (exclusive end), or empty"));
        if (note != null && note.length() > 500) f.add(Problem.Fault.at(at + "note", "at most 500 characters"));
        return f;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
