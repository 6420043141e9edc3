package dev.outlay.actions;

/** One routing outcome: the channel, the integration connection it names, and the rule row that chose it. */
public record Route(String channel, String target, String ruleId, String versionHash, java.util.UUID decisionId) {

    public static final String NONE = "none";

    public boolean sends() {
        return channel != null && !NONE.equals(channel) && target != null && !target.isBlank();
    }
}
