-- Reconciliation (issue 16): invoice summaries uploaded by finance, and reconciliation runs that compare the ledger
-- with them, one ledger source with another covering the same billing account, and the ledger with the days and
-- sources it should hold. The close process reads reconciliation_run (id, tenant_id, period, status, result,
-- created_at, finished_at); keep those names.

-- One uploaded invoice summary (CSV or JSON, docs/invoices.md): one billing period and one currency per document.
-- For each billing account, the latest document of the period that covers it is the invoice side of a run, so a
-- corrected invoice replaces the first instead of being added to it.
CREATE TABLE outlay.invoice_document (
    id             uuid        PRIMARY KEY,
    tenant_id      text        NOT NULL REFERENCES outlay.tenant (id),
    file_name      text        NOT NULL,
    format         text        NOT NULL CHECK (format IN ('csv', 'json')),
    sha256         text        NOT NULL,
    period         date        NOT NULL CHECK (extract(day FROM period) = 1),
    currency       char(3)     NOT NULL,
    accounts       text[]      NOT NULL,
    line_count     integer     NOT NULL,
    total          numeric     NOT NULL,
    created_by     text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoice_document_period ON outlay.invoice_document (tenant_id, period, created_at DESC);

CREATE TABLE outlay.invoice_line (
    document_id         uuid    NOT NULL REFERENCES outlay.invoice_document (id),
    tenant_id           text    NOT NULL REFERENCES outlay.tenant (id),
    line_number         integer NOT NULL,   -- CSV: physical line; JSON: 1-based index in "lines"
    invoice_id          text,
    billing_account_id  text    NOT NULL,
    service_name        text    NOT NULL,
    invoice_section     text,               -- Azure MCA invoice section, where the invoice has one
    amount              numeric NOT NULL,
    PRIMARY KEY (document_id, line_number)
);

-- One reconciliation run of a billing period. status: running -> passed | breached | failed. result is the whole
-- typed result (every check, per account and currency, and the summary) as canonical JSON, written in the same
-- transaction that ends the run, its breach event and its triage.
CREATE TABLE outlay.reconciliation_run (
    id                 uuid        PRIMARY KEY,
    tenant_id          text        NOT NULL REFERENCES outlay.tenant (id),
    period             date        NOT NULL CHECK (extract(day FROM period) = 1),
    period_state       text        CHECK (period_state IN ('PRELIMINARY', 'FINAL')),
    status             text        NOT NULL CHECK (status IN ('running', 'passed', 'breached', 'failed')),
    rule_version_hash  text        NOT NULL,
    checks_total       integer,
    checks_done        integer     NOT NULL DEFAULT 0,
    decision_ids       uuid[]      NOT NULL DEFAULT '{}',
    result             jsonb,
    result_sha256      text,
    problem            jsonb,
    event_id           uuid,
    violation_id       uuid,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz
);
CREATE INDEX reconciliation_run_period ON outlay.reconciliation_run (tenant_id, period, created_at DESC);

-- One check of a run, for queries that should not open the JSON (the close package, dashboards).
CREATE TABLE outlay.reconciliation_check (
    run_id                 uuid    NOT NULL REFERENCES outlay.reconciliation_run (id),
    tenant_id              text    NOT NULL REFERENCES outlay.tenant (id),
    ordinal                integer NOT NULL,
    kind                   text    NOT NULL CHECK (kind IN ('ledger-vs-invoice', 'source-vs-source', 'completeness')),
    billing_account_id     text    NOT NULL,
    currency               text,
    reference              text    NOT NULL,
    observed               text    NOT NULL,
    difference             numeric,
    difference_percent     numeric,
    breach                 boolean NOT NULL,
    severity               text    NOT NULL,
    confidence             text    NOT NULL,
    tolerance_decision_id  uuid    NOT NULL,
    outcome_decision_id    uuid    NOT NULL,
    PRIMARY KEY (run_id, ordinal)
);

ALTER TABLE outlay.invoice_document ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.invoice_document FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.invoice_document
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.invoice_line ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.invoice_line FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.invoice_line
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.reconciliation_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.reconciliation_run FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.reconciliation_run
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
ALTER TABLE outlay.reconciliation_check ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.reconciliation_check FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.reconciliation_check
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
