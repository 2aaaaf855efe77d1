package org.yidan.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Hospital;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.VisitType;

/** Builds bills for tests: {@code Bills.of(INPATIENT).discharged("2020-05-10").total("60000")...build()}. */
public final class Bills {

    private VisitType visitType;
    private HospitalLevel level = HospitalLevel.COUNTY;
    private LocalDate admission;
    private LocalDate discharge;
    private BigDecimal total = BigDecimal.ZERO;
    private BigDecimal scope = BigDecimal.ZERO;
    private BigDecimal drug = BigDecimal.ZERO;
    private final List<BillItem> items = new ArrayList<>();
    private final Map<Fund, BigDecimal> external = new TreeMap<>();

    private Bills(VisitType visitType) {
        this.visitType = visitType;
    }

    public static Bills of(VisitType visitType) {
        return new Bills(visitType);
    }

    public Bills at(HospitalLevel level) {
        this.level = level;
        return this;
    }

    /** Admitted five days before. */
    public Bills discharged(String date) {
        return discharged(LocalDate.parse(date));
    }

    public Bills discharged(LocalDate date) {
        this.discharge = date;
        this.admission = date.minusDays(5);
        return this;
    }

    public Bills admitted(String date) {
        this.admission = LocalDate.parse(date);
        return this;
    }

    public Bills total(String amount) {
        this.total = new BigDecimal(amount);
        return this;
    }

    public Bills scope(String amount) {
        this.scope = new BigDecimal(amount);
        return this;
    }

    public Bills drug(String amount) {
        this.drug = new BigDecimal(amount);
        return this;
    }

    public Bills item(ItemCategory category, String amount) {
        items.add(new BillItem(category, new BigDecimal(amount)));
        return this;
    }

    public Bills external(Fund fund, String amount) {
        external.put(fund, new BigDecimal(amount));
        return this;
    }

    /** {@code "REGISTRATION=5 ESSENTIAL_DRUG=100"}; null or blank for none. */
    public Bills items(String spec) {
        for (Map.Entry<String, String> entry : Tables.pairs(spec).entrySet()) {
            item(ItemCategory.valueOf(entry.getKey()), entry.getValue());
        }
        return this;
    }

    /** {@code "BASIC=30000 COMMERCIAL=300"}; null or blank for none. */
    public Bills externals(String spec) {
        for (Map.Entry<String, String> entry : Tables.pairs(spec).entrySet()) {
            external(Fund.valueOf(entry.getKey()), entry.getValue());
        }
        return this;
    }

    public Bill build() {
        return new Bill(visitType, new Hospital("H-TEST", level, true), admission, discharge, total, scope, drug,
                items, external);
    }
}
