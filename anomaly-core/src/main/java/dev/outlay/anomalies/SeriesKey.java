package dev.outlay.anomalies;

import java.util.Objects;

/**
 * Identity of one daily cost series: a (sub-account, service) pair, or an allocation owner.
 * {@link #canonical()} is the stable text that anomaly ids are hashed from, so it must never change shape.
 */
public record SeriesKey(Dimension dimension, String subAccount, String service, String owner)
        implements Comparable<SeriesKey> {

    public enum Dimension { SUB_ACCOUNT_SERVICE, OWNER }

    public SeriesKey {
        Objects.requireNonNull(dimension, "dimension");
        if (dimension == Dimension.SUB_ACCOUNT_SERVICE) {
            Objects.requireNonNull(subAccount, "subAccount");
            Objects.requireNonNull(service, "service");
        } else {
            Objects.requireNonNull(owner, "owner");
        }
    }

    public static SeriesKey of(String subAccount, String service) {
        return new SeriesKey(Dimension.SUB_ACCOUNT_SERVICE, subAccount, service, null);
    }

    public static SeriesKey owner(String owner) {
        return new SeriesKey(Dimension.OWNER, null, null, owner);
    }

    public String canonical() {
        return dimension == Dimension.SUB_ACCOUNT_SERVICE
                ? "sa=" + subAccount + "|svc=" + service
                : "owner=" + owner;
    }

    @Override
    public int compareTo(SeriesKey o) {
        return canonical().compareTo(o.canonical());
    }

    @Override
    public String toString() {
        return canonical();
    }
}
