package org.yidan.beneficiaries.boundary;

import org.yidan.beneficiaries.entity.BeneficiaryRecord;
import org.yidan.platform.boundary.PagedModel;

import java.io.Serializable;
import java.util.List;

/**
 * The state of a browsing table of one county's beneficiaries (浏览人员), shared by the counter and the registry:
 * the county, an optional filter (any part of a name, or the last 4+ digits of the ID number) and a lazy model that
 * loads one page at a time through {@link BeneficiaryService#page}.
 */
public class BeneficiaryBrowser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One row; the ID number is masked unless the user may read it in full. */
    public record Row(String idNumber, String shownIdNumber, String name, String county, String household,
                      boolean exited) implements Serializable {
    }

    private final BeneficiaryService registry;
    private final IdNumberDisclosure disclosure;
    private String county;
    private String filter;
    private final PagedModel<Row> model;

    public BeneficiaryBrowser(BeneficiaryService registry, IdNumberDisclosure disclosure, String county) {
        this.registry = registry;
        this.disclosure = disclosure;
        this.county = county;
        this.model = new PagedModel<>(() -> registry.count(this.county, this.filter), this::load, Row::idNumber);
    }

    private List<Row> load(int first, int size) {
        return registry.page(county, filter, first, size).stream().map(this::row).toList();
    }

    private Row row(BeneficiaryRecord record) {
        return new Row(record.idNumber(), disclosure.shown(record.idNumber()),
                record.name(), record.county(), record.householdId(), record.exitedOn() != null);
    }

    public PagedModel<Row> getModel() {
        return model;
    }

    public String getCounty() {
        return county;
    }

    public void setCounty(String county) {
        this.county = county;
    }

    public String getFilter() {
        return filter;
    }

    public void setFilter(String filter) {
        this.filter = filter == null || filter.isBlank() ? null : filter.trim();
    }
}
