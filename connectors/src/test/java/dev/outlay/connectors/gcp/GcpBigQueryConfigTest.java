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
package dev.outlay.connectors.gcp;

import dev.outlay.connectors.InvalidConfigException;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.*;

class GcpBigQueryConfigTest {

    static final String KEY = """
            {"type":"service_account","project_id":"shop-billing","client_email":"reader@shop-billing.iam.example",
             "private_key":"-----BEGIN PRIVATE KEY-----\\nSECRETSECRET\\n-----END PRIVATE KEY-----\\n"}""";

    @Test
    void toStringHidesTheKey() {
        GcpBigQueryConfig c = new GcpBigQueryConfig("shop-billing", "billing", "gcp_billing_export_v1_01A2B3_C4D5E6_F7A8B9", KEY, null);
        assertFalse(c.toString().contains("SECRET"), c.toString());
        assertFalse(c.toString().contains("reader@"), c.toString());
        assertTrue(c.toString().contains("shop-billing.billing.gcp_billing_export_v1_01A2B3_C4D5E6_F7A8B9"));
    }

    @Test
    void namesTheBadField() {
        assertEquals("projectId", field(() -> new GcpBigQueryConfig("Bad_Project", "d", "t", KEY, null)));
        assertEquals("dataset", field(() -> new GcpBigQueryConfig("shop-billing", "a-b", "t", KEY, null)));
        assertEquals("table", field(() -> new GcpBigQueryConfig("shop-billing", "d", "t;drop", KEY, null)));
        assertEquals("serviceAccountKey", field(() -> new GcpBigQueryConfig("shop-billing", "d", "t", null, null)));
        assertEquals("serviceAccountKey", field(() -> new GcpBigQueryConfig("shop-billing", "d", "t", "{\"type\":\"user\"}", null)));
        InvalidConfigException notJson = assertThrows(InvalidConfigException.class,
                () -> new GcpBigQueryConfig("shop-billing", "d", "t", "{SECRETSECRET", null));
        assertFalse(notJson.getMessage().contains("SECRET"));
        assertEquals("endpoint", field(() -> new GcpBigQueryConfig("shop-billing", "d", "t", null, URI.create("ftp://x"))));
    }

    static String field(Runnable r) {
        return assertThrows(InvalidConfigException.class, r::run).field();
    }
}
