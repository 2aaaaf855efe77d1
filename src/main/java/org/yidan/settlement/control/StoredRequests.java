package org.yidan.settlement.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.yidan.platform.control.JsonFactories;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

import org.yidan.policy.entity.Bill;
import org.yidan.policy.entity.BillItem;
import org.yidan.policy.entity.DeclaredFunds;
import org.yidan.policy.entity.Fund;
import org.yidan.policy.entity.Hospital;
import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.ItemCategory;
import org.yidan.policy.entity.VisitType;

/**
 * Reads back the bill a settlement stored in {@code settlement.request_json}, so that it can be computed again, e.g.
 * by the policy what-if: the request's JSON ({@link SettlementRequestJson#write}), or, for settlements stored before
 * that, {@code {"canonicalText": …}} as {@link SettlementRequest#canonicalText()} wrote it.
 */
public final class StoredRequests {

    private StoredRequests() {
    }

    /** @param stored the column's JSON text */
    public static SettlementRequest read(String stored) {
        JsonObject json;
        try (var reader = JsonFactories.READERS.createReader(new StringReader(stored))) {
            json = reader.readObject();
        }
        if (json.get("canonicalText") instanceof JsonString text) {
            return parse(text.getString());
        }
        return SettlementRequestJson.parse(json);
    }

    /** @throws IllegalArgumentException when the text is not what {@link SettlementRequest#canonicalText()} writes */
    public static SettlementRequest parse(String canonicalText) {
        String idNumber = null;
        Hospital hospital = null;
        VisitType visitType = null;
        LocalDate admission = null;
        LocalDate discharge = null;
        BigDecimal total = null;
        BigDecimal scope = null;
        BigDecimal drug = null;
        List<BillItem> items = new ArrayList<>();
        Map<Fund, BigDecimal> external = new TreeMap<>();
        for (String line : canonicalText.split("\n")) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String value = line.substring(equals + 1);
            switch (line.substring(0, equals)) {
                case "idNumber" -> idNumber = value;
                case "hospital" -> {
                    // the code is free text: the level and the flag are the last two fields
                    int inCounty = value.lastIndexOf('|');
                    int level = value.lastIndexOf('|', inCounty - 1);
                    hospital = new Hospital(value.substring(0, level),
                            HospitalLevel.valueOf(value.substring(level + 1, inCounty)),
                            Boolean.parseBoolean(value.substring(inCounty + 1)));
                }
                case "visitType" -> visitType = VisitType.valueOf(value);
                case "admissionDate" -> admission = LocalDate.parse(value);
                case "dischargeDate" -> discharge = LocalDate.parse(value);
                case "totalAmount" -> total = new BigDecimal(value);
                case "policyScopeAmount" -> scope = new BigDecimal(value);
                case "specialDrugAmount" -> drug = new BigDecimal(value);
                case "item" -> {
                    int bar = value.lastIndexOf('|');
                    items.add(new BillItem(ItemCategory.valueOf(value.substring(0, bar)),
                            new BigDecimal(value.substring(bar + 1))));
                }
                case "external" -> {
                    int bar = value.lastIndexOf('|');
                    external.put(DeclaredFunds.current().stored(value.substring(0, bar)),
                            new BigDecimal(value.substring(bar + 1)));
                }
                default -> throw new IllegalArgumentException("Unknown line in a stored request: " + line);
            }
        }
        if (idNumber == null || hospital == null || discharge == null || total == null) {
            throw new IllegalArgumentException("Incomplete stored request");
        }
        return new SettlementRequest(idNumber, new Bill(visitType, hospital, admission, discharge, total, scope, drug,
                items, external));
    }
}
