package org.yidan.beneficiaries.control;

import jakarta.json.JsonObject;
import org.yidan.beneficiaries.entity.ChronicApplication;
import org.yidan.platform.control.JsonFactories;

import static org.yidan.beneficiaries.control.CoverageJson.nullable;

/** The JSON of a chronic-disease application (api.md, "Chronic-disease applications"). */
public final class ChronicApplicationJson {

    private ChronicApplicationJson() {
    }

    public static JsonObject write(ChronicApplication application, String name, boolean maskIdNumber) {
        var json = JsonFactories.object()
                .add("id", application.getId())
                .add("idNumber", maskIdNumber ? IdNumbers.mask(application.getIdNumber()) : application.getIdNumber())
                .add("name", name == null ? "" : name)
                .add("county", application.getCounty())
                .add("disease", application.getDisease())
                .add("filedOn", application.getFiledOn().toString())
                .add("track", application.getTrack().name())
                .add("dueBy", application.getDueBy().toString())
                .add("status", application.getStatus().name())
                .add("filedBy", application.getFiledBy());
        nullable(json, "note", application.getNote());
        nullable(json, "decidedOn", application.getDecidedOn() == null ? null : application.getDecidedOn().toString());
        nullable(json, "reason", application.getReason());
        nullable(json, "decidedBy", application.getDecidedBy());
        return json.build();
    }
}
