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
package dev.outlay.findings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The next size down in the same family, and what fraction of the current size it is. Deliberately small: a
 * one-step downsize inside the family, where vCPU and memory both halve and size-flexible reservations keep
 * covering the new size (Cost Explorer's assumption). No catalog or price list: savings are the current cost times
 * {@code 1 - ratio}, which holds because in-family prices scale linearly with size.
 *
 * <ul>
 *   <li>AWS {@code m5.2xlarge → m5.xlarge → m5.large → m5.medium → m5.small → m5.micro → m5.nano}, {@code 4xlarge →
 *       2xlarge}, {@code 8xlarge → 4xlarge}, {@code 16xlarge → 8xlarge}, {@code 24xlarge → 12xlarge}, {@code 48xlarge →
 *       24xlarge}; RDS the same after {@code db.}. Sizes without a half ({@code 12xlarge}, {@code metal}) have no step.</li>
 *   <li>Azure {@code Standard_D4s_v5 → Standard_D2s_v5}: the vCPU number halves when even.</li>
 *   <li>GCP {@code n2-standard-8 → n2-standard-4}: the trailing vCPU count halves when even and at least 4.</li>
 * </ul>
 */
public final class SizeLadder {

    public record Step(String from, String to, BigDecimal ratio) {
    }

    private static final List<String> AWS = List.of("nano", "micro", "small", "medium", "large", "xlarge", "2xlarge",
            "4xlarge", "8xlarge", "16xlarge");
    private static final Pattern AWS_SIZE = Pattern.compile("^((?:db\\.)?[a-z][a-z0-9-]*)\\.([a-z0-9]+)$");
    private static final Pattern AZURE = Pattern.compile("^(Standard_[A-Za-z]+)(\\d+)(.*)$");
    private static final Pattern GCP = Pattern.compile("^([a-z][a-z0-9]*-[a-z]+)-(\\d+)$");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private SizeLadder() {
    }

    public static Optional<Step> down(String size) {
        if (size == null || size.isBlank()) return Optional.empty();
        String s = size.strip();
        Matcher aws = AWS_SIZE.matcher(s.toLowerCase(Locale.ROOT));
        if (aws.matches()) {
            String family = aws.group(1);
            String sz = aws.group(2);
            if (sz.equals("24xlarge")) return Optional.of(new Step(s, family + ".12xlarge", HALF));
            if (sz.equals("48xlarge")) return Optional.of(new Step(s, family + ".24xlarge", HALF));
            int i = AWS.indexOf(sz);
            if (i > 0) return Optional.of(new Step(s, family + "." + AWS.get(i - 1), HALF));
            return Optional.empty();
        }
        Matcher az = AZURE.matcher(s);
        if (az.matches()) {
            int n = Integer.parseInt(az.group(2));
            if (n >= 2 && n % 2 == 0) return Optional.of(new Step(s, az.group(1) + (n / 2) + az.group(3), HALF));
            return Optional.empty();
        }
        Matcher gcp = GCP.matcher(s);
        if (gcp.matches()) {
            int n = Integer.parseInt(gcp.group(2));
            if (n >= 4 && n % 2 == 0) return Optional.of(new Step(s, gcp.group(1) + "-" + (n / 2), HALF));
        }
        return Optional.empty();
    }

    /** The family of an instance size: {@code m5} of {@code m5.large}, {@code db.t2} of {@code db.t2.micro}. */
    public static String family(String size) {
        if (size == null) return "";
        String s = size.strip().toLowerCase(Locale.ROOT);
        Matcher aws = AWS_SIZE.matcher(s);
        if (aws.matches()) return aws.group(1);
        Matcher az = AZURE.matcher(size.strip());
        if (az.matches()) return (az.group(1) + az.group(3)).toLowerCase(Locale.ROOT);
        Matcher gcp = GCP.matcher(s);
        if (gcp.matches()) return gcp.group(1).split("-")[0];
        return s;
    }
}
