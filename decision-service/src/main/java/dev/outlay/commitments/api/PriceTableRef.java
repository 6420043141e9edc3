package dev.outlay.commitments.api;

import java.time.LocalDate;

/** The price table a recommendation used: {@code version} is the SHA-256 of its canonical JSON. */
public record PriceTableRef(String version, String name, String source, LocalDate publishedOn, LocalDate retrievedOn, String note) {
}
