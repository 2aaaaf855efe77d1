package org.yidan.disclosure.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.yidan.policy.entity.Fund;

import java.math.BigDecimal;
import java.util.Map;

/** A disclosure list as JSON (api.md "Disclosure"); its rows are the masked ones. */
public final class DisclosureJson {

    private DisclosureJson() {
    }

    public static JsonObject toJson(DisclosureList list, boolean withRows) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", list.id()).add("county", list.county())
                .add("countyName", list.countyName()).add("month", list.month()).add("status", list.status());
        text(json, "township", list.township());
        JsonArrayBuilder funds = Json.createArrayBuilder();
        list.funds().forEach(f -> funds.add(f.name()));
        json.add("funds", funds).add("persons", list.persons()).add("totals", amounts(list.totals()))
                .add("total", list.total());
        text(json, "from", list.publicFrom() == null ? null : list.publicFrom().toString());
        text(json, "to", list.publicTo() == null ? null : list.publicTo().toString());
        text(json, "contact", list.contact());
        text(json, "createdAt", list.createdAt() == null ? null : list.createdAt().toString());
        text(json, "publishedAt", list.publishedAt() == null ? null : list.publishedAt().toString());
        text(json, "withdrawnAt", list.withdrawnAt() == null ? null : list.withdrawnAt().toString());
        text(json, "withdrawalReason", list.withdrawalReason());
        if (withRows) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (DisclosureRow row : list.rows()) {
                JsonObjectBuilder r = Json.createObjectBuilder();
                text(r, "township", row.township());
                rows.add(r.add("name", row.name()).add("idNumber", row.idNumber())
                        .add("categories", row.categories()).add("amounts", amounts(row.amounts()))
                        .add("total", row.total()));
            }
            json.add("rows", rows);
        }
        return json.build();
    }

    private static JsonObjectBuilder amounts(Map<Fund, BigDecimal> amounts) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        amounts.forEach((fund, amount) -> json.add(fund.name(), amount));
        return json;
    }

    private static void text(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
