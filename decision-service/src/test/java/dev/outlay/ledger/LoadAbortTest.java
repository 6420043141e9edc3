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
import dev.outlay.connectors.SourceFormatException;
import dev.outlay.model.SourceKind;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static dev.outlay.ledger.LedgerTestSupport.assertMoney;
import static dev.outlay.ledger.LedgerTestSupport.awaitDone;
import static dev.outlay.ledger.LedgerTestSupport.fixture;
import static dev.outlay.ledger.LedgerTestSupport.scalar;
import static dev.outlay.ledger.LedgerTestSupport.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A load that dies at any point — late bad row, dropped stream, crash before commit — leaves no partial rows. */
@QuarkusTest
class LoadAbortTest {

    static final String T = "ledger-abort";
    static final String CUR2 = "aws/cur2-every-line-item-type.csv";

    @Inject
    LedgerLoader loader;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void baseline() {
        if (scalar(ds, T, "SELECT count(*) FROM outlay.ledger_charge").signum() == 0) {
            awaitDone(T, upload(T, "aws-cur", "cur2.csv", fixture(CUR2), null)).body("status", equalTo("succeeded"));
        }
        assertUnchanged();
    }

    void assertUnchanged() {
        assertMoney("19", scalar(ds, T, "SELECT count(*) FROM outlay.ledger_charge"));
        assertMoney("1524.0951900125", scalar(ds, T, "SELECT sum(billed_cost) FROM outlay.ledger_charge"));
        assertMoney("1524.0951900125", scalar(ds, T, "SELECT sum(billed_cost) FROM outlay.ledger_daily"));
    }

    /** The fixture's October rows repeated {@code copies} times, then one row with a broken cost at the very end. */
    static byte[] bigFileFailingLate(int copies) {
        String text = new String(fixture(CUR2), StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        StringBuilder sb = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 0; i < copies; i++) {
            for (int l = 1; l < lines.length; l++) if (!lines[l].startsWith("li-nov")) sb.append(lines[l]).append("\r\n");
        }
        sb.append(lines[1].replace(",0.0960000000,$0.096", ",zero,$0.096")).append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    LoadResult load(InputStream in, LedgerLoader.Listener listener) throws Exception {
        return TenantContext.runAs(TenantContext.system(T), () -> {
            try (ChargeReader r = Connectors.open(SourceKind.AWS_CUR, null, in, "big.csv")) {
                return loader.load(r, UUID.randomUUID(), "aws-cur", "big.csv", "x", listener);
            } catch (Exception e) {
                throw e instanceof RuntimeException re ? re : new RuntimeException(e);
            }
        });
    }

    @Test
    void aBadRowLateInABigFileLeavesNothing() {
        byte[] big = bigFileFailingLate(3000); // 54k rows streamed into staging before the fault
        SourceFormatException e = assertThrows(SourceFormatException.class, () -> load(new ByteArrayInputStream(big), (b, r) -> { }));
        assertEquals(54_002, e.line());
        assertUnchanged();
    }

    @Test
    void aStreamThatDiesMidwayLeavesNothing() {
        byte[] big = bigFileFailingLate(3000);
        InputStream dying = new FilterInputStream(new ByteArrayInputStream(big)) {
            long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > big.length / 2) throw new IOException("connection reset by peer");
                int n = super.read(b, off, len);
                read += Math.max(n, 0);
                return n;
            }
        };
        assertThrows(SourceFormatException.class, () -> load(dying, (b, r) -> { }));
        assertUnchanged();
    }

    @Test
    void aCrashAfterTheOldRowsWereDeletedButBeforeCommitLeavesTheOldRows() {
        String newer = new String(fixture(CUR2), StandardCharsets.UTF_8).replace(",0.0960000000,$0.096", ",9.0000000000,$0.096");
        assertThrows(IllegalStateException.class, () -> load(new ByteArrayInputStream(newer.getBytes(StandardCharsets.UTF_8)),
                new LedgerLoader.Listener() {
                    @Override
                    public void progress(long bytesRead, long rowsRead) {
                    }

                    @Override
                    public void beforeReplaceCommit() {
                        throw new IllegalStateException("worker killed");
                    }
                }));
        assertUnchanged();
    }
}
