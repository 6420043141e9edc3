/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.findings;

import dev.outlay.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies a scan's outcome in one transaction, so a failed scan leaves every finding as it was:
 * <ul>
 * <li>a first detection is stored open, routed to its owner (triage + outbox) and audited;</li>
 * <li>a re-detection updates evidence, savings, versions and last_seen (the same row, never a second one) and keeps
 * the status, except: a waiver whose last day is before the scan's day is over (reopened); an actioned finding whose
 * cost dropped ({@link FindingCosts#compare}) is verified, one whose cost did not drop is reopened once the grace
 * after the action has passed; a verified finding is reopened when its cost is no longer down; a closed one is
 * open again;</li>
 * <li>a live finding not detected again: an actioned one is verified when its resource is gone or its cost dropped;
 * any other is closed with the reason when its resource is gone (the inventory no longer lists it, or it is neither
 * listed nor billed any more), or closed as resolved when its rule no longer holds under the same profile.</li>
 * </ul>
 * A detector that answered insufficient-data (or a rule-level waiver) for a resource leaves its finding untouched; the
 * verdict is kept with its reason in the scan's undecided list.
 */
@ApplicationScoped
public class FindingReconciler {

    /**
     * @param undecided the verdicts that were no finding (insufficient data, rule-level waiver), with their reasons
     * @param scanned   the resources the scan judged
     * @param absent    resources the inventory lists as no longer present, with when it last read them
     * @param versions  rule set → the version hash the scan evaluated
     */
    public record Outcome(UUID scanId, String profile, String profileVersion, LocalDate asOf, int resources, List<FindingDetection> detected,
                          List<FindingUndecided> undecided, Set<String> scanned, Map<String, Instant> absent, Map<String, String> versions) {
    }

    @Inject
    FindingsConfig config;

    @Inject
    FindingStore store;

    @Inject
    FindingLifecycle lifecycle;

    @Inject
    FindingRouting routing;

    @Inject
    FindingCosts costs;

    @Inject
    FindingUndecidedStore undecidedStore;

    @Inject
    AuditLog audit;

    private FindingCosts.Drop drop(StoredFinding f, LocalDate asOf) {
        if (f.actionedAt() == null) return new FindingCosts.Drop(false, null, Map.of(), null, "no action is recorded");
        return costs.compare(f.resourceId(), f.actionBaseline(), actionDay(f), f.savings(), asOf);
    }

    private static LocalDate actionDay(StoredFinding f) {
        return f.actionedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Transactional
    public FindingScan.Counts apply(Outcome o) {
        int created = 0, updated = 0, closed = 0, verified = 0, reopened = 0;
        Instant now = FindingLifecycle.now();
        Set<String> seen = new TreeSet<>();
        List<FindingDetection> detected = o.detected().stream().sorted(Comparator.comparing(FindingDetection::id)).toList();
        for (FindingDetection d : detected) {
            Optional<StoredFinding> existing = store.findByResource(d.resourceId(), d.detector());
            if (existing.isEmpty()) {
                store.insert(d, FindingStatus.OPEN, now, o.scanId());
                String why = "detected by " + d.ruleSet() + " " + d.ruleVersion() + " under profile " + d.profile();
                store.event(d.id(), FindingLifecycle.actor(), null, FindingStatus.OPEN, why, o.scanId(), now);
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("status", FindingStatus.OPEN);
                after.put("resourceId", d.resourceId());
                after.put("detector", d.detector());
                after.put("owner", d.owner());
                after.put("decisionId", d.decisionId().toString());
                after.put("scanId", o.scanId().toString());
                audit.record("finding.create", "finding", d.id(), null, after);
                routing.opened(d);
                seen.add(d.id());
                created++;
                continue;
            }
            StoredFinding f = existing.get();
            seen.add(f.id());
            store.refresh(d.withId(f.id()), now, o.scanId());
            updated++;
            switch (f.status()) {
                case FindingStatus.WAIVED -> {
                    // until is the waiver's last day: a scan of that day still honours it
                    if (f.waivedUntil() != null && f.waivedUntil().isBefore(o.asOf())) {
                        lifecycle.move(f, FindingStatus.REOPENED, FindingStore.Change.NONE, "waiver ended " + f.waivedUntil()
                                + " and the finding is still detected", "finding.waiver_expired", o.scanId());
                        reopened++;
                    }
                }
                case FindingStatus.ACTIONED -> {
                    FindingCosts.Drop drop = drop(f, o.asOf());
                    long days = ChronoUnit.DAYS.between(actionDay(f), o.asOf());
                    int graceDays = config.reopenGraceDays();
                    if (drop.dropped()) {
                        lifecycle.move(f, FindingStatus.VERIFIED, FindingStore.Change.NONE, drop.why() + " (still detected)",
                                "finding.verify", o.scanId());
                        verified++;
                    } else if (days >= graceDays) {
                        lifecycle.move(f, FindingStatus.REOPENED, FindingStore.Change.NONE, "still detected " + days
                                + " days after the action (grace " + graceDays + " days) and the cost did not drop: " + drop.why(),
                                "finding.reopen", o.scanId());
                        reopened++;
                    }
                }
                case FindingStatus.VERIFIED -> {
                    // a verified saving holds while the cost stays down; detected with the cost back up, it is reopened
                    FindingCosts.Drop drop = drop(f, o.asOf());
                    if (!drop.dropped()) {
                        lifecycle.move(f, FindingStatus.REOPENED, FindingStore.Change.NONE, "detected again after verification and "
                                + "the cost is no longer down: " + drop.why(), "finding.reopen", o.scanId());
                        reopened++;
                    }
                }
                case FindingStatus.CLOSED -> lifecycle.move(f, FindingStatus.OPEN, FindingStore.Change.NONE,
                        "detected again after it was closed (" + f.closedReason() + ")", "finding.redetect", o.scanId());
                default -> {
                    // open, accepted, reopened, pending approval: the status stays; the facts were updated above
                }
            }
        }

        Optional<LocalDate> ledgerEnd = costs.ledgerEnd();
        // Only a ledger that reaches into the billing window can say a resource is no longer billed.
        boolean ledgerCurrent = ledgerEnd.isPresent()
                && !ledgerEnd.get().isBefore(o.asOf().minusDays(FindingFacts.BILLING_WINDOW_DAYS - 1L));
        Set<String> undecided = new TreeSet<>();
        o.undecided().forEach(u -> undecided.add(u.key()));
        for (StoredFinding f : store.live()) {
            if (seen.contains(f.id()) || undecided.contains(FindingUndecided.key(f.resourceId(), f.detector()))) continue;
            String gone = null;
            if (o.absent().containsKey(f.resourceId())) {
                gone = "resource no longer in inventory (last read " + o.absent().get(f.resourceId()) + ")";
            } else if (!o.scanned().contains(f.resourceId()) && ledgerCurrent) {
                gone = "resource no longer billed: no charge in the " + FindingFacts.BILLING_WINDOW_DAYS + " days to " + o.asOf()
                        + " and no inventory entry";
            }
            switch (f.status()) {
                case FindingStatus.ACTIONED -> {
                    FindingCosts.Drop drop = drop(f, o.asOf());
                    if (gone != null || drop.dropped()) {
                        lifecycle.move(f, FindingStatus.VERIFIED, FindingStore.Change.NONE, gone != null ? gone : drop.why(),
                                "finding.verify", o.scanId());
                        verified++;
                    }
                }
                case FindingStatus.PENDING_APPROVAL -> {
                    // the approval decides; a scan does not overtake it
                }
                case FindingStatus.WAIVED -> {
                    if (gone != null) {
                        lifecycle.move(f, FindingStatus.CLOSED, FindingStore.Change.closed(gone), gone, "finding.close", o.scanId());
                        closed++;
                    }
                }
                default -> {
                    String why = gone;
                    if (why == null && o.scanned().contains(f.resourceId()) && f.profile().equals(o.profile())
                            && o.versions().containsKey(f.ruleSet())) {
                        why = "no longer detected by " + f.ruleSet() + " " + o.versions().get(f.ruleSet()) + " under profile " + o.profile();
                    }
                    if (why != null) {
                        lifecycle.move(f, FindingStatus.CLOSED, FindingStore.Change.closed(why), why, "finding.close", o.scanId());
                        closed++;
                    }
                }
            }
        }
        FindingScan.Counts counts = new FindingScan.Counts(detected.size(), created, updated, closed, verified, reopened);
        undecidedStore.write(o.scanId(), o.undecided());
        store.scanSucceeded(o.scanId(), o.profileVersion(), o.resources(), counts, FindingUndecidedStore.count(detected, o.undecided()));
        return counts;
    }
}
