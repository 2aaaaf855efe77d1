package org.yidan.disclosure.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A monthly disclosure list (公示名单) of a county or township: DRAFT → PUBLISHED (frozen) → WITHDRAWN. Its rows
 * are stored masked in {@code disclosure_row}, which the database refuses to change once the list is published.
 */
@Entity
@Table(name = "disclosure")
@NamedQuery(name = Disclosure.PUBLISHED, query = "select d from Disclosure d where d.status = "
        + "org.yidan.disclosure.entity.Disclosure.Status.PUBLISHED order by d.month desc, d.id desc")
@NamedQuery(name = Disclosure.ALL, query = "select d from Disclosure d order by d.id desc")
public class Disclosure {

    public static final String PUBLISHED = "Disclosure.published";
    public static final String ALL = "Disclosure.all";

    public enum Status { DRAFT, PUBLISHED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 6)
    private String county;

    @Column(updatable = false, length = 100)
    private String township;

    @Column(nullable = false, updatable = false, length = 7)
    private String month;

    /** The disclosed funds, comma-separated, in the order of the columns. */
    @Column(nullable = false, updatable = false, length = 200)
    private String funds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false, updatable = false)
    private int persons;

    @Column(nullable = false, updatable = false)
    private BigDecimal total;

    /** Each fund's total as JSON. */
    @Column(name = "fund_totals", nullable = false, updatable = false)
    private String fundTotals;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "public_from")
    private LocalDate publicFrom;

    @Column(name = "public_to")
    private LocalDate publicTo;

    @Column(length = 500)
    private String contact;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "published_by", length = 64)
    private String publishedBy;

    @Column(name = "withdrawn_at")
    private OffsetDateTime withdrawnAt;

    @Column(name = "withdrawn_by", length = 64)
    private String withdrawnBy;

    @Column(name = "withdrawal_reason", length = 500)
    private String withdrawalReason;

    protected Disclosure() {
    }

    public Disclosure(String county, String township, String month, String funds, int persons, BigDecimal total,
                      String fundTotals, OffsetDateTime createdAt, String createdBy) {
        this.county = county;
        this.township = township;
        this.month = month;
        this.funds = funds;
        this.status = Status.DRAFT;
        this.persons = persons;
        this.total = total;
        this.fundTotals = fundTotals;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public void publish(LocalDate from, LocalDate to, String contact, OffsetDateTime at, String by) {
        this.publicFrom = from;
        this.publicTo = to;
        this.contact = contact;
        this.publishedAt = at;
        this.publishedBy = by;
        this.status = Status.PUBLISHED;
    }

    public void withdraw(String reason, OffsetDateTime at, String by) {
        this.withdrawalReason = reason;
        this.withdrawnAt = at;
        this.withdrawnBy = by;
        this.status = Status.WITHDRAWN;
    }

    public Long getId() {
        return id;
    }

    public String getCounty() {
        return county;
    }

    public String getTownship() {
        return township;
    }

    public String getMonth() {
        return month;
    }

    public String getFunds() {
        return funds;
    }

    public Status getStatus() {
        return status;
    }

    public int getPersons() {
        return persons;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public String getFundTotals() {
        return fundTotals;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public LocalDate getPublicFrom() {
        return publicFrom;
    }

    public LocalDate getPublicTo() {
        return publicTo;
    }

    public String getContact() {
        return contact;
    }

    public OffsetDateTime getPublishedAt() {
        return publishedAt;
    }

    public OffsetDateTime getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawalReason() {
        return withdrawalReason;
    }
}
