/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.bench.allocation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A generated ledger in a scratch database, made by PostgreSQL itself (one INSERT … SELECT over generate_series,
 * deterministic). Cardinality is shaped like a mid-size estate: 3 providers, 20 billing accounts, 200 sub-accounts,
 * 60 services in 10 categories, 15 regions, 20,000 resources sharing 2,000 attribute sets (a sub-account runs a
 * handful of services in two regions), 25 teams, 40 products, 4 environments, 30 days. One row in ten is untagged;
 * the team tag is spelled team / Team / user:team; 2% tax, 2% credits (negative), 1% purchases, 1% support.
 */
final class BenchLedger {

    static final String TENANT = "bench";
    static final String PERIOD = "2026-10-01";

    private BenchLedger() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA outlay");
            // The columns the allocation path reads, named as in the service's ledger (V10).
            s.execute("""
                    CREATE TABLE outlay.ledger_charge (
                      tenant_id text NOT NULL, billing_period date NOT NULL, provider_name text, billing_account_id text,
                      sub_account_id text, sub_account_name text, service_name text, service_category text, region_id text,
                      resource_type text, charge_category text, charge_period_start timestamptz, effective_cost numeric,
                      billing_currency text, resource_id text, tags jsonb)""");
            // What the loader records next to the rows (V10 rollup scopes, V65 tag keys), so the run reads the
            // period's tag-key spellings as it does in the service.
            s.execute("CREATE TABLE outlay.ledger_daily (tenant_id text, billing_period date, source text, billing_account_id text)");
            s.execute("CREATE TABLE outlay.ledger_tag_key (tenant_id text, billing_period date, source text, billing_account_id text, tag_key text)");
        }
    }

    static void generate(Connection c, long rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO outlay.ledger_charge
                    SELECT '%s', DATE '%s',
                      (ARRAY['aws','azure','gcp'])[1 + (b %% 20) %% 3],
                      'acct-' || lpad((b %% 20)::text, 2, '0'),
                      'sub-' || lpad((b %% 200)::text, 3, '0'),
                      NULL,
                      CASE WHEN cat = 'Support' THEN 'AWS Support (Business)' ELSE 'svc-' || lpad(svc::text, 2, '0') END,
                      (ARRAY['Compute','Storage','Networking','Databases','Analytics','AI and Machine Learning','Security',
                             'Management and Governance','Integration','Web'])[1 + svc %% 10],
                      (ARRAY['us-east-1','us-east-2','us-west-2','eu-west-1','eu-central-1','eu-north-1','ap-south-1',
                             'ap-northeast-1','ap-southeast-1','sa-east-1','ca-central-1','me-south-1','af-south-1',
                             'ap-east-1','eu-south-1'])[1 + ((b %% 200) + (b / 400) %% 2) %% 15],
                      'type-' || (svc %% 10),
                      CASE WHEN cat = 'Support' THEN 'Usage' ELSE cat END,
                      TIMESTAMPTZ '%s 00:00:00+00' + (i %% 30) * interval '1 day',
                      CASE WHEN cat = 'Credit' THEN -1 ELSE 1 END * ((i * 2654435761) %% 1000003)::numeric / 100000,
                      'USD',
                      'res-' || k,
                      CASE WHEN b %% 10 = 0 THEN '{}'::jsonb ELSE
                        jsonb_build_object((ARRAY['team','Team','user:team'])[1 + k %% 3], 'team-' || ((b %% 200) %% 25),
                          'product', 'prod-' || (b %% 40), 'env', (ARRAY['prod','staging','dev','test'])[1 + (b / 200) %% 4],
                          'app', 'app-' || (b %% 50))
                        || CASE WHEN b %% 7 = 0 THEN '{}'::jsonb ELSE jsonb_build_object('cost-center', 'CC-' || (100 + (b %% 200) %% 25)) END
                      END
                    FROM (
                      SELECT i, k, cat, CASE WHEN cat = 'Usage' THEN a ELSE a %% 50 END AS b,
                             ((CASE WHEN cat = 'Usage' THEN a ELSE a %% 50 END %% 200) * 7 + (a / 200) %% 6) %% 60 AS svc
                      FROM (
                        SELECT i, (i * 7919) %% 20000 AS k, ((i * 7919) %% 20000) %% 2000 AS a,
                               CASE WHEN i %% 100 < 2 THEN 'Tax' WHEN i %% 100 < 4 THEN 'Credit' WHEN i %% 100 = 4 THEN 'Purchase'
                                    WHEN i %% 100 = 5 THEN 'Support' ELSE 'Usage' END AS cat
                        FROM generate_series(0::bigint, %d - 1) i) x) y
                    """.formatted(TENANT, PERIOD, PERIOD, rows));
            // Untimed, like ingestion: the scopes and their tag keys, which the loader writes while it streams a file.
            s.execute("INSERT INTO outlay.ledger_daily SELECT DISTINCT tenant_id, billing_period, 'bench', billing_account_id FROM outlay.ledger_charge");
            s.execute("""
                    INSERT INTO outlay.ledger_tag_key
                    SELECT DISTINCT tenant_id, billing_period, 'bench', billing_account_id, k
                    FROM (SELECT DISTINCT tenant_id, billing_period, billing_account_id, tags FROM outlay.ledger_charge) t,
                         jsonb_object_keys(t.tags) k
                    UNION SELECT DISTINCT tenant_id, billing_period, 'bench', billing_account_id, '' FROM outlay.ledger_charge""");
            s.execute("VACUUM ANALYZE outlay.ledger_charge");
        }
    }
}
