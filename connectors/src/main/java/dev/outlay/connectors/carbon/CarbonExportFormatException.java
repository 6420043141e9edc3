package dev.outlay.connectors.carbon;

import java.util.List;

/** A provider carbon export that cannot be read: every fault with its line (1-based, physical) and column name. */
public class CarbonExportFormatException extends RuntimeException {

    /** {@code line} 0 for the file as a whole; {@code column} null for the whole line. */
    public record Fault(long line, String column, String message) {
    }

    private final List<Fault> faults;

    public CarbonExportFormatException(String message, List<Fault> faults) {
        super(message);
        this.faults = List.copyOf(faults);
    }

    public List<Fault> faults() {
        return faults;
    }
}
