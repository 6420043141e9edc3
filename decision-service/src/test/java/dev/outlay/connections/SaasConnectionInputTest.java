/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.connections;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outlay.api.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** An m365 connection's input: its settings, its single secret, and the faults each names. */
class SaasConnectionInputTest {

    static final String TENANT = "4f1b2c3d-0000-4000-8000-0000000000aa";
    static final String CLIENT = "0f0f0f0f-0000-4000-8000-000000000abc";

    static ConnectionInput parse(String json) throws Exception {
        return new ObjectMapper().readValue(json, ConnectionInput.class);
    }

    static List<String> fields(ConnectionInput in, boolean creating, boolean custom) {
        return in.faults(creating, custom).stream().map(Problem.Fault::field).toList();
    }

    @Test
    void theSecretIsReadAsTheCredentialAndNeverPrinted() throws Exception {
        ConnectionInput in = parse("{\"name\":\"contoso\",\"kind\":\"m365\",\"config\":{\"tenantId\":\"" + TENANT + "\",\"clientId\":\"" + CLIENT
                + "\"},\"credentials\":{\"secret\":\"very-secret\"}}");
        assertEquals("very-secret", in.secret().secret());
        assertSame(in.secret(), in.credentials(), "a SaaS secret is the connection's one sealed credential, like every other kind's");
        assertEquals(List.of(), fields(in, true, false));
        assertFalse(in.toString().contains("very-secret"));
        assertFalse(in.secret().toString().contains("very-secret"));
    }

    @Test
    void faultsNameTheFields() throws Exception {
        ConnectionInput bad = parse("{\"name\":\"contoso\",\"kind\":\"m365\",\"config\":{\"tenantId\":\"not a tenant\",\"clientId\":\"x\","
                + "\"graphEndpoint\":\"http://127.0.0.1:1\"}}");
        assertEquals(List.of("config.tenantId", "config.graphEndpoint", "credentials"), fields(bad, true, false));
        // an update may keep the stored secret; an allowed endpoint must still be a URL
        ConnectionInput update = parse("{\"name\":\"contoso\",\"kind\":\"m365\",\"config\":{\"tenantId\":\"contoso.onmicrosoft.com\",\"clientId\":\""
                + CLIENT + "\",\"tokenEndpoint\":\"ftp://x\"},\"credentials\":{\"secret\":\"\"}}");
        assertEquals(List.of("config.tokenEndpoint", "credentials.secret"), fields(update, false, true));
        assertEquals(List.of("config"), fields(parse("{\"name\":\"contoso\",\"kind\":\"m365\",\"credentials\":{\"secret\":\"s\"}}"), true, false));
    }
}
