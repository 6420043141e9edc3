package dev.outlay.close;

/** The answer to a close request: the period's state, its package under review, and whether it joined a running close. */
public record CloseStart(String period, String state, boolean joined, int packageVersion, String packageHash, String processInstanceId) {
}
