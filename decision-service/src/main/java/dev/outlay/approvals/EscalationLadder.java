package dev.outlay.approvals;

import java.util.List;

/** Who an unanswered approval goes to next. Called from the spend-approval BPMN when the SLA timer fires. */
public final class EscalationLadder {

    public static final List<String> LEVELS = List.of("approver", "finance", "leadership");

    private EscalationLadder() {
    }

    /** The next level above {@code group}, or null when nobody is above it (the request then expires). */
    public static String next(String group) {
        int i = LEVELS.indexOf(group);
        return i >= 0 && i + 1 < LEVELS.size() ? LEVELS.get(i + 1) : null;
    }
}
