package dev.outlay.actions;

import java.time.Instant;
import java.util.UUID;

/** The stored result of a "send test" on a connection: acceptance evidence that the receiver got a signed event. */
public record Evidence(long id, UUID integrationId, boolean ok, Integer statusCode, String detail, String requestBody, String testedBy,
                       Instant at) {
}
