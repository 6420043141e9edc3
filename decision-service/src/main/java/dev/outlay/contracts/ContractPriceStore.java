/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: BUSL-1.1
 *
 * Use of this software is governed by the Business Source License 1.1 in the LICENSE file of this module
 * (see docs/licensing.md). On the Change Date, 2030-12-03, in accordance with the Business Source License,
 * use of this software will be governed by the Apache License, Version 2.0.
 */
package dev.outlay.contracts;

import dev.outlay.tenancy.TenantConnections;
import dev.outlay.tenancy.TenantContext;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The current tenant's contract price versions (row-level secured, append-only). */
@ApplicationScoped
public class ContractPriceStore {

    private static final String COLUMNS = "vendor, sku, unit_price, currency, term, pricing_unit, valid_from, valid_to, note, version, created_by, created_at";

    @Inject
    AgroalDataSource dataSource;

    void insert(ContractPriceInput p, int version, String actor, Instant at) {
        try (Connection c = TenantConnections.open(dataSource);
             PreparedStatement ps = c.prepareStatement("INSERT INTO outlay.contract_price (tenant_id, " + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, TenantContext.requireTenant());
            ps.setString(2, p.vendor());
            ps.setString(3, p.sku());
            ps.setBigDecimal(4, p.unitPrice());
            ps.setString(5, p.currency());
            ps.setString(6, p.term());
            ps.setString(7, p.pricingUnit());
            ps.setDate(8, Date.valueOf(p.validFrom()));
            ps.setDate(9, p.validTo() == null ? null : Date.valueOf(p.validTo()));
            ps.setString(10, p.note());
            ps.setInt(11, version);
            ps.setString(12, actor);
            ps.setTimestamp(13, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the contract price", e);
        }
    }

    /** The current version of every key, by vendor, SKU and start. */
    public List<ContractPrice> current() {
        return query("SELECT DISTINCT ON (vendor, sku, valid_from) " + COLUMNS + " FROM outlay.contract_price"
                + " ORDER BY vendor, sku, valid_from, version DESC");
    }

    /** Every version ever stored, oldest first per key. */
    public List<ContractPrice> history() {
        return query("SELECT " + COLUMNS + " FROM outlay.contract_price ORDER BY vendor, sku, valid_from, version");
    }

    /** The current versions of one vendor's prices. */
    public List<ContractPrice> current(String vendor) {
        return current().stream().filter(p -> p.vendor().equals(vendor)).toList();
    }

    private List<ContractPrice> query(String sql, Object... params) {
        try (Connection c = TenantConnections.open(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            List<ContractPrice> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date to = rs.getDate(8);
                    out.add(new ContractPrice(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getDate(7).toLocalDate(), to == null ? null : to.toLocalDate(), rs.getString(9),
                            rs.getInt(10), rs.getString(11), rs.getTimestamp(12).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read contract prices", e);
        }
    }
}
