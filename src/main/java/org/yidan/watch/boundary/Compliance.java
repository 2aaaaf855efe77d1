package org.yidan.watch.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.yidan.platform.control.RefusedException;
import org.yidan.watch.control.ComplianceRules;
import org.yidan.watch.control.Finding;
import org.yidan.watch.control.SettledBill;
import org.yidan.watch.control.WatchSettings;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.POLICY_ANALYST_NAME;

/** Self-inspection (自查自纠) over a county's settled bills of a discharge period. */
@Stateless
@RolesAllowed({AUDITOR_NAME, POLICY_ANALYST_NAME, ADMIN_NAME})
public class Compliance {

    @PersistenceContext
    EntityManager em;

    /** A finding with its reason worded for people (Chinese, from the message bundle). */
    public record Row(String receiptNo, String rule, String reason, String hospitalCode, LocalDate dischargeDate) implements Serializable {
    }

    public List<Row> findings(String county, LocalDate from, LocalDate to, String rule) {
        if (county == null || county.isBlank() || from == null || to == null || to.isBefore(from)) {
            throw RefusedException.unprocessable("FIELD_REQUIRED", county == null || county.isBlank() ? "county"
                    : "from", "county, from and to (from ≤ to) are required");
        }
        Config config = ConfigProvider.getConfig(Compliance.class.getClassLoader());
        WatchSettings settings = WatchSettings.read(key -> config.getOptionalValue(key, String.class), county);
        LocalDate earliest = settings.readmissionDays() == null ? from : from.minusDays(settings.readmissionDays());
        List<SettledBill> bills = new ArrayList<>();
        for (Object row : em.createNativeQuery("select receipt_no, id_number, hospital_code, visit_type,"
                        + " admission_date, discharge_date, total_amount, fund_total, self_pay from settlement"
                        + " where county = ?1 and status = 'SETTLED' and discharge_date between ?2 and ?3")
                .setParameter(1, county).setParameter(2, Date.valueOf(earliest)).setParameter(3, Date.valueOf(to))
                .getResultList()) {
            Object[] c = (Object[]) row;
            bills.add(new SettledBill((String) c[0], ((String) c[1]).trim(), (String) c[2], (String) c[3], date(c[4]),
                    date(c[5]), (BigDecimal) c[6], (BigDecimal) c[7], (BigDecimal) c[8]));
        }
        ResourceBundle texts = ResourceBundle.getBundle("org.yidan.messages", Locale.SIMPLIFIED_CHINESE);
        List<Row> rows = new ArrayList<>();
        for (Finding finding : ComplianceRules.check(bills, from, to, settings)) {
            if (rule != null && !rule.isBlank() && !finding.rule().name().equalsIgnoreCase(rule.trim())) {
                continue;
            }
            String reason = new MessageFormat(texts.getString("compliance.reason." + finding.rule().name()),
                    Locale.SIMPLIFIED_CHINESE).format(finding.args().toArray());
            rows.add(new Row(finding.receiptNo(), finding.rule().name(), reason, finding.hospitalCode(),
                    finding.dischargeDate()));
        }
        return rows;
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
