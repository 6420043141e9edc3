package dev.outlay.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the shared PostgreSQL resource for every @QuarkusTest (one application start for all of them). */
@QuarkusTestResource(PostgresTestResource.class)
public final class TestDatabase {

    private TestDatabase() {
    }
}
