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
package dev.outlay.connectors.aws.inventory;

import dev.outlay.connectors.InvalidConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AwsInventoryConfigTest {

    static final List<String> EU = List.of("eu-west-1");

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("accountId", () -> new AwsInventoryConfig("12345", EU, null, null, null, null, null, null, 0, 0)),
                bad("regions", () -> new AwsInventoryConfig("111122223333", List.of(), null, null, null, null, null, null, 0, 0)),
                bad("regions[1]", () -> new AwsInventoryConfig("111122223333", List.of("eu-west-1", "Europe"), null, null, null, null, null, null, 0, 0)),
                bad("regions[1]", () -> new AwsInventoryConfig("111122223333", List.of("eu-west-1", "eu-west-1"), null, null, null, null, null, null, 0, 0)),
                bad("regions[0]", () -> new AwsInventoryConfig("111122223333", Arrays.asList((String) null), null, null, null, null, null, null, 0, 0)),
                bad("secretAccessKey", () -> new AwsInventoryConfig("111122223333", EU, "AKIAEXAMPLEKEY000001", null, null, null, null, null, 0, 0)),
                bad("accessKeyId", () -> new AwsInventoryConfig("111122223333", EU, null, "secret", null, null, null, null, 0, 0)),
                bad("accessKeyId", () -> new AwsInventoryConfig("111122223333", EU, "akia lower", "secret", null, null, null, null, 0, 0)),
                bad("sessionToken", () -> new AwsInventoryConfig("111122223333", EU, null, null, "tok", null, null, null, 0, 0)),
                bad("roleArn", () -> new AwsInventoryConfig("111122223333", EU, null, null, null, "arn:aws:iam::111122223333:user/bob", null, null, 0, 0)),
                bad("roleArn", () -> new AwsInventoryConfig("111122223333", EU, null, null, null, "arn:aws:iam::999988887777:role/outlay", null, null, 0, 0)),
                bad("externalId", () -> new AwsInventoryConfig("111122223333", EU, null, null, null, null, "ext-1", null, 0, 0)),
                bad("externalId", () -> new AwsInventoryConfig("111122223333", EU, null, null, null, "arn:aws:iam::111122223333:role/outlay", "has space", null, 0, 0)),
                bad("endpoint", () -> new AwsInventoryConfig("111122223333", EU, null, null, null, null, null, "ftp://x", 0, 0)),
                bad("endpoint", () -> new AwsInventoryConfig("111122223333", EU, null, null, null, null, null, "http://", 0, 0)),
                bad("lookbackDays", () -> new AwsInventoryConfig("111122223333", EU, null, null, null, null, null, null, 64, 0)),
                bad("lookbackDays", () -> new AwsInventoryConfig("111122223333", EU, null, null, null, null, null, null, -1, 0)),
                bad("maxAttempts", () -> new AwsInventoryConfig("111122223333", EU, null, null, null, null, null, null, 0, 21)));
    }

    static Arguments bad(String field, Supplier<AwsInventoryConfig> build) {
        return Arguments.of(field, build);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesNamingTheField(String field, Supplier<AwsInventoryConfig> build) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, build::get);
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void defaultsAndNormalisation() {
        AwsInventoryConfig c = new AwsInventoryConfig("111122223333", List.of("eu-west-1", "us-gov-west-1", "cn-north-1"),
                " ", "", null, " arn:aws:iam::111122223333:role/outlay-reader ", "tenant-1", "", 0, 0);
        assertEquals(14, c.lookbackDays());
        assertEquals(5, c.maxAttempts());
        assertNull(c.accessKeyId());
        assertNull(c.endpoint());
        assertEquals("arn:aws:iam::111122223333:role/outlay-reader", c.roleArn());
    }

    @Test
    void toStringHidesTheSecretAndToken() {
        AwsInventoryConfig c = new AwsInventoryConfig("111122223333", EU, "AKIAEXAMPLEKEY000001", "very-secret", "the-token",
                null, null, null, 0, 0);
        assertFalse(c.toString().contains("very-secret"));
        assertFalse(c.toString().contains("the-token"));
    }
}
