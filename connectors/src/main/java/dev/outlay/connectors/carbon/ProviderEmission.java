package dev.outlay.connectors.carbon;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One row of a provider's own carbon export, in kilograms: a month, an account, a product and a region.
 *
 * @param productCode the provider's product as written ({@code AmazonEC2}); null for unattributed rows
 * @param region      region code, {@code global} for the provider's global services, null when not given
 * @param lbmKg       location-based kgCO2e (the method Outlay's estimate uses)
 * @param mbmKg       market-based kgCO2e (renewable purchases netted), null when the export has none
 */
public record ProviderEmission(YearMonth month, String payerAccountId, String usageAccountId, String productCode, String region,
                               String location, BigDecimal lbmKg, BigDecimal mbmKg, String modelVersion, Instant lastRefresh) {
}
