package dev.outlay.findings;

import dev.outlay.actions.ActionEvent;
import dev.outlay.actions.ActionOutbox;
import dev.outlay.actions.EventKind;
import dev.outlay.approvals.Violation;
import dev.outlay.approvals.ViolationService;
import dev.outlay.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A new finding reaches its owner the way a cost anomaly does: it becomes a triage record (the policy-violation triage
 * process, assigned to the owner group, SLA by risk) and an action event in the outbox, both in the transaction that
 * stores the finding. An unowned finding goes to FinOps.
 */
@ApplicationScoped
public class FindingRouting {

    static final String FINOPS = "finops_admin";
    /** Triage SLA by risk: a risky change is worth looking at sooner. */
    private static final Map<String, Integer> SLA_HOURS = Map.of("high", 24, "medium", 72, "low", 168);

    public record Routed(UUID violationId, String processInstanceId, String group, UUID eventId) {
    }

    @Inject
    ViolationService violations;

    @Inject
    ActionOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    FindingStore store;

    static String group(String owner) {
        return owner == null || FindingOwners.UNOWNED.equals(owner) ? FINOPS : owner;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Routed opened(FindingDetection d) {
        String group = group(d.owner());
        SavingsRange first = d.savings().isEmpty() ? null : d.savings().get(0);
        String savings = d.savings().stream().map(s -> s.expected().setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " " + s.currency())
                .collect(Collectors.joining(" + "));
        String summary = "Savings finding " + d.detector() + " on " + d.resourceId() + ": " + d.requiredAction()
                + (savings.isEmpty() ? "" : " (expected " + savings + " per month)");
        String evidence = "{\"finding\":{\"id\":" + dev.outlay.decisions.CanonicalJson.write(d.id()) + ",\"evidence\":" + d.evidenceJson() + "}}";
        Violation v = new Violation(UUID.randomUUID(), group, "savings-finding", d.environment() == null ? "any" : d.environment(),
                first == null ? java.math.BigDecimal.ZERO : first.expected().setScale(2, RoundingMode.HALF_EVEN),
                first == null ? null : first.currency(), "finding", d.detector(), summary, d.ruleVersion(), evidence, "open",
                null, null, null, null, Instant.now().truncatedTo(ChronoUnit.MICROS));
        String pid = violations.openTriage(v, SLA_HOURS.getOrDefault(d.risk(), 72));
        store.linkTriage(d.id(), v.id(), pid);
        audit.record("finding.triage", "finding", d.id(), null, Map.of("violationId", v.id().toString(), "processInstanceId", pid, "group", group));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", summary);
        payload.put("findingId", d.id());
        payload.put("resourceId", d.resourceId());
        payload.put("detector", d.detector());
        payload.put("action", d.action());
        payload.put("risk", d.risk());
        payload.put("violationId", v.id().toString());
        payload.put("group", group);
        payload.values().removeIf(java.util.Objects::isNull);
        ActionOutbox.Emitted e = outbox.emit(new ActionEvent(EventKind.FINDING, "finding", d.id(), d.risk(), group, d.environment(),
                first == null ? null : first.expected(), first == null ? null : first.currency(), payload));
        return new Routed(v.id(), pid, group, e.eventId());
    }
}
