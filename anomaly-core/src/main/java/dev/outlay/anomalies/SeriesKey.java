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
package dev.outlay.anomalies;

import java.util.Objects;

/**
 * Identity of one daily cost series: a (sub-account, service) pair, an allocation owner, or a unit-cost KPI (the
 * allocated cost of its scope, with the KPI's business metric as the series' quantity), in one currency.
 * {@link #canonical()} is the stable text that anomaly ids are hashed from, so it must never change shape: the
 * currency is appended ({@code |ccy=EUR}) only when it is set, which owner series always are (an owner can spend
 * in several currencies, and a series must never add them) and account series only when their sub-account and
 * service were billed in more than one currency. Single-currency account series keep the ids they always had.
 */
public record SeriesKey(Dimension dimension, String subAccount, String service, String owner, String currency, String kpi)
        implements Comparable<SeriesKey> {

    public enum Dimension { SUB_ACCOUNT_SERVICE, OWNER, KPI }

    static final String KPI_MARK = "kpi=";

    static final String CURRENCY_MARK = "|ccy=";

    public SeriesKey {
        Objects.requireNonNull(dimension, "dimension");
        if (dimension == Dimension.SUB_ACCOUNT_SERVICE) {
            Objects.requireNonNull(subAccount, "subAccount");
            Objects.requireNonNull(service, "service");
        } else if (dimension == Dimension.KPI) {
            Objects.requireNonNull(kpi, "kpi");
            Objects.requireNonNull(currency, "currency");
        } else {
            Objects.requireNonNull(owner, "owner");
        }
    }

    public static SeriesKey of(String subAccount, String service) {
        return new SeriesKey(Dimension.SUB_ACCOUNT_SERVICE, subAccount, service, null, null, null);
    }

    public static SeriesKey of(String subAccount, String service, String currency) {
        return new SeriesKey(Dimension.SUB_ACCOUNT_SERVICE, subAccount, service, null, currency, null);
    }

    public static SeriesKey owner(String owner) {
        return new SeriesKey(Dimension.OWNER, null, null, owner, null, null);
    }

    public static SeriesKey owner(String owner, String currency) {
        return new SeriesKey(Dimension.OWNER, null, null, owner, currency, null);
    }

    /** A unit-cost KPI's series: always in one currency, since a KPI's cost is never added across currencies. */
    public static SeriesKey kpi(String kpi, String currency) {
        return new SeriesKey(Dimension.KPI, null, null, null, currency, kpi);
    }

    /** The key a canonical text was made from (the sub-account and service are stored beside it). */
    public static SeriesKey parse(String canonical, String subAccount, String service) {
        String currency = null;
        int mark = canonical.lastIndexOf(CURRENCY_MARK);
        String rest = canonical;
        if (mark >= 0) {
            currency = canonical.substring(mark + CURRENCY_MARK.length());
            rest = canonical.substring(0, mark);
        }
        if (rest.startsWith(KPI_MARK)) return kpi(rest.substring(KPI_MARK.length()), currency);
        return rest.startsWith("owner=") ? owner(rest.substring("owner=".length()), currency) : of(subAccount, service, currency);
    }

    public String canonical() {
        String base = switch (dimension) {
            case SUB_ACCOUNT_SERVICE -> "sa=" + subAccount + "|svc=" + service;
            case OWNER -> "owner=" + owner;
            case KPI -> KPI_MARK + kpi;
        };
        return currency == null ? base : base + CURRENCY_MARK + currency;
    }

    @Override
    public int compareTo(SeriesKey o) {
        return canonical().compareTo(o.canonical());
    }

    @Override
    public String toString() {
        return canonical();
    }
}
