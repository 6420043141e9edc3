package dev.outlay.opencost;

import java.util.UUID;

/** The connection asked for is not an OpenCost connection of the caller's tenant (404, as an unknown id is). */
public class NoOpenCostConnectionException extends RuntimeException {

    public NoOpenCostConnectionException(UUID id) {
        super("No OpenCost connection " + id + ".");
    }
}
