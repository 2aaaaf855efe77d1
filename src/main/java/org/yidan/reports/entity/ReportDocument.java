package org.yidan.reports.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A monthly report (月报) as it was generated, kept so that the office downloads the very document that was
 * produced; a regeneration adds a new revision and never overwrites one.
 */
@Entity
@Table(name = "report_document")
@NamedQuery(name = ReportDocument.LATEST, query = "select d from ReportDocument d where d.county = :county"
        + " and d.period = :period order by d.revision desc")
@NamedQuery(name = ReportDocument.LIST, query = "select d.id, d.county, d.period, d.revision, d.generatedAt,"
        + " d.generatedBy from ReportDocument d where d.county = :county order by d.period desc, d.revision desc")
public class ReportDocument {

    public static final String LATEST = "ReportDocument.latest";
    public static final String LIST = "ReportDocument.list";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, length = 6)
    private String county;

    /** The month, {@code YYYY-MM}. */
    @Column(nullable = false, updatable = false, length = 7)
    private String period;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Column(name = "generated_at", nullable = false, updatable = false)
    private OffsetDateTime generatedAt;

    @Column(name = "generated_by", nullable = false, updatable = false, length = 64)
    private String generatedBy;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "summary_json", nullable = false, updatable = false)
    private String summaryJson;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] xlsx;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false)
    private byte[] pdf;

    protected ReportDocument() {
    }

    public ReportDocument(String county, String period, int revision, OffsetDateTime generatedAt, String generatedBy,
                          String summaryJson, byte[] xlsx, byte[] pdf) {
        this.county = county;
        this.period = period;
        this.revision = revision;
        this.generatedAt = generatedAt;
        this.generatedBy = generatedBy;
        this.summaryJson = summaryJson;
        this.xlsx = xlsx;
        this.pdf = pdf;
    }

    public Long getId() {
        return id;
    }

    public String getCounty() {
        return county;
    }

    public String getPeriod() {
        return period;
    }

    public int getRevision() {
        return revision;
    }

    public OffsetDateTime getGeneratedAt() {
        return generatedAt;
    }

    public String getGeneratedBy() {
        return generatedBy;
    }

    public String getSummaryJson() {
        return summaryJson;
    }

    public byte[] getXlsx() {
        return xlsx;
    }

    public byte[] getPdf() {
        return pdf;
    }
}
