package dev.outlay.carbon.api;

import java.time.LocalDate;

/** The factor set a report was computed with: identity and provenance only, so a replay answers the same bytes. */
public record FactorSetRef(String version, String name, String source, LocalDate publishedOn, LocalDate retrievedOn, String note,
                           boolean bundled) {

    static FactorSetRef of(FactorSetSummary s) {
        return new FactorSetRef(s.version(), s.name(), s.source(), s.publishedOn(), s.retrievedOn(), s.note(), s.bundled());
    }
}
