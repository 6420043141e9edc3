package dev.outlay.findings;

/** A transition the finding's current status does not allow (e.g. verifying an open finding); nothing was changed. */
public class FindingTransitionException extends RuntimeException {

    private final String findingId;
    private final String transition;
    private final String status;

    public FindingTransitionException(String findingId, String transition, String status, String why) {
        super(why);
        this.findingId = findingId;
        this.transition = transition;
        this.status = status;
    }

    public String findingId() {
        return findingId;
    }

    public String transition() {
        return transition;
    }

    public String status() {
        return status;
    }
}
