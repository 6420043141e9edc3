package dev.outlay.approvals;

import dev.outlay.platform.OutlayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Turns the policy's SLA (hours) into the timer duration of one approval level. The unit is configurable so tests
 * can run an escalation in seconds ({@code %test.outlay.approvals.sla-unit}).
 */
@ApplicationScoped
public class ApprovalSla {

    @Inject
    OutlayConfig config;

    public Duration of(Integer slaHours) {
        int hours = slaHours == null || slaHours <= 0 ? 24 : slaHours;
        return config.approvals().slaUnit().multipliedBy(hours);
    }
}
