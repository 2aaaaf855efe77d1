package org.yidan.simulation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One policy what-if (测算): the draft (overrides and the whole draft as a properties file), the county-year and
 * discharge period it replays, its progress and, once done, its result. It is the only thing a simulation writes.
 */
@Entity
@Table(name = "simulation")
@NamedQuery(name = Simulation.LATEST, query = "select s from Simulation s order by s.createdAt desc, s.id desc")
public class Simulation implements Serializable {

    public static final String LATEST = "Simulation.latest";

    public enum Status { QUEUED, RUNNING, DONE, CANCELLED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 6)
    private String county;

    @Column(name = "policy_year", nullable = false)
    private int policyYear;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(name = "overrides_json", nullable = false)
    private String overridesJson;

    @Column(name = "draft_properties", nullable = false)
    private String draftProperties;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status = Status.QUEUED;

    @Column(nullable = false, precision = 5, scale = 4)
    private BigDecimal progress = BigDecimal.ZERO;

    private Integer bills;

    @Column(name = "result_json")
    private String resultJson;

    @Column(length = 2000)
    private String failure;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected Simulation() {
    }

    public Simulation(String county, int policyYear, LocalDate periodFrom, LocalDate periodTo, String overridesJson,
                      String draftProperties, String createdBy, OffsetDateTime createdAt) {
        this.county = county;
        this.policyYear = policyYear;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.overridesJson = overridesJson;
        this.draftProperties = draftProperties;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public boolean isFinished() {
        return status == Status.DONE || status == Status.CANCELLED || status == Status.FAILED;
    }

    public Long getId() {
        return id;
    }

    public String getCounty() {
        return county;
    }

    public int getPolicyYear() {
        return policyYear;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public String getOverridesJson() {
        return overridesJson;
    }

    public String getDraftProperties() {
        return draftProperties;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public BigDecimal getProgress() {
        return progress;
    }

    public void setProgress(BigDecimal progress) {
        this.progress = progress;
    }

    public Integer getBills() {
        return bills;
    }

    public void setBills(Integer bills) {
        this.bills = bills;
    }

    public String getResultJson() {
        return resultJson;
    }

    public void setResultJson(String resultJson) {
        this.resultJson = resultJson;
    }

    public String getFailure() {
        return failure;
    }

    public void setFailure(String failure) {
        this.failure = failure == null || failure.length() <= 2000 ? failure : failure.substring(0, 2000);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(OffsetDateTime finishedAt) {
        this.finishedAt = finishedAt;
    }
}
