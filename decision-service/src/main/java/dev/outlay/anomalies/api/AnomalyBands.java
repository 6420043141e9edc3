/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.anomalies.api;

import dev.outlay.anomalies.Anomaly;
import dev.outlay.anomalies.AnomalyDetector;
import dev.outlay.anomalies.DailySeries;
import dev.outlay.anomalies.DetectionParameters;
import dev.outlay.anomalies.SeriesKey;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An anomaly's series around its day with the band the detector compared each day against, under the tenant's
 * current detection settings (the anomaly's own fingerprint says whether they are the ones that found it).
 */
@ApplicationScoped
public class AnomalyBands {

    static final int DAYS_BEFORE = 30;
    static final int DAYS_AFTER = 14;

    @Inject
    AnomalyService anomalies;

    @Inject
    LedgerSeries series;

    @Inject
    AnomalySettingsStore settings;

    @Inject
    AnomalyHistory history;

    /**
     * @param currencies the series' billing currencies (one, unless the key names it)
     * @param sameSettings whether the current settings are the ones the anomaly was detected under
     */
    public record Band(String anomalyId, String series, List<String> currencies, LocalDate from, LocalDate to,
                       boolean sameSettings, List<AnomalyDetector.BandDay> days) {
    }

    public Band of(String id) {
        String tenant = TenantContext.requireTenant();
        Map<String, Object> a = anomalies.find(id).orElseThrow(() -> ProblemException.notFound("No anomaly " + id + "."));
        LocalDate day = LocalDate.parse((String) a.get("day"));
        SeriesKey key = SeriesKey.parse((String) a.get("series"), (String) a.get("subAccount"), (String) a.get("service"));
        LocalDate newest = history.newestLedgerDay();
        LocalDate from = day.minusDays(DAYS_BEFORE);
        LocalDate to = newest == null || newest.isAfter(day.plusDays(DAYS_AFTER)) ? day.plusDays(DAYS_AFTER) : newest;
        DetectionParameters params = settings.current().parameters();
        List<AnomalyDetector.BandDay> days = anomalies.allSeries(tenant, from.minusDays(AnomalyService.lookBack(params)), to).stream()
                .filter(s -> s.key().equals(key)).findFirst()
                .map((DailySeries s) -> new AnomalyDetector(params).band(s, from, to)).orElse(List.of());
        List<String> currencies = key.currency() != null ? List.of(key.currency())
                : key.dimension() == SeriesKey.Dimension.SUB_ACCOUNT_SERVICE ? series.currencies(tenant, key.subAccount(), key.service()) : List.of();
        // An anomaly's id hashes the detection settings' fingerprint: recomputing it tells whether the settings changed.
        Anomaly.Direction direction = Anomaly.Direction.valueOf(((String) a.get("direction")).toUpperCase(java.util.Locale.ROOT));
        boolean same = Anomaly.idFor(key, day, direction, params.fingerprint()).equals(id);
        return new Band(id, key.canonical(), currencies, from, to, same, days);
    }
}
