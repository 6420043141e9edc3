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

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.Set;
import java.util.function.Supplier;

/** Turns SDK failures into the reader's three outcomes: credentials rejected, permission denied, read failed. */
final class AwsErrors {

    /**
     * Codes that mean "these credentials are no good", whatever the API. Each service family spells it its own
     * way: EC2 says AuthFailure (401) or ExpiredToken (400); query services
     * (RDS, ELBv2, STS) say InvalidClientTokenId or ExpiredToken (403); JSON/CBOR services (CloudWatch since it
     * moved off the query protocol) say UnrecognizedClientException or ExpiredTokenException.
     */
    static final Set<String> CREDENTIAL_CODES = Set.of("ExpiredToken", "ExpiredTokenException", "AuthFailure",
            "UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch",
            "IncompleteSignature", "MissingAuthenticationToken", "InvalidAccessKeyId", "TokenRefreshRequired");

    /** Valid credentials, missing permission for one API. */
    static final Set<String> PERMISSION_CODES = Set.of("UnauthorizedOperation", "AccessDenied",
            "AccessDeniedException", "OptInRequired");

    private AwsErrors() {
    }

    static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    static String message(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? e.getMessage() : e.awsErrorDetails().errorMessage();
    }

    /**
     * Runs one call; credential rejections and every other failure become domain exceptions naming the call.
     * Permission failures pass through as {@link AwsServiceException} for the caller to record as DENIED.
     */
    static <T> T call(String service, String accountId, String region, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            // Role credentials are fetched lazily on the first call, so AssumeRole's refusal surfaces here, either
            // as the StsException itself or wrapped in an SdkClientException. Whatever its code (AccessDenied
            // included: the trust policy or external id does not match), the connection's credentials are unusable.
            StsException sts = sts(e);
            if (sts != null) {
                throw new AwsCredentialsRejectedException("sts:AssumeRole", accountId, region,
                        code(sts) == null ? "HTTP " + sts.statusCode() : code(sts), message(sts), e);
            }
            if (e instanceof AwsServiceException a) {
                String code = code(a);
                if (CREDENTIAL_CODES.contains(code)) {
                    throw new AwsCredentialsRejectedException(service, accountId, region, code, message(a), a);
                }
                if (PERMISSION_CODES.contains(code)) throw a;
                throw new AwsInventoryReadException(service, accountId, region,
                        (code == null ? "HTTP " + a.statusCode() : code) + ": " + message(a), a);
            }
            throw new AwsInventoryReadException(service, accountId, region, e.getMessage(), e);
        }
    }

    private static StsException sts(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StsException s) return s;
        }
        return null;
    }
}
