package org.yidan.settlement.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.yidan.platform.control.JsonFactories;
import org.yidan.policy.Bills;
import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.VisitType;

class StoredRequestsTest {

    @Test
    void aStoredRequestReadsBackToTheSameBill() {
        Bill bill = Bills.of(VisitType.OUTPATIENT_GENERAL).at(HospitalLevel.TOWNSHIP).discharged("2020-03-01")
                .total("800.5").scope("600").drug("100").item(ItemCategory.REGISTRATION, "5")
                .item(ItemCategory.ESSENTIAL_DRUG, "20.10").external(Fund.BASIC, "300").build();
        SettlementRequest request = new SettlementRequest("370323195803120215", bill);
        SettlementRequest read = StoredRequests.parse(request.canonicalText());
        assertEquals(request.canonicalText(), read.canonicalText());
        assertEquals(bill.hospital(), read.bill().hospital());
        assertEquals(bill.admissionDate(), read.bill().admissionDate());
        assertEquals(0, bill.totalAmount().compareTo(read.bill().totalAmount()));
        assertEquals(2, read.bill().items().size());
        String old = JsonFactories.object().add("canonicalText", request.canonicalText()).build().toString();
        assertEquals(request.canonicalText(), StoredRequests.read(old).canonicalText());
        assertEquals(request.canonicalText(), StoredRequests.read(SettlementRequestJson.write(request).toString())
                .canonicalText());
    }
}
