package org.yidan.reports.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.policy.boundary.Policies;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Policy;
import org.yidan.reports.control.Aggregate;
import org.yidan.reports.control.ChartConfigs;
import org.yidan.reports.control.ReportPdf;
import org.yidan.reports.control.ReportPeriod;
import org.yidan.reports.control.ReportXlsx;
import org.yidan.reports.control.SliceLabels;
import org.yidan.reports.control.Summary;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * {@code reports/reports.xhtml}: a county and a period (month, quarter, half-year, year or two dates), the
 * figures, the charts, the targets and budgets, XLSX and PDF downloads, and the kept monthly reports.
 */
@Named
@ViewScoped
public class ReportsView implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum PeriodKind { MONTH, QUARTER, HALF, YEAR, DATES }

    @Inject
    Reports reports;

    @Inject
    Policies policies;

    private String county;
    private PeriodKind kind = PeriodKind.YEAR;
    private int year;
    private int part = 1;
    private LocalDate from;
    private LocalDate to;
    private Summary summary;
    private String regenerateMonth;

    @PostConstruct
    void init() {
        Map<String, String> counties = reports.counties();
        county = counties.isEmpty() ? null : counties.keySet().iterator().next();
        year = latestPolicyYear();
        from = LocalDate.of(year, 1, 1);
        to = LocalDate.of(year, 12, 31);
        search();
    }

    /** A county's latest policy year: the year the office most likely reports on first. */
    private int latestPolicyYear() {
        return policies.all().stream().filter(p -> p.county().equals(county)).mapToInt(Policy::year).max()
                .orElse(LocalDate.now().getYear());
    }

    public void countyChanged() {
        year = latestPolicyYear();
        search();
    }

    public void search() {
        if (county == null) {
            return;
        }
        try {
            summary = reports.summary(county, period());
        } catch (RuntimeException refused) {
            summary = null;
            FacesMessages.failed(refused);
        }
    }

    ReportPeriod period() {
        return switch (kind) {
            case MONTH -> ReportPeriod.parse(YearMonth.of(year, Math.max(1, Math.min(12, part))).toString());
            case QUARTER -> ReportPeriod.parse(year + "-Q" + Math.max(1, Math.min(4, part)));
            case HALF -> ReportPeriod.parse(year + "-H" + Math.max(1, Math.min(2, part)));
            case YEAR -> ReportPeriod.parse(String.valueOf(year));
            case DATES -> ReportPeriod.dates(from == null ? LocalDate.of(year, 1, 1) : from,
                    to == null ? LocalDate.of(year, 12, 31) : to);
        };
    }

    public StreamedContent getXlsx() {
        Summary current = summary;
        return DefaultStreamedContent.builder().name(fileName() + ".xlsx").contentType(ReportResource.XLSX)
                .stream(() -> new ByteArrayInputStream(ReportXlsx.render(current))).build();
    }

    public StreamedContent getPdf() {
        Summary current = summary;
        return DefaultStreamedContent.builder().name(fileName() + ".pdf").contentType("application/pdf")
                .stream(() -> new ByteArrayInputStream(ReportPdf.render(current))).build();
    }

    private String fileName() {
        return "report-" + county + "-" + summary.from() + "-" + summary.to();
    }

    public void regenerate() {
        YearMonth month;
        try {
            month = YearMonth.parse(regenerateMonth == null ? "" : regenerateMonth.strip());
        } catch (java.time.DateTimeException bad) {
            FacesMessages.error("regenerateForm:month", "reports.monthFormat");
            return;
        }
        try {
            var document = reports.regenerate(county, month);
            FacesMessages.info("reports.regenerated", month.toString(), document.getRevision());
        } catch (RuntimeException failed) {
            FacesMessages.failed(failed);
        }
    }

    /** An option of the month, quarter or half-year list, e.g. 8月, 第2季度. */
    public String partLabel(Number part) {
        return FacesMessages.text("reports.part." + kind, part.intValue());
    }

    public String getCategoryNote() {
        return summary == null ? "" : FacesMessages.text("reports.categoryNote",
                summary.categorySettlementsCounted(), summary.total().settlements());
    }

    public String getBackstopShortfall() {
        Summary.Backstop backstop = summary == null ? null : summary.backstop();
        if (backstop == null || !backstop.budgetConfigured()) {
            return "";
        }
        return FacesMessages.text("reports.backstop.shortfall", backstop.shortfall().toPlainString(),
                backstop.projectedShortfall().toPlainString());
    }

    public List<Reports.StoredReport> getStoredReports() {
        return county == null ? List.of() : reports.storedReports(county);
    }

    public String getFundsChart() {
        return summary == null ? "" : ChartConfigs.fundsPerMonth(summary);
    }

    public String getCategoryChart() {
        return summary == null ? "" : ChartConfigs.ratioAgainstTargets(summary, "category", "各类别实际补偿比与目标");
    }

    public String getVisitTypeChart() {
        return summary == null ? "" : ChartConfigs.ratioAgainstTargets(summary, "visitType", "各就诊类型实际补偿比与目标");
    }

    public String getCoverageChart() {
        return summary == null ? "" : ChartConfigs.coverage(summary);
    }

    /** The name of a coverage rate's township ({@code category} false) or category. */
    public String coverageGroup(String group, boolean category) {
        return SliceLabels.coverageGroup(group, category);
    }

    public String getInCountyChart() {
        return summary == null ? "" : ChartConfigs.inCountyShare(summary);
    }

    public List<Map.Entry<String, String>> getDimensions() {
        return List.copyOf(SliceLabels.DIMENSIONS.entrySet());
    }

    public List<Aggregate> slices(String dimension) {
        return summary == null ? List.of() : summary.slices(dimension);
    }

    public String label(Aggregate slice) {
        return SliceLabels.key(slice);
    }

    public String ratio(java.math.BigDecimal ratio) {
        return ratio == null ? "-" : org.yidan.policy.control.Money.formatPercent(ratio);
    }

    public Fund[] getFunds() {
        return Fund.values();
    }

    public Map<String, String> getCounties() {
        return reports.counties();
    }

    public PeriodKind[] getKinds() {
        return PeriodKind.values();
    }

    public Summary getSummary() {
        return summary;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public PeriodKind getKind() {
        return kind;
    }

    public void setKind(PeriodKind kind) {
        this.kind = kind;
    }

    public int getYear() {
        return year;
    }

    public void setYear(int year) {
        this.year = year;
    }

    public int getPart() {
        return part;
    }

    public void setPart(int part) {
        this.part = part;
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

    public String getRegenerateMonth() {
        return regenerateMonth;
    }

    public void setRegenerateMonth(String regenerateMonth) {
        this.regenerateMonth = regenerateMonth;
    }
}
