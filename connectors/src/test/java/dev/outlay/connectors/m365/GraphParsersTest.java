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
package dev.outlay.connectors.m365;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.connectors.saas.SaasReadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Graph's subscribedSkus and users pages over fixtures: nulls, missing fields and wrong types. */
class GraphParsersTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void skusWithNullPrepaidUnitsAndMissingConsumedUnits() throws Exception {
        List<GraphSku> skus = GraphSku.parse(JSON.readTree(M365Fixtures.text("subscribed-skus.json")), "GET /v1.0/subscribedSkus");
        assertEquals(List.of(
                new GraphSku("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", "Enabled", 10, 4),
                // warning units (a lapsing subscription) are not counted as bought
                new GraphSku("f8a1db68-be16-40ed-86d5-cb42ce701560", "POWER_BI_PRO", "Enabled", 3, 2),
                new GraphSku("a403ebcc-fae0-4ca2-8c8c-7a907fd6c235", "POWER_BI_STANDARD", "Enabled", 0, 0),
                new GraphSku("c7df2760-2c81-4ef7-b578-5b5392b571df", "ENTERPRISEPREMIUM", "Suspended", 0, 0)), skus);
    }

    @Test
    void usersWithNullDepartmentsActivityAndLicences() throws Exception {
        List<GraphUser> page1 = GraphUser.parse(JSON.readTree(M365Fixtures.text("users-page1.json")), "GET /v1.0/users");
        assertEquals("Sales", page1.get(0).department());
        // the newest of interactive and non-interactive sign-ins
        assertEquals(Instant.parse("2025-03-27T11:30:00Z"), page1.get(0).lastSignIn());
        assertEquals(2, page1.get(1).skuIds().size());
        assertNull(page1.get(2).department());
        assertNull(page1.get(2).lastSignIn());
        List<GraphUser> page2 = GraphUser.parse(JSON.readTree(M365Fixtures.text("users-page2.json")), "GET /v1.0/users");
        assertEquals("Finance & Legal, EMEA", page2.get(0).department());
        assertNull(page2.get(1).department(), "a blank department is none");
        assertEquals(List.of(), page2.get(2).skuIds(), "no assignedLicenses field at all");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "skus-missing-part-number.json | GET /v1.0/subscribedSkus: value[0].skuPartNumber: missing",
            "skus-consumed-as-string.json  | GET /v1.0/subscribedSkus: value[0].consumedUnits: a whole number of at least 0 expected, got \"4\"",
            "skus-value-object.json        | GET /v1.0/subscribedSkus: value: an array of SKUs expected",
    })
    void malformedSkus(String fixture, String message) throws Exception {
        SaasReadException e = assertThrows(SaasReadException.class,
                () -> GraphSku.parse(JSON.readTree(M365Fixtures.text(fixture)), "GET /v1.0/subscribedSkus"));
        assertEquals(SaasReadException.Kind.MALFORMED, e.kind());
        assertEquals(message, e.getMessage());
    }
}
