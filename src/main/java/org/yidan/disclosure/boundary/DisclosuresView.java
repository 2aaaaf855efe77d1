package org.yidan.disclosure.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.yidan.disclosure.control.DisclosureList;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.platform.control.CountyClock;
import org.yidan.reports.boundary.Reports;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * {@code disclosure/disclosures.xhtml}: the office drafts a month's list, reviews its (masked) rows, publishes it
 * with the 公示期 and the objection contact, or withdraws a published one with a reason.
 */
@Named
@ViewScoped
public class DisclosuresView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Disclosures disclosures;

    @Inject
    Reports reports;

    private String county;
    private String month = YearMonth.now(CountyClock.ZONE).minusMonths(1).toString();
    private String township;
    private DisclosureList selected;
    private LocalDate publicFrom = CountyClock.today();
    private LocalDate publicTo = CountyClock.today().plusDays(6);
    private String contact;
    private String reason;

    @PostConstruct
    void init() {
        Map<String, String> counties = reports.counties();
        county = counties.isEmpty() ? null : counties.keySet().iterator().next();
    }

    public void draft() {
        try {
            selected = disclosures.draft(county, month, township);
            FacesMessages.info("disclosure.drafted", selected.persons());
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    public void select(long id) {
        selected = disclosures.find(id);
    }

    public void publish() {
        try {
            selected = disclosures.publish(selected.id(), String.valueOf(publicFrom), String.valueOf(publicTo), contact);
            FacesMessages.info("disclosure.published");
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    public void withdraw() {
        try {
            selected = disclosures.withdraw(selected.id(), reason);
            FacesMessages.info("disclosure.withdrawn");
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
        }
    }

    public List<DisclosureList> getLists() {
        return disclosures.all();
    }

    public Map<String, String> getCounties() {
        return reports.counties();
    }

    public DisclosureList getSelected() {
        return selected;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getTownship() {
        return township;
    }

    public void setTownship(String township) {
        this.township = township;
    }

    public LocalDate getPublicFrom() {
        return publicFrom;
    }

    public void setPublicFrom(LocalDate publicFrom) {
        this.publicFrom = publicFrom;
    }

    public LocalDate getPublicTo() {
        return publicTo;
    }

    public void setPublicTo(LocalDate publicTo) {
        this.publicTo = publicTo;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
