package dev.outlay.seats;

import java.util.UUID;

/** The id is not a seat (m365, salesforce) connection of the caller's tenant: 404, as an unknown id is. */
public class NoSeatConnectionException extends RuntimeException {

    public NoSeatConnectionException(UUID id) {
        super("No seat connection " + id + ".");
    }
}
