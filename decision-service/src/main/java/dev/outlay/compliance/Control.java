/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.compliance;

import java.util.List;

/**
 * One control of the pack and the files that evidence it. {@code status}: evidenced (the evidence shows the control
 * working), gap (the evidence shows it failing: see {@code finding}) or not recorded (no evidence exists; nothing is
 * made up). {@code soc2} names the SOC 2 trust services criteria the control is usually mapped to.
 */
public record Control(String id, String title, String objective, List<String> soc2, List<String> evidence, String status,
                      String finding) {

    public static final String EVIDENCED = "evidenced";
    public static final String GAP = "gap";
    public static final String NOT_RECORDED = "not recorded";
}
