package dev.outlay.carbon;

import java.time.LocalDate;
import java.util.Map;

/**
 * An immutable set of carbon coefficients. Where the numbers come from is part of the set: {@code source} (who
 * published them and where), {@code publishedOn} (the publication's date), {@code retrievedOn} (when they were
 * taken from it) and {@code note} (how: transcribed by hand, exported, ...). The caller keys a stored set by the
 * hash of its canonical form, so an estimate that names the version can be recomputed exactly.
 *
 * @param providers coefficients by provider key ({@code aws}, {@code azure}, {@code gcp})
 */
public record FactorSet(String name, String source, LocalDate publishedOn, LocalDate retrievedOn, String note,
                        Map<String, ProviderFactors> providers) {

    public FactorSet {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }
}
