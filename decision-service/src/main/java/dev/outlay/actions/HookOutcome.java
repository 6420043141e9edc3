package dev.outlay.actions;

/** What an inbound hook did: {@code outcome} is moved, unchanged, ignored or duplicate; {@code detail} says what the subject's owner did. */
public record HookOutcome(String outcome, String subjectType, String subjectId, String externalKey, String externalStatus, String detail) {

    static HookOutcome of(String outcome) {
        return new HookOutcome(outcome, null, null, null, null, null);
    }
}
