/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.spark;

import dev.outlay.api.problem.Problem;
import dev.outlay.decisions.CanonicalJson;
import dev.outlay.decisions.CompiledDmn;
import dev.outlay.decisions.ContentHash;
import dev.outlay.decisions.DmnCompiler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The allocation rule version inside an executor: compiled once per executor JVM from the stored DMN text (by the
 * service's own compiler, so FEEL and type checks are the ones the service runs) and evaluated per distinct input.
 */
final class ExecutorRules {

    private static final Map<String, CompiledDmn> COMPILED = new ConcurrentHashMap<>();

    private ExecutorRules() {
    }

    /** Refuses a rules file that is not the version it claims to be: the hash names the stored text. */
    static void verify(String hash, String xml) {
        String actual = ContentHash.sha256(xml);
        if (!actual.equals(hash)) throw new IllegalArgumentException("the rules file is version " + actual + ", not " + hash);
    }

    /** Canonical JSON of the inputs → canonical JSON of every decision's result, as the service logs them. */
    @SuppressWarnings("unchecked")
    static String evaluate(String hash, String xml, String inputsJson) {
        CompiledDmn dmn = COMPILED.computeIfAbsent(hash, h -> DmnCompiler.compile(h, xml));
        Map<String, Object> in = (Map<String, Object>) CanonicalJson.normalize(CanonicalJson.readObject(inputsJson));
        List<Problem.Fault> faults = dmn.inputs().check(in);
        if (!faults.isEmpty()) {
            throw new IllegalArgumentException("inputs " + inputsJson + " do not fit the input contract of " + hash + ": "
                    + faults.stream().map(f -> f.field() + " " + f.message()).toList());
        }
        return CanonicalJson.write(dmn.evaluate(in));
    }
}
