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

import dev.outlay.connectors.synthetic.SyntheticBilling;
import dev.outlay.model.Charge;
import dev.outlay.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS usage type and operation reach the canonical charge from CUR 2.0, legacy CUR and FOCUS's x_ columns. */
class UsageTypeMappingTest {

    @Test
    void cur2CarriesUsageTypeAndOperation() {
        List<Charge> all = Fixtures.readAll(SourceKind.AWS_CUR, null, Fixtures.bytes("aws/cur2-every-line-item-type.csv"),
                "cur2.csv").charges();
        Charge ec2 = all.stream().filter(c -> "i-0123456789abcdef0".equals(c.resourceId())).findFirst().orElseThrow();
        assertEquals("BoxUsage:m5.large", ec2.xUsageType());
        assertEquals("RunInstances", ec2.xOperation());
        Charge s3 = all.stream().filter(c -> "acme-logs".equals(c.resourceId())).findFirst().orElseThrow();
        assertNull(s3.xUsageType(), "an empty cell is unknown");
        assertNull(s3.xOperation());
    }

    @Test
    void legacyCurSpellingResolvesToTheSameColumn() {
        List<Charge> all = Fixtures.readAll(SourceKind.AWS_CUR, null, Fixtures.bytes("aws/cur-legacy-bom-tags.csv"),
                "legacy.csv").charges();
        assertTrue(all.stream().anyMatch(c -> "CAN1-BoxUsage:t3.micro".equals(c.xUsageType())),
                () -> all.stream().map(Charge::xUsageType).toList().toString());
        // the legacy fixture has no lineItem/Operation column
        assertTrue(all.stream().allMatch(c -> c.xOperation() == null));
    }

    @Test
    void focusAwsExtensionColumnsWhenPresent() {
        String focus = "BilledCost,EffectiveCost,ChargeCategory,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,"
                + "ChargePeriodEnd,BillingCurrency,BillingAccountId,ProviderName,ServiceCategory,ResourceId,x_UsageType,x_Operation\r\n"
                + "3.60,3.60,Usage,2024-10-01T00:00:00Z,2024-11-01T00:00:00Z,2024-10-03T00:00:00Z,2024-10-04T00:00:00Z,USD,"
                + "111122223333,AWS,Networking,203.0.113.7,USE1-PublicIPv4:IdleAddress,AssociateAddressVPC\r\n"
                + "1.00,1.00,Usage,2024-10-01T00:00:00Z,2024-11-01T00:00:00Z,2024-10-03T00:00:00Z,2024-10-04T00:00:00Z,USD,"
                + "111122223333,AWS,Networking,203.0.113.8,NULL,\r\n";
        List<Charge> all = Fixtures.readAll(SourceKind.FOCUS, null, focus.getBytes(StandardCharsets.UTF_8), "focus.csv").charges();
        assertEquals("USE1-PublicIPv4:IdleAddress", all.get(0).xUsageType());
        assertEquals("AssociateAddressVPC", all.get(0).xOperation());
        assertNull(all.get(1).xUsageType());
        assertNull(all.get(1).xOperation());
        // files of other providers have no such columns
        List<Charge> azure = Fixtures.readAll(SourceKind.FOCUS, null, Fixtures.bytes("focus/focus-1.2-every-charge-kind.csv"),
                "az.csv").charges();
        assertTrue(azure.stream().allMatch(c -> c.xUsageType() == null && c.xOperation() == null));
    }

    @Test
    void syntheticCurWritesOperations() {
        StringWriter w = new StringWriter();
        SyntheticBilling.awsCur2(w, LocalDate.of(2024, 12, 31), 3, 12, 1, 42);
        List<Charge> all = Fixtures.readAll(SourceKind.AWS_CUR, null, w.toString().getBytes(StandardCharsets.UTF_8), "syn.csv").charges();
        assertTrue(all.stream().filter(c -> c.resourceId() != null && c.resourceId().startsWith("i-"))
                .allMatch(c -> "RunInstances".equals(c.xOperation()) && c.xUsageType() != null));
    }
}
