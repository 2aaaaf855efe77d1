package org.yidan.settlement.control;

import org.yidan.platform.control.CountyClock;

import org.yidan.platform.control.JsonFactories;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;

/** Writes a settlement in the shape of api.md: amounts as JSON numbers with exactly two decimals. */
public final class SettlementJson {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private SettlementJson() {
    }

    /** The settlement as the facade returned it: the ID number is already in the form the caller may see. */
    public static JsonObject toJson(SettlementView view) {
        JsonArrayBuilder lines = JsonFactories.array();
        for (SettlementView.Line line : view.lines()) {
            lines.add(lineJson(line));
        }
        JsonObjectBuilder json = JsonFactories.object();
        if (view.receiptNo() != null) {
            json.add("receiptNo", view.receiptNo());
        }
        json.add("status", view.status())
                .add("policy", view.policyId())
                .add("policyFingerprint", view.policyFingerprint())
                .add("idNumber", view.idNumber())
                .add("name", view.personName())
                .add("hospital", JsonFactories.object().add("code", view.hospitalCode())
                        .add("level", view.hospitalLevel()).add("inCounty", view.hospitalInCounty()))
                .add("visitType", view.visitType())
                .add("admissionDate", view.admissionDate().toString())
                .add("dischargeDate", view.dischargeDate().toString())
                .add("totalAmount", money(view.totalAmount()))
                .add("policyScopeAmount", money(view.policyScopeAmount()))
                .add("specialDrugAmount", money(view.specialDrugAmount()))
                .add("lines", lines)
                .add("fundTotal", money(view.fundTotal()))
                .add("selfPay", money(view.selfPay()));
        if (view.settledAt() != null) {
            json.add("settledAt", view.settledAt().atZoneSameInstant(CountyClock.ZONE).toOffsetDateTime()
                            .format(TIMESTAMP))
                    .add("settledBy", view.settledBy())
                    .add("verificationCode", view.verificationCode())
                    // settled although the registry records the person as not insured that year (参保)
                    .add("uninsured", view.uninsured());
        }
        if (view.reversedAt() != null) {
            json.add("reversal", JsonFactories.object()
                    .add("reversedAt", view.reversedAt().atZoneSameInstant(CountyClock.ZONE).toOffsetDateTime()
                            .format(TIMESTAMP))
                    .add("reversedBy", view.reversedBy())
                    .add("reason", view.reversalReason()));
        }
        return json.build();
    }

    /**
     * What a fund officer (FUND_VIEWER) reads of a settlement: its own fund's line with the facts that line
     * is booked by (receipt, status, policy, masked ID number, hospital, visit and dates). Not the person's
     * name, the bill's and the other funds' totals, the self-pay, the verification code or the clerk.
     */
    public static JsonObject toFundOfficerJson(SettlementView view, String fund) {
        JsonArrayBuilder lines = JsonFactories.array();
        for (SettlementView.Line line : view.lines()) {
            if (!line.fund().equals(fund)) {
                continue;
            }
            lines.add(lineJson(line));
        }
        JsonObjectBuilder json = JsonFactories.object()
                .add("receiptNo", view.receiptNo())
                .add("status", view.status())
                .add("policy", view.policyId())
                .add("idNumber", view.idNumber())
                .add("hospital", JsonFactories.object().add("code", view.hospitalCode())
                        .add("level", view.hospitalLevel()).add("inCounty", view.hospitalInCounty()))
                .add("visitType", view.visitType())
                .add("admissionDate", view.admissionDate().toString())
                .add("dischargeDate", view.dischargeDate().toString())
                .add("lines", lines);
        if (view.settledAt() != null) {
            json.add("settledAt", view.settledAt().atZoneSameInstant(CountyClock.ZONE).toOffsetDateTime()
                    .format(TIMESTAMP));
        }
        if (view.reversedAt() != null) {
            json.add("reversal", JsonFactories.object()
                    .add("reversedAt", view.reversedAt().atZoneSameInstant(CountyClock.ZONE).toOffsetDateTime()
                            .format(TIMESTAMP)));
        }
        return json.build();
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** One fund's line with its steps, the same for every caller who may see that line. */
    private static JsonObjectBuilder lineJson(SettlementView.Line line) {
        JsonArrayBuilder steps = JsonFactories.array();
        for (SettlementView.StepLine step : line.steps()) {
            steps.add(JsonFactories.object()
                    .add("rule", step.rule())
                    .add("base", money(step.base()))
                    .add("amount", money(step.amount()))
                    .add("explanation", step.explanation()));
        }
        return JsonFactories.object()
                .add("fund", line.fund())
                .add("name", line.name())
                .add("amount", money(line.amount()))
                .add("steps", steps);
    }
}
