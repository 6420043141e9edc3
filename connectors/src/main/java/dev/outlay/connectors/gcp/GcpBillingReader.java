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
package dev.outlay.connectors.gcp;

import com.google.api.gax.retrying.RetrySettings;
import com.google.auth.Credentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableResult;
import dev.outlay.connectors.SourceFormatException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one invoice month of a BigQuery billing export with the real BigQuery client. Protocol of client 2.59:
 * jobs.query (first page and schema); when a pageToken comes back, jobs.get for the anonymous destination table
 * and then tabledata.list page by page. Incremental: the month is read only if a row of it was exported after the
 * caller's watermark, and then read whole, because the month is the ledger's replace scope (Google keeps adding
 * late rows and adjustments to a month after it ends). All pages are read and mapped before anything is
 * returned, so a failure midway returns nothing.
 */
public final class GcpBillingReader {

    private static final Pattern MONTH = Pattern.compile("\\d{4}(0[1-9]|1[0-2])");

    private final GcpBigQueryConfig config;
    private final BigQuery bigQuery;
    private final long pageSize;

    public GcpBillingReader(GcpBigQueryConfig config) {
        this(config, 10_000);
    }

    /** @param pageSize rows per getQueryResults page (BigQuery caps pages by bytes as well) */
    public GcpBillingReader(GcpBigQueryConfig config, long pageSize) {
        this.config = config;
        this.pageSize = pageSize;
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder()
                .setProjectId(config.projectId())
                .setCredentials(credentials(config))
                // Few, quick retries: a poll that fails is retried by the poller's schedule, not here.
                .setRetrySettings(RetrySettings.newBuilder().setMaxAttempts(2)
                        .setInitialRetryDelayDuration(java.time.Duration.ofMillis(200))
                        .setMaxRetryDelayDuration(java.time.Duration.ofSeconds(2))
                        .setTotalTimeoutDuration(java.time.Duration.ofMinutes(2)).build());
        if (config.endpoint() != null) options.setHost(config.endpoint().toString());
        this.bigQuery = options.build().getService();
    }

    private static Credentials credentials(GcpBigQueryConfig config) {
        if (config.serviceAccountKeyJson() == null) return NoCredentials.getInstance();
        try {
            return ServiceAccountCredentials.fromStream(
                    new ByteArrayInputStream(config.serviceAccountKeyJson().getBytes(StandardCharsets.UTF_8)))
                    .createScoped("https://www.googleapis.com/auth/bigquery.readonly");
        } catch (IOException | RuntimeException e) {
            // Not the key's text: the parser may quote it.
            throw new dev.outlay.connectors.InvalidConfigException("serviceAccountKey",
                    "serviceAccountKey cannot be read as a service-account key");
        }
    }

    /** The SQL sent; named parameters @month, @partitionFrom and @since. */
    String sql() {
        String t = "`" + config.tableReference() + "`";
        // _PARTITIONTIME bounds the bytes scanned: export tables are partitioned by export day, and no row of an
        // invoice month is exported before the month starts (less a day: invoice months are US Pacific time).
        String scope = "invoice.month = @month AND _PARTITIONTIME >= @partitionFrom";
        return "SELECT * FROM " + t + " WHERE " + scope
                + " AND EXISTS (SELECT 1 FROM " + t + " WHERE " + scope + " AND export_time > @since)"
                + " ORDER BY export_time, usage_start_time, sku.id";
    }

    /**
     * @param invoiceMonth {@code YYYYMM}
     * @param exportedAfter the watermark of the last load of this month (null: never loaded)
     */
    public GcpBillingRead read(String invoiceMonth, Instant exportedAfter) {
        if (invoiceMonth == null || !MONTH.matcher(invoiceMonth).matches()) {
            throw new dev.outlay.connectors.InvalidConfigException("invoiceMonth", "invoiceMonth must be YYYYMM");
        }
        LocalDate first = LocalDate.of(Integer.parseInt(invoiceMonth.substring(0, 4)),
                Integer.parseInt(invoiceMonth.substring(4)), 1);
        Instant since = exportedAfter == null ? Instant.EPOCH : exportedAfter;
        QueryJobConfiguration query = QueryJobConfiguration.newBuilder(sql())
                .setUseLegacySql(false)
                .addNamedParameter("month", QueryParameterValue.string(invoiceMonth))
                .addNamedParameter("partitionFrom", QueryParameterValue.timestamp(
                        first.minusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L))
                .addNamedParameter("since", QueryParameterValue.timestamp(
                        since.getEpochSecond() * 1_000_000L + since.getNano() / 1_000))
                .setMaxResults(pageSize)
                .build();
        List<GcpBillingRow> rows = new ArrayList<>();
        Instant watermark = exportedAfter;
        String currency = null;
        try {
            TableResult result = bigQuery.query(query);
            GcpBillingRowMapper mapper = null;
            long n = 0;
            for (FieldValueList values : result.iterateAll()) {
                if (mapper == null) mapper = new GcpBillingRowMapper(result.getSchema().getFields(), config.tableReference());
                GcpBillingRow row = mapper.map(values, ++n);
                String ccy = row.charge().billingCurrency();
                if (currency == null) {
                    currency = ccy;
                } else if (!currency.equals(ccy)) {
                    throw new GcpBillingReadException(GcpBillingReadException.Kind.MIXED_CURRENCIES, config.tableReference(),
                            config.tableReference() + " row " + n + ": currency " + ccy + " differs from " + currency
                                    + " of earlier rows of invoice month " + invoiceMonth, null);
                }
                if (watermark == null || row.exportTime().isAfter(watermark)) watermark = row.exportTime();
                rows.add(row);
            }
        } catch (BigQueryException e) {
            throw translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GcpBillingReadException(GcpBillingReadException.Kind.UNAVAILABLE, config.tableReference(),
                    "interrupted while querying " + config.tableReference(), e);
        } catch (SourceFormatException | GcpBillingReadException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GcpBillingReadException(GcpBillingReadException.Kind.UNAVAILABLE, config.tableReference(),
                    "reading " + config.tableReference() + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return new GcpBillingRead(invoiceMonth, !rows.isEmpty(), rows, watermark, GcpBillingRowMapper.SCHEMA_VERSION);
    }

    private GcpBillingReadException translate(BigQueryException e) {
        BigQueryError error = e.getError();
        String reason = error == null ? null : error.getReason();
        GcpBillingReadException.Kind kind;
        if (e.getCode() == 401 || (e.getCode() == 403 && !"rateLimitExceeded".equals(reason) && !"quotaExceeded".equals(reason))) {
            kind = GcpBillingReadException.Kind.CREDENTIALS_REJECTED;
        } else if (e.getCode() == 404 || "notFound".equals(reason)) {
            kind = GcpBillingReadException.Kind.TABLE_NOT_FOUND;
        } else if (e.getCode() == 400 || "invalidQuery".equals(reason) || "invalid".equals(reason)) {
            kind = GcpBillingReadException.Kind.QUERY_REJECTED;
        } else {
            kind = GcpBillingReadException.Kind.UNAVAILABLE;
        }
        String said = error != null && error.getMessage() != null ? error.getMessage() : e.getMessage();
        return new GcpBillingReadException(kind, config.tableReference(),
                "BigQuery refused the read of " + config.tableReference() + " (HTTP " + e.getCode()
                        + (reason == null ? "" : ", " + reason) + "): " + said, e);
    }
}
