package dev.outlay.carbon;

import java.math.BigDecimal;
import java.util.List;

/**
 * The estimate of one group. Energies include the data centre's PUE; {@code kgCo2e} is their sum × the region's grid
 * intensity. {@code regionDefaultedRows}: rows priced at the provider's unknown-region intensity;
 * {@code utilizationDefaultedRows}: compute rows at the factor set's default utilization.
 */
public record CarbonGroup(List<String> group, BigDecimal computeKwh, BigDecimal storageKwh, BigDecimal networkKwh,
                          BigDecimal memoryKwh, BigDecimal kwh, BigDecimal kgCo2e, long estimatedRows,
                          long regionDefaultedRows, long utilizationDefaultedRows) {
}
