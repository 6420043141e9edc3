package dev.outlay.actions;

/** A way out of Outlay (webhook, Slack, ...): sends one delivery to one connection, never throws for HTTP outcomes. */
public interface Channel {

    String kind();

    SendResult send(Integration connection, String secret, Outbound message);
}
