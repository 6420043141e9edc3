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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which AWS error codes reject the credentials, deny one listing, or fail the read. */
class AwsErrorsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "400, ExpiredToken, credentials",
            "403, ExpiredTokenException, credentials",
            "401, AuthFailure, credentials",
            "400, UnrecognizedClientException, credentials",
            "403, InvalidClientTokenId, credentials",
            "403, SignatureDoesNotMatch, credentials",
            "403, UnauthorizedOperation, denied",
            "403, AccessDenied, denied",
            "400, AccessDeniedException, denied",
            "401, OptInRequired, denied",
            "503, RequestLimitExceeded, failed",
            "400, Throttling, failed",
            "500, InternalFailure, failed",
            "400, InvalidParameterValue, failed"})
    void classifies(int status, String code, String expected) {
        AwsServiceException e = AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("msg").serviceName("EC2").build()).build();
        Runnable call = () -> AwsErrors.call("ec2:DescribeVolumes", "111122223333", "eu-west-1", () -> {
            throw e;
        });
        switch (expected) {
            case "credentials" -> {
                AwsCredentialsRejectedException r = assertThrows(AwsCredentialsRejectedException.class, call::run);
                assertEquals(code, r.errorCode());
                assertEquals("ec2:DescribeVolumes", r.service());
            }
            case "denied" -> assertEquals(e, assertThrows(AwsServiceException.class, call::run));
            default -> {
                AwsInventoryReadException r = assertThrows(AwsInventoryReadException.class, call::run);
                assertEquals("111122223333", r.accountId());
                assertEquals("eu-west-1", r.region());
            }
        }
    }
}
