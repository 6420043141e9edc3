package dev.outlay.actions;

import java.util.Set;

/** The states of a delivery (see V90). */
public final class DeliveryStatus {

    public static final String PENDING = "pending";
    public static final String SENDING = "sending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";
    public static final String HELD = "held";
    public static final Set<String> ALL = Set.of(PENDING, SENDING, DELIVERED, DEAD, HELD);
    public static final Set<String> CHANNELS = Set.of("webhook", "slack", "teams", "jira", "github", "gitlab");

    private DeliveryStatus() {
    }
}
