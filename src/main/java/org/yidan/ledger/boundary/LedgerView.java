package org.yidan.ledger.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.StreamedContent;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.ledger.entity.LedgerFilter;
import org.yidan.ledger.entity.LedgerRow;
import org.yidan.ledger.entity.LedgerTotals;
import org.yidan.platform.boundary.PagedModel;
import org.yidan.platform.boundary.FacesMessages;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;
import org.yidan.security.boundary.CurrentUser;
import org.yidan.security.entity.Permission;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ledger/ledger.xhtml}: the funds' journal (台账) with filters, the three views of 会宁's attachments 1–3,
 * totals and a lazy table; CSV and XLSX exports of the whole filter, streamed. A fund officer sees its own fund's
 * column only (the facade decides).
 */
@Named
@ViewScoped
public class LedgerView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The three ledgers of 会宁's attachments as views of one journal, and everything. */
    public enum Book {
        ALL(List.of(), List.of()),
        /** 附件1 兜底保障: medical assistance and re-assistance. */
        SAFETY_NET(List.of(Fund.ASSISTANCE, Fund.RE_ASSISTANCE), List.of()),
        /** 附件2 基本医疗: inpatient and chronic outpatient, basic insurance. */
        BASIC_MEDICAL(List.of(Fund.BASIC), List.of(VisitType.INPATIENT, VisitType.OUTPATIENT_CHRONIC)),
        /** 附件3 大病保险. */
        CRITICAL(List.of(Fund.CRITICAL), List.of());

        final List<Fund> funds;
        final List<VisitType> visitTypes;

        Book(List<Fund> funds, List<VisitType> visitTypes) {
            this.funds = funds;
            this.visitTypes = visitTypes;
        }
    }

    @Inject
    Ledger ledger;

    @Inject
    LedgerExports exports;

    @Inject
    CurrentUser currentUser;

    private boolean allFunds;
    private Book book = Book.ALL;
    private String county;
    private String fromMonth;
    private String toMonth;
    private String hospitalCode;
    private String township;
    private PersonCategory category;
    private VisitType visitType;
    private LedgerFilter filter;
    private List<String> shownFunds;
    private LedgerTotals totals;
    private final LazyDataModel<LedgerRow> entries = new PagedModel<>(() -> totals == null ? 0 : totals.entries(),
            (first, size) -> ledger.newestFirst(filter, first, size), row -> String.valueOf(row.id()));

    @PostConstruct
    void init() {
        currentUser.require(Permission.READ_FUND_LEDGER);
        allFunds = currentUser.may(Permission.CHOOSE_LEDGER_FUND);
        search();
    }

    public void search() {
        List<String> funds = book.funds.stream().map(Fund::name).toList();
        List<String> visitTypes = book.visitTypes.stream().map(VisitType::name).toList();
        if (visitType != null) {
            visitTypes = book.visitTypes.isEmpty() || book.visitTypes.contains(visitType)
                    ? List.of(visitType.name()) : List.of("NONE");
        }
        LedgerFilter requested = new LedgerFilter(blank(county), blank(fromMonth), blank(toMonth), funds,
                blank(hospitalCode), blank(township), category == null ? null : category.name(), visitTypes);
        try {
            filter = ledger.scoped(requested);
            shownFunds = filter.funds().isEmpty() ? Arrays.stream(Fund.values()).map(Fund::name).toList()
                    : filter.funds();
            totals = ledger.totals(filter);
        } catch (RuntimeException refused) {
            FacesMessages.failed(refused);
            totals = null;
        }
    }

    public void reset() {
        book = Book.ALL;
        county = null;
        fromMonth = null;
        toMonth = null;
        hospitalCode = null;
        township = null;
        category = null;
        visitType = null;
        search();
    }

    public StreamedContent getCsv() {
        return export(LedgerExports.Format.CSV, "ledger.csv", "text/csv; charset=UTF-8");
    }

    public StreamedContent getXlsx() {
        return export(LedgerExports.Format.XLSX, "ledger.xlsx", LedgerResource.XLSX);
    }

    private StreamedContent export(LedgerExports.Format format, String name, String type) {
        LedgerFilter scoped = filter;
        boolean fullIds = ledger.mayReadFullIdNumbers();
        return DefaultStreamedContent.builder().name(name).contentType(type).writer(out -> {
            try {
                exports.write(scoped, fullIds, format, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).build();
    }

    public static String fundName(String fund) {
        return DeclaredFunds.current().displayName(fund);
    }

    public String fundLabel(String fund) {
        return fundName(fund);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** 共 N 笔 for the totals line. */
    public String getCountText() {
        return FacesMessages.text("journal.count", totals == null ? 0 : totals.entries());
    }

    /** The fund officer's own fund, e.g. 医疗救助; empty for auditors and administrators. */
    public String getOwnFundName() {
        return allFunds || shownFunds == null || shownFunds.isEmpty() ? "" : fundName(shownFunds.get(0));
    }

    public LazyDataModel<LedgerRow> getEntries() {
        return entries;
    }

    public LedgerTotals getTotals() {
        return totals;
    }

    public List<String> getShownFunds() {
        return shownFunds;
    }

    public boolean isAllFunds() {
        return allFunds;
    }

    public Book[] getBooks() {
        return Book.values();
    }

    public PersonCategory[] getCategories() {
        return PersonCategory.values();
    }

    public VisitType[] getVisitTypes() {
        return VisitType.values();
    }

    public Book getBook() {
        return book;
    }

    public void setBook(Book book) {
        if (allFunds && book != null) {
            this.book = book;
        }
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getFromMonth() {
        return fromMonth;
    }

    public void setFromMonth(String fromMonth) {
        this.fromMonth = fromMonth;
    }

    public String getToMonth() {
        return toMonth;
    }

    public void setToMonth(String toMonth) {
        this.toMonth = toMonth;
    }

    public String getHospitalCode() {
        return hospitalCode;
    }

    public void setHospitalCode(String hospitalCode) {
        this.hospitalCode = hospitalCode;
    }

    public String getTownship() {
        return township;
    }

    public void setTownship(String township) {
        this.township = township;
    }

    public PersonCategory getCategory() {
        return category;
    }

    public void setCategory(PersonCategory category) {
        this.category = category;
    }

    public VisitType getVisitType() {
        return visitType;
    }

    public void setVisitType(VisitType visitType) {
        this.visitType = visitType;
    }
}
