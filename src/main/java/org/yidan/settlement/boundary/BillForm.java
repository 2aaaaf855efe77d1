package org.yidan.settlement.boundary;

import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Hospital;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.VisitType;
import org.yidan.settlement.control.SettlementRequest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

/** The bill as the counter's form holds it while the clerk types; {@link #toRequest} makes the service's request. */
public class BillForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One optional item line inside the policy scope. */
    public static class ItemLine implements Serializable {

        private static final long serialVersionUID = 1L;

        private ItemCategory category;
        private BigDecimal amount;

        public ItemLine() {
        }

        ItemLine(ItemCategory category, BigDecimal amount) {
            this.category = category;
            this.amount = amount;
        }

        public ItemCategory getCategory() {
            return category;
        }

        public void setCategory(ItemCategory category) {
            this.category = category;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }
    }

    private String hospitalCode;
    private HospitalLevel hospitalLevel;
    private boolean inCounty = true;
    private VisitType visitType = VisitType.INPATIENT;
    private LocalDate admissionDate;
    private LocalDate dischargeDate;
    private BigDecimal totalAmount;
    private BigDecimal policyScopeAmount;
    private BigDecimal specialDrugAmount;
    private final List<ItemLine> items = new ArrayList<>();
    private final TreeMap<Fund, BigDecimal> external = new TreeMap<>();

    /** A copy that later typing in the form does not change: what the preview showed is what is settled. */
    public BillForm copy() {
        BillForm copy = new BillForm();
        copy.hospitalCode = hospitalCode;
        copy.hospitalLevel = hospitalLevel;
        copy.inCounty = inCounty;
        copy.visitType = visitType;
        copy.admissionDate = admissionDate;
        copy.dischargeDate = dischargeDate;
        copy.totalAmount = totalAmount;
        copy.policyScopeAmount = policyScopeAmount;
        copy.specialDrugAmount = specialDrugAmount;
        items.forEach(item -> copy.items.add(new ItemLine(item.category, item.amount)));
        copy.external.putAll(external);
        return copy;
    }

    /** Only the external payments of {@code funds} count: a fund not offered on the screen cannot be sent. */
    public SettlementRequest toRequest(String idNumber, List<Fund> funds) {
        List<BillItem> billItems = new ArrayList<>();
        for (ItemLine item : items) {
            if (item.category != null || item.amount != null) {
                billItems.add(new BillItem(item.category, item.amount));
            }
        }
        Map<Fund, BigDecimal> payments = new TreeMap<>();
        external.forEach((fund, amount) -> {
            if (amount != null && funds.contains(fund)) {
                payments.put(fund, amount);
            }
        });
        Hospital hospital = new Hospital(hospitalCode == null ? null : hospitalCode.trim(), hospitalLevel, inCounty);
        return new SettlementRequest(idNumber, new Bill(visitType, hospital, admissionDate, dischargeDate,
                totalAmount, policyScopeAmount, specialDrugAmount == null ? BigDecimal.ZERO : specialDrugAmount,
                billItems, payments));
    }

    public void addItem() {
        items.add(new ItemLine());
    }

    public void removeItem(ItemLine item) {
        items.remove(item);
    }

    public String getHospitalCode() {
        return hospitalCode;
    }

    public void setHospitalCode(String hospitalCode) {
        this.hospitalCode = hospitalCode;
    }

    public HospitalLevel getHospitalLevel() {
        return hospitalLevel;
    }

    public void setHospitalLevel(HospitalLevel hospitalLevel) {
        this.hospitalLevel = hospitalLevel;
    }

    public boolean isInCounty() {
        return inCounty;
    }

    public void setInCounty(boolean inCounty) {
        this.inCounty = inCounty;
    }

    public VisitType getVisitType() {
        return visitType;
    }

    public void setVisitType(VisitType visitType) {
        this.visitType = visitType;
    }

    public LocalDate getAdmissionDate() {
        return admissionDate;
    }

    public void setAdmissionDate(LocalDate admissionDate) {
        this.admissionDate = admissionDate;
    }

    public LocalDate getDischargeDate() {
        return dischargeDate;
    }

    public void setDischargeDate(LocalDate dischargeDate) {
        this.dischargeDate = dischargeDate;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public void setTotalAmount(BigDecimal totalAmount) {
        this.totalAmount = totalAmount;
    }

    public BigDecimal getPolicyScopeAmount() {
        return policyScopeAmount;
    }

    public void setPolicyScopeAmount(BigDecimal policyScopeAmount) {
        this.policyScopeAmount = policyScopeAmount;
    }

    public BigDecimal getSpecialDrugAmount() {
        return specialDrugAmount;
    }

    public void setSpecialDrugAmount(BigDecimal specialDrugAmount) {
        this.specialDrugAmount = specialDrugAmount;
    }

    public List<ItemLine> getItems() {
        return items;
    }

    public Map<Fund, BigDecimal> getExternal() {
        return external;
    }
}
