/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.allocation;

import dev.outlay.api.problem.ProblemException;
import dev.outlay.decisions.DecisionService;
import dev.outlay.decisions.RuleRuntime;
import dev.outlay.decisions.RuleVersion;
import dev.outlay.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a period's allocation on Spark: starts the spark-allocation job as a child JVM (driver; executors are its
 * threads with {@code local[N]}, or a cluster's with another master), which reads the tenant's ledger through the
 * runtime role (row-level security applies), forms the charge groups and evaluates the stored rule version inside
 * the executors. The service then logs those decisions and folds the groups with its own arithmetic
 * ({@link AllocationService#fold}), so a Spark run and a service run of the same data cannot differ.
 */
@ApplicationScoped
public class SparkAllocationEngine {

    private static final Logger LOG = Logger.getLogger(SparkAllocationEngine.class);
    /** Spark 4 on Java 17 needs these packages opened (the list spark-submit passes to its JVMs). */
    static final List<String> JAVA_OPENS = Stream.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio",
                    "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "sun.nio.ch", "sun.nio.cs", "sun.security.action",
                    "sun.util.calendar")
            .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED").toList();
    static final String MAIN = "dev.outlay.spark.AllocationJob";

    @Inject
    SparkConfig config;

    @Inject
    RuleRuntime rules;

    @Inject
    DecisionService decisions;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> jdbcUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> jdbcPassword;

    /** Refuses a Spark run up front when the service has no Spark engine configured. */
    public void requireAvailable() {
        if (!config.enabled() || config.classpath().isEmpty()) {
            throw ProblemException.unprocessable("This service has no Spark engine: set outlay.spark.enabled and outlay.spark.classpath "
                    + "(docs/spark-allocation.md), or run with the default engine.", List.of());
        }
    }

    AllocationService.Evaluated evaluate(UUID runId, LocalDate period, String versionHash, AllocationService.Progress progress) {
        requireAvailable();
        String tenant = TenantContext.requireTenant();
        RuleVersion version = rules.resolve(AllocationService.RULE_SET, versionHash);
        Path work = null;
        try {
            work = Files.createTempDirectory("outlay-spark-" + runId);
            Path rulesFile = work.resolve("allocation.dmn");
            Files.writeString(rulesFile, rules.content(version), StandardCharsets.UTF_8);
            Path out = work.resolve("groups.jsonl");
            Path log = work.resolve("job.log");
            run(command(tenant, period, version.hash(), rulesFile, out), log);
            List<OffloadedGroup> groups = new ArrayList<>(OffloadedGroup.read(out));
            if (groups.isEmpty()) throw ProblemException.unprocessable("The ledger has no rows for billing period " + period + ".", List.of());
            groups.sort(Comparator.comparing(OffloadedGroup::sortKey));
            progress.groups(groups.size(), 0);
            List<Map<String, Object>> inputs = groups.stream().map(OffloadedGroup::inputs).toList();
            List<Map<String, Object>> outputs = groups.stream().map(OffloadedGroup::outputs).toList();
            DecisionService.BulkResult bulk = decisions.logBulk(AllocationService.RULE_SET, version.hash(), inputs, outputs);
            progress.groups(groups.size(), groups.size());
            List<ChargeGroup> chargeGroups = groups.stream().map(OffloadedGroup::group).toList();
            return new AllocationService.Evaluated(bulk.versionHash(), bulk.runId(),
                    AllocationService.fold(chargeGroups, bulk.outputs(), bulk.versionHash()));
        } catch (IOException e) {
            throw new UncheckedIOException("the Spark allocation job's files could not be written or read", e);
        } finally {
            if (work != null) delete(work);
        }
    }

    private List<String> command(String tenant, LocalDate period, String hash, Path rulesFile, Path out) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(config.java().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-Xmx" + config.driverMemory());
        cmd.addAll(JAVA_OPENS);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(MAIN);
        cmd.addAll(List.of("--master", config.master(), "--tenant", tenant, "--period", period.toString(), "--version", hash,
                "--rules", rulesFile.toString(), "--out", out.toString()));
        return cmd;
    }

    private String classpath() throws IOException {
        String cp = config.classpath().orElseThrow().trim();
        return cp.startsWith("@") ? Files.readString(Path.of(cp.substring(1))).trim() : cp;
    }

    private void run(List<String> cmd, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // Credentials travel in the environment, not on the command line other users can list.
        pb.environment().put("OUTLAY_SPARK_JDBC_URL", jdbcUrl);
        jdbcUser.ifPresent(u -> pb.environment().put("OUTLAY_SPARK_JDBC_USER", u));
        jdbcPassword.ifPresent(p -> pb.environment().put("OUTLAY_SPARK_JDBC_PASSWORD", p));
        Process p = pb.start();
        try {
            if (!p.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw jobFailed("The Spark allocation job did not finish within " + config.timeout() + ".");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw jobFailed("The Spark allocation job was interrupted.");
        }
        if (p.exitValue() != 0) {
            String tail = tail(log);
            LOG.warnf("Spark allocation job exited with %d:%n%s", p.exitValue(), tail);
            throw jobFailed("The Spark allocation job failed (exit " + p.exitValue() + "): " + lastError(tail));
        }
    }

    private static ProblemException jobFailed(String detail) {
        return new ProblemException(dev.outlay.api.problem.Problem.of(502, "Spark allocation job failed", detail));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The job prints its refusal as one line starting with "outlay-spark:"; that is what the run's problem names. */
    private static String lastError(String tail) {
        String found = null;
        for (String line : tail.split("\n")) if (line.startsWith("outlay-spark:")) found = line.substring("outlay-spark:".length()).trim();
        return found != null ? found : "see the service log";
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.debugf(e, "could not delete %s", dir);
        }
    }
}
