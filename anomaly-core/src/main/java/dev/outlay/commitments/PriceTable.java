package dev.outlay.commitments;

import java.time.LocalDate;
import java.util.List;

/** A versioned set of offers with where the rates come from (the caller keys it by the hash of its canonical form). */
public record PriceTable(String name, String source, LocalDate publishedOn, LocalDate retrievedOn, String note,
                         List<CommitmentOffer> offers) {

    public PriceTable {
        offers = offers == null ? List.of() : List.copyOf(offers);
    }
}
