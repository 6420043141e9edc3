/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.azure.blob;

import dev.outlay.connectors.SourceFormatException;
import dev.outlay.model.Charge;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.ServiceCategory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks the Blob Storage path adds around the export mappers: SAS expiry, one currency per billing account, locations. */
class AzureBlobChecksTest {

    @Test
    void sasExpiryIsReadFromTheTokenWhateverItsShape() {
        record Case(String token, String expiry) {}
        List<Case> cases = Arrays.asList(
                new Case("sv=2022-11-02&sp=rl&se=2024-10-01T12:00:00Z&sig=abc", "2024-10-01T12:00Z"),
                new Case("?sv=2022-11-02&se=2024-10-01T12%3A00%3A00Z&sr=c&sig=abc", "2024-10-01T12:00Z"),
                new Case("sv=2022-11-02&sp=rl&sig=abc", null),
                new Case("sv=2022-11-02&se=2024-10-01&sig=abc", null)); // date-only: the service decides
        for (Case c : cases) {
            OffsetDateTime got = AzureBlobExports.sasExpiry(c.token());
            if (c.expiry() == null) assertNull(got, c.token());
            else assertEquals(OffsetDateTime.parse(c.expiry()).toInstant(), got.toInstant(), c.token());
        }
    }

    @Test
    void aSecondCurrencyOnOneBillingAccountIsRefusedNamingBothPlaces() {
        BillingProfileCurrencies currencies = new BillingProfileCurrencies();
        currencies.check(charge("BP-1", "EUR"), "part_1.csv", 2);
        assertDoesNotThrow(() -> currencies.check(charge("BP-1", "EUR"), "part_2.csv", 2));
        assertDoesNotThrow(() -> currencies.check(charge("BP-2", "USD"), "part_2.csv", 3)); // another profile may differ
        SourceFormatException e = assertThrows(SourceFormatException.class, () -> currencies.check(charge("BP-1", "USD"), "part_2.csv", 9));
        assertEquals("part_2.csv", e.file());
        assertEquals(9, e.line());
        assertEquals("BillingCurrency", e.columnName());
        assertTrue(e.getMessage().contains("billed in USD here but in EUR at part_1.csv, line 2"), e.getMessage());
    }

    @Test
    void locationsNameExportFoldersAndBlobs() {
        AzureBlobLocation l = new AzureBlobLocation("contoso", AzureBlobLocation.publicEndpoint("contoso"), "msexports", "/cost/");
        assertEquals("cost/contoso-actual", l.exportRoot("contoso-actual"));
        assertEquals("azure://contoso/msexports/cost/x.csv", l.where("cost/x.csv"));
        assertEquals("https://contoso.blob.core.windows.net", l.endpoint().toString());
        assertEquals("a", new AzureBlobLocation("c", l.endpoint(), "m", null).exportRoot("a"));
    }

    private static Charge charge(String account, String currency) {
        return Charge.builder().billingAccountId(account).billingCurrency(currency).billedCost(BigDecimal.ONE).effectiveCost(BigDecimal.ONE)
                .chargeCategory(ChargeCategory.USAGE).serviceCategory(ServiceCategory.OTHER).serviceName("x").providerName("Microsoft")
                .chargePeriodStart(Instant.parse("2024-09-01T00:00:00Z")).chargePeriodEnd(Instant.parse("2024-09-02T00:00:00Z"))
                .billingPeriodStart(Instant.parse("2024-09-01T00:00:00Z")).billingPeriodEnd(Instant.parse("2024-10-01T00:00:00Z"))
                .build();
    }
}
