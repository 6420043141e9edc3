package dev.outlay.commitments;

/** How far a recommendation can be trusted: history length, granularity, variability and guards lower it. */
public enum Confidence {
    LOW, MEDIUM, HIGH
}
