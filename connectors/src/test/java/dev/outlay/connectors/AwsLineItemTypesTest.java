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
package dev.outlay.connectors;

import dev.outlay.model.Charge;
import dev.outlay.model.ChargeCategory;
import dev.outlay.model.CommitmentDiscountStatus;
import dev.outlay.model.DataQualityFlag;
import dev.outlay.model.ServiceCategory;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every AWS line item type: FOCUS category, billed cost and amortized effective cost, commitment status. */
class AwsLineItemTypesTest {

    static final Map<String, Charge> BY_ID = Fixtures.readAll(SourceKind.AWS_CUR, null,
                    Fixtures.bytes("aws/cur2-every-line-item-type.csv"), "cur2.csv").charges().stream()
            .collect(Collectors.toMap(c -> c.chargeDescription() + "", Function.identity(), (a, b) -> a));

    static Charge byDescriptionPrefix(String prefix) {
        return BY_ID.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst().orElseThrow().getValue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # description prefix                | category   | billed         | effective      | commitment status
            $0.096 per On Demand                | Usage      | 0.0960000000   | 0.0960000000   |
            USD 0.0 hourly fee                  | Usage      | 0.0000000000   | 0.0600000000   | Used
            Savings Plan covered usage          | Usage      | 0              | 0.1280000000   | Used
            SavingsPlanNegation                 | Credit     | 0              | 0              |
            1 year No Upfront Compute           | Purchase   | 0.1500000000   | 0.0220000000   |
            Savings Plan upfront fee            | Purchase   | 876.0000000000 | 0              |
            RI fee                              | Purchase   | 43.8000000000  | 2.0000000000   |
            Sign up charge for subscription     | Purchase   | 500.0000000000 | 0              |
            Business support fee                | Purchase   | 100.0000000000 | 100.0000000000 |
            Tax for product code AmazonEC2      | Tax        | 12.3456789012  | 12.3456789012  |
            AWS Activate credit                 | Credit     | -10.0000000000 | -10.0000000000 |
            Refund for S3 outage                | Credit     | -0.5000000000  | -0.5000000000  |
            EDP discount                        | Credit     | -0.0096000000  | -0.0096000000  |
            Free tier bundled discount          | Credit     | -0.0100000000  | -0.0100000000  |
            Private rate discount               | Credit     | -0.0010000000  | -0.0010000000  |
            A type AWS adds some day            | Adjustment | 1.0000000001   | 1.0000000001   |
            """)
    void lineItemType(String description, String category, String billed, String effective, String status) {
        Charge c = byDescriptionPrefix(description);
        assertEquals(ChargeCategory.parse(category), c.chargeCategory());
        assertEquals(0, new BigDecimal(billed).compareTo(c.billedCost()), "billed " + c.billedCost());
        assertEquals(0, new BigDecimal(effective).compareTo(c.effectiveCost()), "effective " + c.effectiveCost());
        if (status == null) assertNull(c.commitmentDiscountStatus());
        else assertEquals(CommitmentDiscountStatus.parse(status), c.commitmentDiscountStatus());
    }

    @Test
    void noUpfrontSavingsPlanFeeIsNotCountedTwiceBesideItsCoveredUsage() {
        // No Upfront: the recurring fee bills the whole hourly commitment (0.15); the covered usage carries the used
        // part as effective cost (0.128), so the fee keeps only the unused part (total - used commitment = 0.022).
        Charge covered = byDescriptionPrefix("Savings Plan covered usage");
        Charge negation = byDescriptionPrefix("SavingsPlanNegation");
        Charge fee = byDescriptionPrefix("1 year No Upfront Compute");
        BigDecimal effective = covered.effectiveCost().add(negation.effectiveCost()).add(fee.effectiveCost());
        BigDecimal billed = covered.billedCost().add(negation.billedCost()).add(fee.billedCost());
        assertEquals(0, new BigDecimal("0.15").compareTo(effective), "effective " + effective);
        assertEquals(0, new BigDecimal("0.15").compareTo(billed), "billed " + billed);
        assertTrue(fee.flags().isEmpty(), fee.flags().toString());
    }

    @Test
    void unknownTypeIsLoadedAndFlaggedNotDropped() {
        Charge c = byDescriptionPrefix("A type AWS adds some day");
        assertTrue(c.flags().contains(DataQualityFlag.UNMAPPED_CHARGE_CATEGORY));
    }

    @Test
    void billedEqualsUnblendedSoNothingIsLostAndCommitmentsAreNotCountedTwice() {
        // Covered usage (+0.192) and its negation (-0.192) cancel in unblended cost; both bill 0 in the ledger.
        BigDecimal billed = BY_ID.values().stream().map(Charge::billedCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("1524.0951900125").compareTo(billed));
    }

    @Test
    void canonicalColumnsOfAUsageRow() {
        Charge c = byDescriptionPrefix("$0.096 per On Demand");
        assertEquals("AWS", c.providerName());
        assertEquals("111122223333", c.billingAccountId());
        assertEquals("Acme Payer", c.billingAccountName());
        assertEquals("444455556666", c.subAccountId());
        assertEquals(ServiceCategory.COMPUTE, c.serviceCategory());
        assertEquals("us-east-1", c.regionId());
        assertEquals("us-east-1a", c.availabilityZone());
        assertEquals("i-0123456789abcdef0", c.resourceId());
        assertEquals("INV-2024-10-0001", c.invoiceId());
        assertEquals("Hrs", c.pricingUnit());
        assertEquals(Map.of("user_team", "payments", "user_environment", "prod", "user_cost_center", "CC-100"), c.tags());
        assertEquals("2024-10-01", c.billingPeriod().toString());
    }

    @Test
    void jsonTagsWithDoubledQuotesAndCommasAndDescriptionsWithQuotes() {
        Charge c = byDescriptionPrefix("Storage \"Standard\"");
        assertEquals(Map.of("user_Team", "Platform", "user_application", "logs, archive"), c.tags());
    }

    @Test
    void taxHasNoPricingQuantity() {
        Charge c = byDescriptionPrefix("Tax for product code AmazonEC2");
        assertNull(c.pricingQuantity());
        assertNull(c.pricingUnit());
        assertNull(c.pricingCategory());
    }

    @Test
    void legacyDialectWithBomTagColumnsAndMultiLineDescription() {
        var read = Fixtures.readAll(SourceKind.AWS_CUR, null, Fixtures.bytes("aws/cur-legacy-bom-tags.csv"), "legacy.csv");
        Charge first = read.charges().get(0);
        assertEquals("123412340534", first.billingAccountId()); // BOM did not corrupt the first header
        assertEquals(Map.of("user:team", "security", "user:Environment", "prod"), first.tags());
        Charge ec2 = read.charges().get(1);
        assertEquals("Line one of a description\nthat spans two lines, with \"quotes\"", ec2.chargeDescription());
        assertEquals("ca-central-1", ec2.regionId());
        assertEquals(Map.of("user:team", "Payments", "aws:createdBy", "IAMUser:AIDA:alice"), ec2.tags());
    }
}
