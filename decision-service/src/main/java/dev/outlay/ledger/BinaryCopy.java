/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/**
 * A growable buffer of PostgreSQL binary COPY data (header, tuples, trailer). Binary input spares the server
 * the text parsing of timestamps and numerics, which was a third of the server's COPY time on wide charge rows.
 * Field layouts follow the types' send/recv functions: big-endian, a length before each field, -1 for null.
 */
final class BinaryCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** PostgreSQL's epoch is 2000-01-01 UTC. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400L;
    private static final int TEXT_OID = 25;
    private static final short NUMERIC_POS = 0x0000;
    private static final short NUMERIC_NEG = 0x4000;

    private byte[] buf;
    private int len;

    BinaryCopy(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    int size() {
        return len;
    }

    byte[] array() {
        return buf;
    }

    void clear() {
        len = 0;
    }

    void header() {
        raw(SIGNATURE, 0, SIGNATURE.length);
        int32(0); // flags: no OIDs
        int32(0); // header extension length
    }

    void trailer() {
        int16(-1);
    }

    void tuple(int fields) {
        int16(fields);
    }

    void nul() {
        int32(-1);
    }

    void text(String s) {
        if (s == null) nul();
        else bytes(s.getBytes(StandardCharsets.UTF_8)); // an intrinsic for Latin-1 strings: faster than a char loop
    }

    /** A value already encoded as UTF-8 (per-file constants are encoded once). */
    void bytes(byte[] b) {
        int32(b.length);
        raw(b, 0, b.length);
    }

    void int8(long v) {
        int32(8);
        int64(v);
    }

    void date(LocalDate d) {
        if (d == null) {
            nul();
            return;
        }
        int32(4);
        int32((int) (d.toEpochDay() - PG_EPOCH_DAY));
    }

    void timestamptz(Instant i) {
        if (i == null) {
            nul();
            return;
        }
        int32(8);
        int64(Math.multiplyExact(i.getEpochSecond() - PG_EPOCH_SECOND, 1_000_000L) + i.getNano() / 1_000);
    }

    void uuid(UUID u) {
        int32(16);
        int64(u.getMostSignificantBits());
        int64(u.getLeastSignificantBits());
    }

    /** jsonb's binary input is a version byte (1) followed by the JSON text. */
    void jsonb(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        int32(b.length + 1);
        byte1(1);
        raw(b, 0, b.length);
    }

    /** A one-dimensional text[]; the empty array has no dimensions. */
    void textArray(Collection<String> items) {
        if (items.isEmpty()) {
            int32(12);
            int32(0);
            int32(0);
            int32(TEXT_OID);
            return;
        }
        byte[][] enc = new byte[items.size()][];
        int size = 20;
        int k = 0;
        for (String s : items) {
            enc[k] = s.getBytes(StandardCharsets.UTF_8);
            size += 4 + enc[k].length;
            k++;
        }
        int32(size);
        int32(1);        // dimensions
        int32(0);        // no nulls
        int32(TEXT_OID); // element type
        int32(enc.length);
        int32(1);        // lower bound
        for (byte[] e : enc) bytes(e);
    }

    /**
     * numeric: digit count, weight (of the first base-10000 digit), sign, display scale, then the base-10000
     * digits. The magnitude is scaled so its fraction fills whole base-10000 digits, then the digits are peeled off
     * the least significant end; the value and its scale arrive exactly as the text form would give them.
     */
    void numeric(BigDecimal d) {
        if (d == null) {
            nul();
            return;
        }
        if (d.scale() < 0) d = d.setScale(0);
        int dscale = d.scale();
        BigInteger unscaled = d.unscaledValue();
        int pad = (4 - dscale % 4) % 4;
        int fracDigits = (dscale + pad) / 4;
        int n = 0; // base-10000 digits in groups[], least significant first
        if (unscaled.bitLength() < 50) { // the common case, without BigInteger arithmetic: 2^50 * 1000 fits a long
            long v = Math.abs(unscaled.longValue()) * POW10[pad];
            ensureGroups(5);
            for (; v != 0; v /= 10_000) groups[n++] = (short) (v % 10_000);
        } else {
            BigInteger v = unscaled.abs().multiply(BigInteger.valueOf(POW10[pad]));
            ensureGroups(v.bitLength() / 13 + 1); // 10000 > 2^13
            for (; v.signum() != 0; v = v.divide(TEN_THOUSAND)) groups[n++] = (short) v.mod(TEN_THOUSAND).intValue();
        }
        int low = 0;
        while (low < n && groups[low] == 0) low++; // trailing zero digits are implied by the scale
        int ndigits = n - low;
        int32(8 + 2 * ndigits);
        int16(ndigits);
        int16(ndigits == 0 ? 0 : n - fracDigits - 1);
        int16(unscaled.signum() < 0 ? NUMERIC_NEG : NUMERIC_POS);
        int16(dscale);
        for (int g = n - 1; g >= low; g--) int16(groups[g]);
    }

    private void ensureGroups(int n) {
        if (groups.length < n) groups = new short[n];
    }

    private static final long[] POW10 = {1, 10, 100, 1000};
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
    private short[] groups = new short[8];

    private void byte1(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    private void int16(int v) {
        ensure(2);
        SHORT.set(buf, len, (short) v);
        len += 2;
    }

    private void int32(int v) {
        ensure(4);
        INT.set(buf, len, v);
        len += 4;
    }

    private void int64(long v) {
        ensure(8);
        LONG.set(buf, len, v);
        len += 8;
    }

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private void raw(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    private void ensure(int n) {
        if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
}
