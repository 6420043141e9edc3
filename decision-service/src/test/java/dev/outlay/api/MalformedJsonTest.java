/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A body that is not JSON, or JSON of the wrong shape, is a client fault: 400 problem+json with the line and column
 * (or the field) of the fault and the request id, logged at INFO without a stack trace, and nothing is stored.
 */
@QuarkusTest
class MalformedJsonTest {

    static final String T = "malformed-json";

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
    }

    private static String admin() {
        return bearer(T, "mj-admin", "finops_admin", "admin");
    }

    @Test
    void brokenSyntaxIsAProblemWithLineAndColumn() {
        Response r = given().header("Authorization", admin()).header("X-Request-Id", "mj-syntax-1")
                .contentType("application/json")
                .body("{\n  \"name\": \"ML\",\n  \"amount\": 20000,,\n}")
                .post("/api/v1/budgets");
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("mj-syntax-1", r.jsonPath().getString("requestId"));
        assertEquals("/api/v1/budgets", r.jsonPath().getString("instance"));
        assertEquals(3, r.jsonPath().getInt("errors[0].line"), r.asString());
        assertNotNull(r.jsonPath().get("errors[0].column"), r.asString());
        assertNoErrorLogged();
        assertEquals(0, given().header("Authorization", admin()).get("/api/v1/budgets").jsonPath().getList("$").size());
    }

    @Test
    void wrongShapeNamesTheField() {
        Response r = given().header("Authorization", admin()).contentType("application/json")
                .body("{\"name\":\"ML\",\"scopeType\":\"team\",\"scopeValue\":\"ml\",\"period\":\"month\",\"amount\":\"lots\",\"currency\":\"USD\"}")
                .post("/api/v1/budgets");
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals("amount", r.jsonPath().getString("errors[0].field"), r.asString());
        assertNoErrorLogged();
    }

    @Test
    void notJsonAtAllOnAnotherRoute() {
        Response r = given().header("Authorization", admin()).contentType("application/json")
                .body("hello").post("/api/v1/decisions/spend-policy/evaluate");
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(1, r.jsonPath().getInt("errors[0].line"), r.asString());
        assertNoErrorLogged();
    }

    private void assertNoErrorLogged() {
        for (LogRecord r : logged) {
            assertTrue(r.getLevel().intValue() < Level.WARNING.intValue() && r.getThrown() == null,
                    "a client fault was logged at " + r.getLevel() + ": " + r.getMessage() + " " + r.getThrown());
        }
    }
}
