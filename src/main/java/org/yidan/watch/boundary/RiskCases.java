package org.yidan.watch.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.yidan.platform.control.RefusedException;
import org.yidan.security.boundary.AuditTrail;
import org.yidan.security.entity.AuditAction;
import org.yidan.security.entity.AuditEvent;
import org.yidan.watch.entity.RiskCase;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.yidan.security.entity.Role.ADMIN_NAME;
import static org.yidan.security.entity.Role.AUDITOR_NAME;
import static org.yidan.security.entity.Role.POLICY_ANALYST_NAME;

/** The return-to-poverty work list: cases by county, year and status, and their steps. */
@Stateless
@RolesAllowed({AUDITOR_NAME, POLICY_ANALYST_NAME, ADMIN_NAME})
public class RiskCases {

    public static final String INVALID_TRANSITION = "INVALID_TRANSITION";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** One row of the work list. */
    public record Row(long id, String idNumber, String name, String county, int year, BigDecimal selfPay,
                      BigDecimal threshold, String flaggedBy, RiskCase.Status status, OffsetDateTime updatedAt) implements Serializable {
    }

    public List<Row> list(String county, Integer year, String status) {
        RiskCase.Status wanted = status == null || status.isBlank() ? null : status(status);
        StringBuilder jpql = new StringBuilder("select r, b.name from RiskCase r, Beneficiary b"
                + " where b.idNumber = r.idNumber");
        if (county != null && !county.isBlank()) {
            jpql.append(" and r.county = :county");
        }
        if (year != null) {
            jpql.append(" and r.year = :year");
        }
        if (wanted != null) {
            jpql.append(" and r.status = :status");
        }
        var query = em.createQuery(jpql.append(" order by r.flaggedAt desc, r.id desc").toString(), Object[].class);
        if (county != null && !county.isBlank()) {
            query.setParameter("county", county);
        }
        if (year != null) {
            query.setParameter("year", year);
        }
        if (wanted != null) {
            query.setParameter("status", wanted);
        }
        List<Row> rows = new ArrayList<>();
        for (Object[] found : query.setMaxResults(5000).getResultList()) {
            RiskCase risk = (RiskCase) found[0];
            rows.add(new Row(risk.getId(), risk.getIdNumber(), (String) found[1], risk.getCounty(), risk.getYear(),
                    risk.getSelfPay(), risk.getThreshold(), risk.getFlaggedBy(), risk.getStatus(),
                    risk.getUpdatedAt()));
        }
        return rows;
    }

    public RiskCase find(long id) {
        RiskCase risk = em.find(RiskCase.class, id);
        if (risk == null) {
            throw RefusedException.notFound("RISK_CASE_NOT_FOUND", "No risk case " + id);
        }
        risk.getSteps().size();
        return risk;
    }

    /**
     * Moves a case one step: NEW → UNDER_REVIEW → REFERRED (即时帮扶) or CLOSED, with a note; audited.
     *
     * @throws RefusedException 422 {@code NOTE_REQUIRED}, 409 {@code INVALID_TRANSITION}
     */
    @RolesAllowed({AUDITOR_NAME, ADMIN_NAME, POLICY_ANALYST_NAME})
    public RiskCase transition(long id, String status, String note, String username) {
        RiskCase.Status to = status(status);
        if (note == null || note.isBlank()) {
            throw RefusedException.unprocessable("NOTE_REQUIRED", "note", "Each step needs a note");
        }
        if (note.length() > 1000) {
            throw RefusedException.unprocessable("FIELD_INVALID", "note", "The note has more than 1000 characters");
        }
        RiskCase risk = em.find(RiskCase.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (risk == null) {
            throw RefusedException.notFound("RISK_CASE_NOT_FOUND", "No risk case " + id);
        }
        if (!RiskCase.allowed(risk.getStatus(), to)) {
            throw RefusedException.conflict(INVALID_TRANSITION, "A case in " + risk.getStatus() + " cannot go to " + to
                    + "; the steps are NEW → UNDER_REVIEW → REFERRED or CLOSED");
        }
        RiskCase.Status from = risk.getStatus();
        risk.move(to, note.trim(), username, OffsetDateTime.now(ZoneOffset.UTC));
        audit.record(username, AuditAction.RISK_TRANSITION, String.valueOf(id), AuditEvent.Outcome.SUCCESS,
                from + " → " + to + ": " + note.trim());
        em.flush();
        risk.getSteps().size();
        return risk;
    }

    private static RiskCase.Status status(String text) {
        try {
            return RiskCase.Status.valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw RefusedException.unprocessable("UNKNOWN_VALUE", "status", "Unknown status '" + text
                    + "'; expected NEW, UNDER_REVIEW, REFERRED, CLOSED or CLEARED");
        }
    }
}
