package org.yidan.watch.control;

import java.time.LocalDate;
import java.util.List;

/**
 * One compliance finding (自查自纠): a settlement, the rule it trips and the figures of the reason; the boundary words
 * the reason from the message bundle ({@code compliance.reason.<rule>}).
 */
public record Finding(String receiptNo, Rule rule, String hospitalCode, LocalDate dischargeDate, List<Object> args) {

    public enum Rule { ZERO_SELF_PAY, RATIO_ABOVE_CEILING, READMISSION, HOSPITAL_COST }

    public Finding {
        args = List.copyOf(args);
    }
}
