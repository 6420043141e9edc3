-- Unit-cost KPIs: the allocated cost of one owner scope (numerator) per unit of a business metric (denominator).
CREATE TABLE outlay.kpi_definition (
    tenant_id           text        NOT NULL,
    name                text        NOT NULL,
    numerator_dimension text        NOT NULL,
    numerator_value     text        NOT NULL,
    metric              text        NOT NULL,
    description         text,
    updated_by          text        NOT NULL,
    updated_at          timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name),
    FOREIGN KEY (tenant_id, metric) REFERENCES outlay.metric_definition (tenant_id, name)
);
ALTER TABLE outlay.kpi_definition ENABLE ROW LEVEL SECURITY;
ALTER TABLE outlay.kpi_definition FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outlay.kpi_definition
    USING (tenant_id = (SELECT current_setting('outlay.tenant_id', true)))
    WITH CHECK (tenant_id = (SELECT current_setting('outlay.tenant_id', true)));
