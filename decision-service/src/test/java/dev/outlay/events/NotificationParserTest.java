/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage notification shapes the consumer accepts, and the billing month read from an export key. */
class NotificationParserTest {

    final NotificationParser parser = new NotificationParser(new ObjectMapper());

    @Test
    void s3EventNotificationWithAnEncodedKey() {
        List<ObjectCreated> o = parser.parse("""
                {"Records":[{"eventName":"ObjectCreated:CompleteMultipartUpload","s3":{"bucket":{"name":"b1"},
                "object":{"key":"cur/my+export/metadata/BILLING_PERIOD%3D2024-10/my+export-Manifest.json","eTag":"e1"}}},
                {"eventName":"ObjectRemoved:Delete","s3":{"bucket":{"name":"b1"},"object":{"key":"x"}}}]}""");
        assertEquals(List.of(new ObjectCreated("s3", null, "b1", "cur/my export/metadata/BILLING_PERIOD=2024-10/my export-Manifest.json", "e1")), o);
        assertTrue(o.get(0).isManifest());
        assertEquals(List.of(), parser.parse("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\"}"));
    }

    @Test
    void eventBridgeObjectCreated() {
        assertEquals(List.of(new ObjectCreated("s3", null, "b2", "k/manifest.json", "e2")), parser.parse("""
                {"detail-type":"Object Created","source":"aws.s3","detail":{"bucket":{"name":"b2"},"object":{"key":"k/manifest.json","etag":"e2"}}}"""));
    }

    @Test
    void eventGridBlobCreatedInBothSchemas() {
        String data = "\"data\":{\"api\":\"PutBlob\",\"eTag\":\"0x8D\",\"url\":\"https://acct1.blob.core.windows.net/exports/costs/daily/20241001-20241031/run1/manifest.json\"}";
        ObjectCreated expected = new ObjectCreated("event-grid", "acct1", "exports", "costs/daily/20241001-20241031/run1/manifest.json", "0x8D");
        assertEquals(List.of(expected), parser.parse("[{\"eventType\":\"Microsoft.Storage.BlobCreated\"," + data + "}]"));
        assertEquals(List.of(expected), parser.parse("{\"specversion\":\"1.0\",\"type\":\"Microsoft.Storage.BlobCreated\"," + data + "}"));
        assertEquals(List.of(), parser.parse("[{\"eventType\":\"Microsoft.Storage.BlobDeleted\"," + data + "}]"));
        // an emulator or custom endpoint: the account is the first path segment
        assertEquals(new ObjectCreated("event-grid", "devstoreaccount1", "exports", "a/manifest.json", "e"),
                NotificationParser.blob("http://127.0.0.1:10000/devstoreaccount1/exports/a/manifest.json", "e"));
    }

    @Test
    void malformedMessagesSayWhy() {
        assertThrows(MalformedNotificationException.class, () -> parser.parse("{not json"));
        assertThrows(MalformedNotificationException.class, () -> parser.parse("42"));
        assertThrows(MalformedNotificationException.class, () -> parser.parse("{\"hello\":1}"));
        MalformedNotificationException e = assertThrows(MalformedNotificationException.class, () -> parser.parse(
                "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\"}}}]}"));
        assertEquals("missing Records[].s3.object.eTag", e.getMessage());
        assertThrows(MalformedNotificationException.class, () -> parser.parse(
                "{\"eventType\":\"Microsoft.Storage.BlobCreated\",\"data\":{\"url\":\"https://a.blob.core.windows.net/c\",\"eTag\":\"e\"}}"));
    }

    @Test
    void billingMonthFromTheKey() {
        assertEquals(Optional.of(YearMonth.of(2024, 10)), BillingPeriods.inKey("cur/x/metadata/BILLING_PERIOD=2024-10/x-Manifest.json"));
        assertEquals(Optional.of(YearMonth.of(2024, 9)), BillingPeriods.inKey("cur/x/20240901-20241001/x-Manifest.json"));
        assertEquals(Optional.empty(), BillingPeriods.inKey("cur/x/20241301-20241401/x-Manifest.json"));
        assertEquals(List.of(YearMonth.of(2024, 10), YearMonth.of(2024, 11)), BillingPeriods.toPoll("other/manifest.json", YearMonth.of(2024, 11)));
    }
}
