package dev.outlay.connectors;

import dev.outlay.model.Charge;

import java.util.Iterator;
import java.util.List;

/** Charges already read and mapped from an API (a BigQuery month), streamed to the loader like a file's. */
public final class ChargeList implements ChargeStream {

    private final String schemaVersion;
    private final Iterator<Charge> charges;
    private long rows;

    public ChargeList(String schemaVersion, List<Charge> charges) {
        this.schemaVersion = schemaVersion;
        this.charges = List.copyOf(charges).iterator();
    }

    @Override
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public Charge next() {
        if (!charges.hasNext()) return null;
        rows++;
        return charges.next();
    }

    @Override
    public long rowsRead() {
        return rows;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    public void close() {
    }
}
