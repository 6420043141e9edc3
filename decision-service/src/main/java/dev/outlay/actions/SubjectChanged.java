package dev.outlay.actions;

/**
 * A subject of action events changed state (a task decided, a violation acknowledged). Fired by the feature in its
 * transaction; the Slack updater observes it after commit and edits the messages already posted about the subject.
 */
public record SubjectChanged(String tenantId, String subjectType, String subjectId, String state) {
}
