package dev.outlay.demo;

import dev.outlay.tenancy.TenantContext;
import dev.outlay.tenancy.TenantRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static dev.outlay.support.Tokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scan of the demo data (loaded through the real ingestion and import pipelines) finds every planted opportunity
 * with its detector, and nothing on the confounders planted next to them.
 */
@QuarkusTest
class DemoFindingsTest {

    static final String T = "demo-findings";
    static final LocalDate END = LocalDate.of(2026, 11, 30);

    @Inject
    DemoInventorySeeder seeder;

    @Inject
    TenantRegistry tenants;

    @Test
    void theDemoScanFindsEveryPlantedOpportunityAndNoConfounder() {
        tenants.ensure(T, T, false);
        TenantContext.runAs(TenantContext.system(T), () -> seeder.seedNow(END, 60));
        String finops = bearer(T, "fo", "finops_admin");
        given().header("Authorization", finops).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/findings/scan?asOf=" + END + "&wait=true").then().statusCode(201)
                .body("status", equalTo("succeeded"));
        List<Map<String, Object>> all = given().header("Authorization", finops).get("/api/v1/findings").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Set<String>> found = new TreeMap<>();
        all.forEach(f -> found.computeIfAbsent((String) f.get("resourceId"), k -> new TreeSet<>()).add((String) f.get("detector")));

        Map<String, Set<String>> planted = new TreeMap<>();
        planted.put(DemoWaste.IDLE_EC2, Set.of("waste.compute.idle"));
        planted.put(DemoWaste.OVERSIZED_EC2, Set.of("waste.compute.overprovisioned"));
        planted.put(DemoWaste.STOPPED_VOLUME, Set.of("waste.instance.stopped-storage"));
        planted.put(DemoWaste.PREVGEN_EC2, Set.of("arch.compute.prevgen"));
        planted.put(DemoWaste.CHATTY_EC2, Set.of("arch.net.interaz"));
        planted.put(DemoWaste.UNATTACHED_GP2, Set.of("waste.ebs.unattached", "arch.ebs.gp2"));
        planted.put(DemoWaste.ATTACHED_GP2, Set.of("arch.ebs.gp2"));
        planted.put(DemoWaste.ORPHAN_SNAPSHOT, Set.of("waste.snapshot.orphan"));
        planted.put(DemoWaste.IDLE_EIP, Set.of("waste.eip.idle"));
        planted.put(DemoWaste.IDLE_LB, Set.of("waste.lb.idle"));
        planted.put(DemoWaste.NAT, Set.of("arch.net.nat-heavy"));
        planted.put(DemoWaste.MULTI_AZ_DEV_DB, Set.of("arch.rds.multiaz-nonprod", "arch.nonprod.always-on"));
        planted.put(DemoWaste.CHECKOUT_STAGING_WEB, Set.of("arch.nonprod.prod-shaped"));
        planted.put(DemoWaste.CHECKOUT_STAGING_DB, Set.of("arch.nonprod.prod-shaped"));
        planted.put(DemoWaste.CHECKOUT_QA_WEB, Set.of("arch.nonprod.always-on"));
        planted.put(DemoWaste.CHECKOUT_QA_WORKER, Set.of("arch.nonprod.always-on"));
        planted.forEach((id, detectors) -> assertEquals(detectors, found.getOrDefault(id, Set.of()), id + " in " + found));

        for (String confounder : List.of(DemoWaste.DR_STANDBY, DemoWaste.BATCH_HOST, DemoWaste.YOUNG_VOLUME,
                DemoWaste.CHECKOUT_PROD_WEB, DemoWaste.CHECKOUT_PROD_DB, DemoWaste.CHECKOUT_DEV_WEB, DemoWaste.CHECKOUT_DEV_DB)) {
            assertTrue(!found.containsKey(confounder), confounder + " is a confounder: " + found.get(confounder));
        }
        Map<String, Object> staging = all.stream().filter(f -> DemoWaste.CHECKOUT_STAGING_WEB.equals(f.get("resourceId")))
                .findFirst().orElseThrow();
        List<Map<String, Object>> savings = (List<Map<String, Object>>) staging.get("savings");
        // 0.192 x 24 a day, 30.4375 days a month, off-hours share 1 - 60/168; high: the environment removed
        assertEquals(0, new java.math.BigDecimal("90.16").compareTo(new java.math.BigDecimal(savings.get(0).get("expected").toString())),
                savings.toString());
        assertEquals(0, new java.math.BigDecimal("140.26").compareTo(new java.math.BigDecimal(savings.get(0).get("high").toString())),
                savings.toString());
    }
}
