package dev.outlay.findings;

import dev.outlay.money.ReportCsv;

import java.util.List;

/** A scan's undecided list as CSV for people; every cell goes through {@link ReportCsv#text} (formula-safe). */
public final class FindingUndecidedCsv {

    static final String HEADER = "resource_id,provider,account_id,region,owner,detector,outcome,reason,rule_set,rule_version,decision_id";

    private FindingUndecidedCsv() {
    }

    public static String write(List<FindingUndecided> rows) {
        StringBuilder sb = new StringBuilder(HEADER).append("\r\n");
        for (FindingUndecided u : rows) {
            String[] cells = {u.resourceId(), u.provider(), u.accountId(), u.region(), u.owner(), u.detector(), u.outcome(), u.reason(),
                    u.ruleSet(), u.ruleVersion(), u.decisionId().toString()};
            for (int i = 0; i < cells.length; i++) sb.append(i == 0 ? "" : ",").append(ReportCsv.text(cells[i]));
            sb.append("\r\n");
        }
        return sb.toString();
    }
}
