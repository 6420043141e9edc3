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
package dev.outlay.carbon;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates a factor set before it is stored or used; every fault is reported at once. */
public final class FactorSetCheck {

    static final Set<String> PROVIDERS = Set.of("aws", "azure", "gcp");

    private FactorSetCheck() {
    }

    public static FactorSet check(FactorSet s) {
        List<InvalidFactorSetException.Fault> faults = new ArrayList<>();
        if (s == null) throw new InvalidFactorSetException(List.of(new InvalidFactorSetException.Fault("", "a factor set is required")));
        text(faults, "name", s.name(), 100);
        text(faults, "source", s.source(), 2000);
        if (s.publishedOn() == null) faults.add(new InvalidFactorSetException.Fault("publishedOn", "required (yyyy-mm-dd)"));
        if (s.retrievedOn() == null) faults.add(new InvalidFactorSetException.Fault("retrievedOn", "required (yyyy-mm-dd)"));
        if (s.publishedOn() != null && s.retrievedOn() != null && s.retrievedOn().isBefore(s.publishedOn())) {
            faults.add(new InvalidFactorSetException.Fault("retrievedOn", "before publishedOn"));
        }
        if (s.providers().isEmpty()) faults.add(new InvalidFactorSetException.Fault("providers", "at least one provider is required"));
        s.providers().forEach((key, f) -> provider(faults, "providers." + key, key, f));
        if (!faults.isEmpty()) throw new InvalidFactorSetException(faults);
        return s;
    }

    private static void provider(List<InvalidFactorSetException.Fault> faults, String at, String key, ProviderFactors f) {
        if (!PROVIDERS.contains(key)) faults.add(new InvalidFactorSetException.Fault(at, "provider must be one of aws, azure, gcp"));
        if (f == null) {
            faults.add(new InvalidFactorSetException.Fault(at, "required"));
            return;
        }
        if (f.pue() == null || f.pue().compareTo(BigDecimal.ONE) < 0) faults.add(new InvalidFactorSetException.Fault(at + ".pue", "required, at least 1"));
        if (f.defaultUtilization() == null || f.defaultUtilization().signum() < 0 || f.defaultUtilization().compareTo(BigDecimal.ONE) > 0) {
            faults.add(new InvalidFactorSetException.Fault(at + ".defaultUtilization", "required, between 0 and 1"));
        }
        watts(faults, at + ".unknownArchitecture", f.unknownArchitecture());
        f.architectures().forEach((name, w) -> watts(faults, at + ".architectures." + name, w));
        nonNegative(faults, at + ".ssdWhPerTbHour", f.ssdWhPerTbHour(), true);
        nonNegative(faults, at + ".hddWhPerTbHour", f.hddWhPerTbHour(), true);
        nonNegative(faults, at + ".networkKwhPerGb", f.networkKwhPerGb(), true);
        nonNegative(faults, at + ".memoryKwhPerGbHour", f.memoryKwhPerGbHour(), true);
        if (f.lambdaGbPerVcpu() != null && f.lambdaGbPerVcpu().signum() <= 0) {
            faults.add(new InvalidFactorSetException.Fault(at + ".lambdaGbPerVcpu", "greater than 0 when given"));
        }
        nonNegative(faults, at + ".unknownRegionGramsPerKwh", f.unknownRegionGramsPerKwh(), true);
        for (Map.Entry<String, BigDecimal> g : f.gridGramsPerKwh().entrySet()) {
            if (!g.getKey().equals(g.getKey().toLowerCase(java.util.Locale.ROOT))) {
                faults.add(new InvalidFactorSetException.Fault(at + ".gridGramsPerKwh." + g.getKey(), "region ids are lower case"));
            }
            nonNegative(faults, at + ".gridGramsPerKwh." + g.getKey(), g.getValue(), true);
        }
        f.replication().forEach((name, v) -> {
            if (v == null || v.compareTo(BigDecimal.ONE) < 0) faults.add(new InvalidFactorSetException.Fault(at + ".replication." + name, "at least 1"));
        });
        f.instanceTypes().forEach((type, shape) -> {
            String p = at + ".instanceTypes." + type;
            if (!type.equals(type.toLowerCase(java.util.Locale.ROOT))) faults.add(new InvalidFactorSetException.Fault(p, "instance types are lower case"));
            if (shape == null || shape.vcpus() <= 0) faults.add(new InvalidFactorSetException.Fault(p + ".vcpus", "greater than 0"));
            else if (shape.architecture() != null && !f.architectures().containsKey(shape.architecture())) {
                faults.add(new InvalidFactorSetException.Fault(p + ".architecture", "not in architectures"));
            }
            if (shape == null) return;
            if (shape.gpus() != null && shape.gpus() < 0) faults.add(new InvalidFactorSetException.Fault(p + ".gpus", "not negative"));
            boolean counted = shape.gpus() != null && shape.gpus() > 0;
            if (counted && shape.gpuModel() == null) faults.add(new InvalidFactorSetException.Fault(p + ".gpuModel", "required when gpus > 0"));
            else if (counted && !f.gpuModels().containsKey(shape.gpuModel())) {
                faults.add(new InvalidFactorSetException.Fault(p + ".gpuModel", "not in gpuModels"));
            }
            if (!counted && shape.gpuModel() != null) faults.add(new InvalidFactorSetException.Fault(p + ".gpus", "required (> 0) with a gpuModel"));
        });
        f.gpuModels().forEach((model, w) -> watts(faults, at + ".gpuModels." + model, w));
    }

    private static void watts(List<InvalidFactorSetException.Fault> faults, String at, WattRange w) {
        if (w == null || w.min() == null || w.max() == null) {
            faults.add(new InvalidFactorSetException.Fault(at, "min and max watts are required"));
        } else if (w.min().signum() < 0 || w.max().compareTo(w.min()) < 0) {
            faults.add(new InvalidFactorSetException.Fault(at, "0 <= min <= max"));
        }
    }

    private static void nonNegative(List<InvalidFactorSetException.Fault> faults, String at, BigDecimal v, boolean required) {
        if (v == null) {
            if (required) faults.add(new InvalidFactorSetException.Fault(at, "required"));
        } else if (v.signum() < 0) {
            faults.add(new InvalidFactorSetException.Fault(at, "not negative"));
        }
    }

    private static void text(List<InvalidFactorSetException.Fault> faults, String at, String v, int max) {
        if (v == null || v.isBlank()) faults.add(new InvalidFactorSetException.Fault(at, "required"));
        else if (v.length() > max) faults.add(new InvalidFactorSetException.Fault(at, "at most " + max + " characters"));
    }
}
