package dev.outlay.findings;

import java.util.List;
import java.util.stream.Stream;

/** The detectors the bundled rule sets emit, for validating a {@code detector} filter. */
final class KnownDetectors {

    private static final List<String> ALL = Stream.concat(Detectors.WASTE.stream(), Detectors.ARCH.stream()).sorted().toList();

    private KnownDetectors() {
    }

    static boolean contains(String detector) {
        return ALL.contains(detector);
    }

    static List<String> all() {
        return ALL;
    }
}
