package dev.outlay.close;

import dev.outlay.ingestion.Ingestion;
import dev.outlay.ingestion.IngestionRepository;
import dev.outlay.ingestion.IngestionRetracted;
import dev.outlay.ingestion.IngestionSucceeded;
import dev.outlay.tenancy.Caller;
import dev.outlay.tenancy.TenantContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;

/**
 * Watches the ledger change: every period a loaded (a restated export, a late credit) or retracted ingestion touches
 * is offered to {@link CloseService#dataChanged}, which turns a change of a FINAL period into a restatement proposal.
 * Runs after the change committed, each period in its own transaction; a failure here is logged and never undoes
 * the load or the retraction.
 */
@ApplicationScoped
public class RestatementDetector {

    private static final Logger LOG = Logger.getLogger(RestatementDetector.class);

    @Inject
    CloseService close;

    @Inject
    IngestionRepository ingestions;

    void loaded(@Observes IngestionSucceeded e) {
        changed(e.tenantId(), e.ingestionId(), "ingestion");
    }

    void retracted(@Observes(during = TransactionPhase.AFTER_SUCCESS) IngestionRetracted e) {
        changed(e.tenantId(), e.ingestionId(), "retraction");
    }

    private void changed(String tenant, UUID ingestionId, String kind) {
        Caller as = TenantContext.caller().filter(c -> tenant.equals(c.tenantId())).orElse(new Caller(tenant, "system", Set.of("admin")));
        TenantContext.runAs(as, () -> {
            Ingestion i = QuarkusTransaction.requiringNew().call(() -> ingestions.find(ingestionId).orElse(null));
            if (i == null) return;
            // Four-eyes: whoever brought the change is excluded from reviewing the restatement it causes.
            String by = "retraction".equals(kind) && i.retraction() != null ? i.retraction().by()
                    : i.createdBy() == null ? as.subject() : i.createdBy();
            for (String period : i.billingPeriods()) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> close.dataChanged(YearMonth.parse(period), kind, ingestionId, by));
                } catch (RuntimeException ex) {
                    LOG.warnf(ex, "%s %s: could not check period %s for a restatement", kind, ingestionId, period);
                }
            }
        });
    }

}
