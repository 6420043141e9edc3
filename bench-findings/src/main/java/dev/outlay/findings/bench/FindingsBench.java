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

import dev.outlay.findings.DetectedFinding;
import dev.outlay.findings.ThresholdProfile;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Labelled findings benchmark. Accuracy on {@code --resources} generated resources, then (with {@code --throughput
 * M}) the time to scan M resources x 14 days hourly through the full path against a baseline measured in the same
 * run: generation plus aggregation only (no rules, no findings).
 *
 * <pre>
 * java -cp "bench-findings/target/classes:$(cat bench-findings/target/classpath.txt)" \
 *   dev.outlay.findings.bench.FindingsBench --resources 6400 --throughput 100000 --threads 2
 * </pre>
 */
public final class FindingsBench {

    public record Result(BenchScore score, long distinctRows) {
    }

    private FindingsBench() {
    }

    public static Result accuracy(BundledRules rules, String profileName, long seed, int resources, int threads)
            throws Exception {
        ThresholdProfile profile = rules.profile(profileName);
        FindingsPipeline pipeline = new FindingsPipeline(rules, profile, "bench");
        FindingsGenerator gen = new FindingsGenerator(seed);
        BenchScore score = new BenchScore();
        long before = rules.drl().stream().mapToLong(BundledRules.Drl::evaluations).sum();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, resources).parallel().forEach(i -> {
                LabelledCase c = gen.generate(i);
                score.add(c, pipeline.run(c, FindingsGenerator.SCAN));
            })).get();
        } finally {
            pool.shutdown();
        }
        long distinct = rules.drl().stream().mapToLong(BundledRules.Drl::evaluations).sum() - before;
        return new Result(score, distinct);
    }

    public static void main(String[] args) throws Exception {
        int resources = 6400;
        int throughput = 0;
        int threads = 2;
        long seed = 15;
        String profile = "conservative";
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--resources" -> resources = Integer.parseInt(args[++a]);
                case "--throughput" -> throughput = Integer.parseInt(args[++a]);
                case "--threads" -> threads = Integer.parseInt(args[++a]);
                case "--seed" -> seed = Long.parseLong(args[++a]);
                case "--profile" -> profile = args[++a];
                default -> throw new IllegalArgumentException("unknown argument " + args[a]
                        + " (--resources N --throughput N --threads N --seed N --profile NAME)");
            }
        }
        long t0 = System.nanoTime();
        BundledRules rules = new BundledRules();
        System.out.printf("compiled rule sets + profiles DMN in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Result r = accuracy(rules, profile, seed, resources, threads);
        System.out.printf("%n## Accuracy: %d resources, profile %s, seed %d (%d distinct DRL rows)%n%n", resources,
                profile, seed, r.distinctRows());
        System.out.print(r.score().table());
        if (throughput > 0) throughput(rules, profile, seed, throughput, threads);
    }

    private static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    static void throughput(BundledRules rules, String profileName, long seed, int n, int threads) throws Exception {
        ThresholdProfile profile = rules.profile(profileName);
        FindingsPipeline pipeline = new FindingsPipeline(rules, profile, "bench");
        FindingsGenerator gen = new FindingsGenerator(seed + 1);
        LongAdder samples = new LongAdder();
        LongAdder findings = new LongAdder();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            // Warm-up: JIT both passes on a slice that is not timed.
            pool.submit(() -> IntStream.range(0, Math.min(n, 5000)).parallel()
                    .forEach(i -> pipeline.run(gen.generate(n + i), FindingsGenerator.SCAN))).get();
            long b0 = System.nanoTime();
            long c0 = cpuNanos();
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
                LabelledCase c = gen.generate(i);
                samples.add(c.samples().size());
                pipeline.facts(c, FindingsGenerator.SCAN);
            })).get();
            double baseline = (System.nanoTime() - b0) / 1e9;
            double baselineCpu = (cpuNanos() - c0) / 1e9;
            long evalsBefore = rules.drl().stream().mapToLong(BundledRules.Drl::evaluations).sum();
            long f0 = System.nanoTime();
            long c1 = cpuNanos();
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
                List<DetectedFinding> out = pipeline.run(gen.generate(i), FindingsGenerator.SCAN);
                findings.add(out.size());
            })).get();
            double full = (System.nanoTime() - f0) / 1e9;
            double fullCpu = (cpuNanos() - c1) / 1e9;
            long evals = rules.drl().stream().mapToLong(BundledRules.Drl::evaluations).sum() - evalsBefore;
            System.out.printf("%n## Throughput: %d resources x 14 days hourly, %d threads%n%n", n, threads);
            // CPU seconds next to wall seconds: on a shared box the wall clock measures the neighbours too.
            System.out.println("| pass | wall s | process CPU s | resources/s (wall) |");
            System.out.println("|---|---:|---:|---:|");
            System.out.printf("| baseline: generate + aggregate %,d hourly samples | %.1f | %.1f | %,.0f |%n",
                    samples.sum(), baseline, baselineCpu, n / baseline);
            System.out.printf("| full: + rows, %,d DRL decisions (distinct rows), verdicts, %,d findings built | %.1f | %.1f | %,.0f |%n",
                    evals, findings.sum(), full, fullCpu, n / full);
            System.out.printf("%nfull / baseline = %.2f (wall), %.2f (CPU); full CPU / %d threads = %.1f s; "
                    + "target full < 60 s wall: %s%n", full / baseline, fullCpu / baselineCpu, threads,
                    fullCpu / threads, full < 60 ? "met" : "NOT met");
        } finally {
            pool.shutdown();
        }
    }
}
