/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.commitments.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import dev.outlay.api.problem.ProblemException;
import dev.outlay.commitments.BundledPriceTable;
import dev.outlay.commitments.PriceTable;
import dev.outlay.commitments.Recommendation;
import dev.outlay.commitments.Recommender;
import dev.outlay.commitments.RecommenderParams;
import dev.outlay.commitments.UsageDay;
import dev.outlay.decisions.CanonicalJson;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the eligible usage, runs the recommender per currency under the bundled price table, names every input version. */
@ApplicationScoped
public class CommitmentRecommendations {

    static final String POOL = "aws-compute-savings-plans";
    static final int MIN_LOOKBACK = 7;
    static final int MAX_LOOKBACK = 366;

    @Inject
    EligibleUsageReader reader;

    @Inject
    ObjectMapper mapper;

    private PriceTable table;
    private PriceTableRef tableRef;

    @PostConstruct
    void load() {
        table = BundledPriceTable.awsComputeSavingsPlans();
        String version = sha256(CanonicalJson.write(CanonicalJson.toJava(mapper.valueToTree(table))));
        tableRef = new PriceTableRef(version, table.name(), table.source(), table.publishedOn(), table.retrievedOn(), table.note());
    }

    public CommitmentRecommendationReport report(String asOfText, String lookbackText) {
        return report(asOfText, lookbackText, List.of());
    }

    /** As {@link #report(String, String)}, sized without the usage of {@code excluded} resources. */
    public CommitmentRecommendationReport report(String asOfText, String lookbackText, List<String> excluded) {
        int lookback = RecommenderParams.defaults().lookbackDays();
        if (lookbackText != null) {
            try {
                lookback = Integer.parseInt(lookbackText);
            } catch (NumberFormatException e) {
                lookback = -1;
            }
            if (lookback < MIN_LOOKBACK || lookback > MAX_LOOKBACK) {
                throw ProblemException.badRequest("lookbackDays must be a whole number from " + MIN_LOOKBACK + " to " + MAX_LOOKBACK,
                        Problem.Fault.at("lookbackDays", MIN_LOOKBACK + ".." + MAX_LOOKBACK));
            }
        }
        LocalDate asOf;
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("asOf must be an ISO date (yyyy-mm-dd)", Problem.Fault.at("asOf", "ISO date required"));
            }
        } else {
            // Default: right after the last day of eligible usage, so a ledger that lags still has a full window.
            asOf = reader.lastDay().map(d -> d.plusDays(1)).orElse(LocalDate.now(java.time.ZoneOffset.UTC));
        }
        LocalDate from = asOf.minusDays(lookback);
        RecommenderParams p = RecommenderParams.defaults();
        p = new RecommenderParams(lookback, p.minDays(), p.recentDays(), p.spikeDays(), p.spikePercent(), p.resamples(), p.seed());
        List<CommitmentRecommendationReport.Item> items = new ArrayList<>();
        for (EligibleUsageReader.Series s : reader.read(from, asOf, excluded)) {
            Recommendation r = Recommender.recommend(s.uncovered(), table, p);
            BigDecimal coverage = s.totalOde().signum() == 0 ? null : s.coveredOde().divide(s.totalOde(), Recommender.RATIO_SCALE, RoundingMode.HALF_EVEN);
            items.add(new CommitmentRecommendationReport.Item(id(s, from, asOf, lookback), s.currency(), coverage, s.coveredOde(), s.totalOde(), r));
        }
        return new CommitmentRecommendationReport(from, asOf, lookback, POOL, tableRef, Recommender.ENGINE_VERSION, items);
    }

    private String id(EligibleUsageReader.Series s, LocalDate from, LocalDate asOf, int lookback) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("currency", s.currency());
        inputs.put("from", from.toString());
        inputs.put("asOf", asOf.toString());
        inputs.put("lookbackDays", lookback);
        inputs.put("priceTable", tableRef.version());
        inputs.put("engine", Recommender.ENGINE_VERSION);
        List<String> days = new ArrayList<>();
        for (UsageDay d : s.uncovered()) days.add(d.day() + "=" + d.ode().stripTrailingZeros().toPlainString());
        inputs.put("days", days);
        inputs.put("covered", s.coveredOde().stripTrailingZeros().toPlainString());
        return sha256(CanonicalJson.write(inputs));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
