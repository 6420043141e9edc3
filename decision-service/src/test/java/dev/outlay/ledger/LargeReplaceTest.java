/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import dev.outlay.connectors.ChargeReader;
import dev.outlay.connectors.Connectors;
import dev.outlay.model.SourceKind;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.outlay.ledger.LedgerTestSupport.assertMoney;
import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static dev.outlay.ledger.LedgerTestSupport.scalar;
import static dev.outlay.tenancy.TenantContext.system;
import static io.restassured.RestAssured.given;
import static dev.outlay.support.Tokens.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files larger than one loader chunk: a scope seen again in a later chunk is not deleted twice (its earlier rows
 * stay), a newer export replaces all of the older one, and concurrent loads of one source leave one copy.
 */
@QuarkusTest
class LargeReplaceTest {

    static final String CUR2 = "aws/cur2-every-line-item-type.csv";

    @Inject
    LedgerLoader loader;

    @Inject
    AgroalDataSource ds;

    /** The fixture's October rows {@code copies} times, with the EC2 usage cost replaced by {@code cost}. */
    static byte[] big(int copies, String cost) {
        String text = new String(fixture(CUR2), StandardCharsets.UTF_8).replace(",0.0960000000,$0.096", "," + cost + ",$0.096");
        String[] lines = text.split("\r\n");
        StringBuilder sb = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 0; i < copies; i++) {
            for (int l = 1; l < lines.length; l++) if (!lines[l].startsWith("li-nov")) sb.append(lines[l]).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    LoadResult load(String tenant, byte[] data) {
        return TenantContext.runAs(system(tenant), () -> {
            try (ChargeReader r = Connectors.open(SourceKind.AWS_CUR, null, new ByteArrayInputStream(data), "big.csv")) {
                return loader.load(r, UUID.randomUUID(), "aws-cur", "big.csv", UUID.randomUUID().toString(), (b, n) -> { });
            } catch (Exception e) {
                throw e instanceof RuntimeException re ? re : new RuntimeException(e);
            }
        });
    }

    @Test
    void aNewerExportSpanningManyChunksReplacesTheOlderExactlyOnce() {
        String t = "ledger-large";
        byte[] older = big(4000, "0.0960000000");
        assertTrue(older.length > 3L * ChargeEncoderThread.CHUNK_BYTES, "spans several chunks: " + older.length);
        LoadResult first = load(t, older);
        long rows = first.rowsLoaded();
        assertEquals(first.rowsRead(), rows);
        assertTrue(first.timingsMs().containsKey("parserWaitingForDatabase"));
        // Above outlay.ingestion.analyze-min-rows (50,000 in tests): the month's statistics count the new rows.
        assertTrue(first.timingsMs().containsKey("analyze"), "analyzed: " + first.timingsMs());
        BigDecimal estimated = scalar(ds, t, "SELECT reltuples::numeric FROM pg_class WHERE relname = 'ledger_charge_y2024m10'");
        assertTrue(estimated.longValue() >= rows, "planner estimate " + estimated + " counts the " + rows + " new rows");
        assertMoney(String.valueOf(rows), scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
        BigDecimal billed = scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge");
        assertEquals(0, billed.compareTo(scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_daily")), "rollup = ledger");

        LoadResult second = load(t, big(4000, "1.0960000000"));
        assertEquals(rows, second.rowsReplaced(), "every older row replaced");
        assertEquals(1, second.superseded().size());
        assertMoney(String.valueOf(rows), scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge"));
        assertMoney(billed.add(BigDecimal.valueOf(4000)).toPlainString(), scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge"));
        assertMoney(billed.add(BigDecimal.valueOf(4000)).toPlainString(), scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_daily"));
        assertMoney("1", scalar(ds, t, "SELECT count(DISTINCT ingestion_id) FROM outlay.ledger_charge"));
    }

    @Test
    void concurrentExportsOfOneSourceLeaveOneCopy() {
        String t = "ledger-race";
        List<String> ids = new ArrayList<>(); // gzipped: the test profile's upload limit is 1 MB
        for (int i = 0; i < 3; i++) {
            ids.add(given().header("Authorization", bearer(t, "a", "finops_admin")).multiPart("source", "aws-cur")
                    .multiPart("file", "cur" + i + ".csv.gz", IngestionApiTest.gzip(big(300, i + ".0960000000")), "application/gzip")
                    .when().post("/api/v1/ingestions").then().statusCode(202).extract().path("id"));
        }
        for (String id : ids) awaitDone(t, id).body("status", equalTo("succeeded"));
        BigDecimal rows = scalar(ds, t, "SELECT count(*) FROM outlay.ledger_charge");
        assertMoney(String.valueOf(300 * 18), rows); // 18 October rows per copy
        assertMoney("1", scalar(ds, t, "SELECT count(DISTINCT ingestion_id) FROM outlay.ledger_charge"));
        assertEquals(0, scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_charge")
                .compareTo(scalar(ds, t, "SELECT sum(billed_cost) FROM outlay.ledger_daily")), "rollup = ledger");
    }
}
