package dev.outlay.carbon;

import java.util.List;

/** A factor set that cannot be used: each fault names the field (a JSON-pointer-like path) and what is wrong. */
public class InvalidFactorSetException extends RuntimeException {

    public record Fault(String field, String message) {
    }

    private final transient List<Fault> faults;

    public InvalidFactorSetException(List<Fault> faults) {
        super("invalid factor set: " + faults);
        this.faults = List.copyOf(faults);
    }

    public List<Fault> faults() {
        return faults;
    }
}
