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
package dev.outlay.findings.bench;

import dev.outlay.findings.Detectors;
import dev.outlay.findings.InstancePrices;
import dev.outlay.findings.ThresholdProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.compiler.RuntimeTypeCheckOption;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import org.kie.internal.utils.KieHelper;

/**
 * The bundled rule sets from the outlay-rules jar, compiled the way the decision service compiles them: DRL with
 * KieHelper on the classic engine (row = one java.util.Map fact, results in {@code global java.util.Map outputs}), the
 * profiles DMN with DMNRuntimeBuilder and type checks on. DRL decisions are cached per distinct row, as
 * DecisionService.evaluateBulk logs one decision per distinct input.
 */
public final class BundledRules {

    public final class Drl {
        private final String name;
        private final String hash;
        private final KieBase kieBase;
        private final Map<Map<String, Object>, Map<String, Object>> decisions = new ConcurrentHashMap<>();
        private final AtomicLong evaluations = new AtomicLong();

        Drl(String name) {
            this.name = name;
            String text = read("rulesets/" + name + "/" + pascal(name) + ".drl");
            this.hash = sha256(text);
            KieHelper helper = new KieHelper();
            helper.addContent(text, ResourceType.DRL);
            var errors = helper.verify().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) throw new IllegalStateException(name + " does not compile: " + errors);
            this.kieBase = helper.build();
        }

        public String name() {
            return name;
        }

        public String hash() {
            return hash;
        }

        public Map<String, Object> decide(Map<String, Object> row) {
            return decisions.computeIfAbsent(row, r -> {
                evaluations.incrementAndGet();
                Map<String, Object> outputs = new HashMap<>();
                StatelessKieSession session = kieBase.newStatelessKieSession();
                session.setGlobal("outputs", outputs);
                session.execute(new HashMap<>(r));
                return outputs;
            });
        }

        /** Distinct rows evaluated so far. */
        public long evaluations() {
            return evaluations.get();
        }
    }

    private final Drl waste;
    private final Drl arch;
    private final DMNRuntime profiles;

    public BundledRules() {
        this.waste = new Drl(Detectors.WASTE_RULE_SET);
        this.arch = new Drl(Detectors.ARCH_RULE_SET);
        String dmn = read("rulesets/" + Detectors.PROFILE_RULE_SET + "/FindingProfiles.dmn");
        Resource r = ResourceFactory.newReaderResource(new StringReader(dmn), "UTF-8");
        r.setSourcePath("FindingProfiles.dmn");
        this.profiles = DMNRuntimeBuilder.fromDefaults().setOption(new RuntimeTypeCheckOption(true))
                .buildConfiguration().fromResources(List.of(r)).getOrElseThrow(IllegalStateException::new);
    }

    public List<Drl> drl() {
        return List.of(waste, arch);
    }

    /** Step 1 of the scan: the profile's thresholds from the finding-profiles DMN. */
    @SuppressWarnings("unchecked")
    public ThresholdProfile profile(String name) {
        DMNModel model = profiles.getModels().get(0);
        DMNContext ctx = profiles.newContext();
        ctx.set("profile", name);
        DMNResult result = profiles.evaluateAll(model, ctx);
        if (result.hasErrors()) throw new IllegalArgumentException("profile " + name + ": " + result.getMessages());
        Object thresholds = result.getDecisionResultByName("thresholds").getResult();
        if (thresholds == null) throw new IllegalArgumentException("unknown profile " + name);
        Map<String, Object> outputs = new HashMap<>();
        outputs.put("thresholds", toPlain((Map<String, Object>) thresholds));
        List<Map<String, Object>> prices = new java.util.ArrayList<>();
        Object rows = result.getDecisionResultByName(InstancePrices.OUTPUT).getResult();
        if (rows instanceof List<?> l) l.forEach(p -> prices.add(toPlain((Map<String, Object>) p)));
        outputs.put(InstancePrices.OUTPUT, prices);
        String dmnHash = sha256(read("rulesets/" + Detectors.PROFILE_RULE_SET + "/FindingProfiles.dmn"));
        return ThresholdProfile.fromOutputs(name, dmnHash, null, outputs);
    }

    private static Map<String, Object> toPlain(Map<String, Object> m) {
        Map<String, Object> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof BigDecimal || v instanceof String || v instanceof List<?> ? v
                : v instanceof Number n ? new BigDecimal(n.toString()) : v));
        return out;
    }

    static String pascal(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("-")) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return sb.toString();
    }

    static String read(String path) {
        try (InputStream in = BundledRules.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is not on the classpath (outlay-rules jar)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
