package org.yidan.security.boundary;

import org.yidan.platform.control.CountyClock;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;
import org.yidan.platform.boundary.PagedModel;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.security.control.AuditDetails;
import org.yidan.security.entity.AuditEvent;
import org.yidan.security.entity.Permission;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** {@code security/audit.xhtml}: the audit trail filtered by time, user, action and outcome, on a lazy table. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(CountyClock.ZONE);

    @Inject
    AuditQuery audit;

    @Inject
    CurrentUser currentUser;

    private LocalDate from;
    private LocalDate to;
    private String username;
    private String action;
    private AuditEvent.Outcome outcome;
    private AuditQuery.Filter filter = new AuditQuery.Filter(null, null, null, null, null);
    private List<String> actions = List.of();

    private final LazyDataModel<AuditQuery.Row> events = new PagedModel<>(
            () -> audit.count(filter), (first, size) -> audit.find(filter, first, size),
            row -> String.valueOf(row.id()));

    @PostConstruct
    void init() {
        currentUser.require(Permission.READ_AUDIT);
        actions = audit.actions();
    }

    public void search() {
        filter = new AuditQuery.Filter(from, to, username, action, outcome);
    }

    public void reset() {
        from = null;
        to = null;
        username = null;
        action = null;
        outcome = null;
        search();
    }

    public String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    public String actionLabel(String value) {
        String key = "audit.action." + value;
        return FacesMessages.hasText(key) ? FacesMessages.text(key) : value;
    }

    /** The detail in Chinese where it is one of the facts the components record (see {@link AuditDetails}). */
    public String detailText(String detail) {
        return AuditDetails.of(detail).map(known -> {
            if (known.refusalCode() != null) {
                String refusal = "refused." + known.refusalCode();
                return FacesMessages.text(known.key(), FacesMessages.hasText(refusal)
                        ? FacesMessages.text(refusal, "") : known.refusalCode());
            }
            return FacesMessages.text(known.key(), known.args().toArray());
        }).orElse(detail);
    }

    public String outcomeLabel(AuditEvent.Outcome value) {
        return value == null ? "" : FacesMessages.text("audit.outcome." + value.name());
    }

    public AuditEvent.Outcome[] getOutcomes() {
        return AuditEvent.Outcome.values();
    }

    public List<String> getActions() {
        return actions;
    }

    public LazyDataModel<AuditQuery.Row> getEvents() {
        return events;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public AuditEvent.Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(AuditEvent.Outcome outcome) {
        this.outcome = outcome;
    }
}
