package org.yidan.reports.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.yidan.policy.entity.Fund;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The report's charts as Chart.js configurations, the JSON that PrimeFaces 15's {@code p:chart} takes as its
 * value: funds per month (stacked bars), a ratio per slice against its targets (bars and target lines) and the
 * in-county share (doughnut). Animation is off: the office prints these and the tests photograph them.
 */
public final class ChartConfigs {

    private static final String[] COLOURS = {"#1d4f91", "#4e8ad6", "#1b6e3a", "#e0a100", "#8e44ad", "#b3261e"};

    private ChartConfigs() {
    }

    public static String fundsPerMonth(Summary summary) {
        List<Aggregate> months = summary.slices("month");
        JsonArrayBuilder labels = Json.createArrayBuilder();
        months.forEach(m -> labels.add(m.key()));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        int colour = 0;
        for (Fund fund : Fund.values()) {
            String c = COLOURS[colour++ % COLOURS.length];
            if (summary.total().funds().get(fund).signum() == 0) {
                continue;
            }
            JsonArrayBuilder data = Json.createArrayBuilder();
            months.forEach(m -> data.add(m.funds().get(fund)));
            datasets.add(Json.createObjectBuilder().add("label", fund.displayName()).add("data", data)
                    .add("backgroundColor", c));
        }
        JsonObjectBuilder axes = Json.createObjectBuilder()
                .add("x", Json.createObjectBuilder().add("stacked", true))
                .add("y", Json.createObjectBuilder().add("stacked", true).add("title",
                        Json.createObjectBuilder().add("display", true).add("text", "元")));
        return config("bar", labels, datasets, "各项基金支付（按月，元）", axes);
    }

    /**
     * The ratio of each slice of {@code dimension} ("category" or "visitType") with a line per target that applies
     * to that dimension (a target on all settlements applies to every slice).
     */
    public static String ratioAgainstTargets(Summary summary, String dimension, String title) {
        List<Aggregate> slices = summary.slices(dimension).stream().filter(a -> a.key() != null).toList();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        slices.forEach(s -> labels.add(SliceLabels.key(s)));
        JsonArrayBuilder actual = Json.createArrayBuilder();
        slices.forEach(s -> {
            if (s.actualRatio() == null) {
                actual.addNull();
            } else {
                actual.add(s.actualRatio());
            }
        });
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("label", "实际补偿比").add("data", actual).add("backgroundColor", COLOURS[1]).add("order", 2));
        int colour = 2;
        for (Summary.TargetResult result : summary.targets()) {
            Target target = result.target();
            if (!"actualRatio".equals(target.ratio())) {
                continue;
            }
            String[] keys = target.sliceKeys();
            boolean everywhere = "all".equals(keys[0]);
            if (!everywhere && !dimension.equals(keys[0])) {
                continue;
            }
            JsonArrayBuilder line = Json.createArrayBuilder();
            for (Aggregate slice : slices) {
                if (everywhere || Objects.equals(slice.key(), keys[1])) {
                    line.add(target.target());
                } else {
                    line.addNull();
                }
            }
            String c = target.bound() == Target.Bound.CEILING ? "#b3261e" : COLOURS[colour++ % COLOURS.length];
            datasets.add(Json.createObjectBuilder().add("type", "line").add("label",
                            (target.bound() == Target.Bound.FLOOR ? "下限 " : "上限 ") + target.target()
                                    + ("default".equals(target.source()) ? "（系统默认）" : ""))
                    .add("data", line).add("borderColor", c).add("backgroundColor", c).add("borderDash",
                            Json.createArrayBuilder().add(6).add(4)).add("pointRadius", everywhere ? 0 : 6)
                    .add("showLine", everywhere).add("order", 1));
        }
        JsonObjectBuilder axes = Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                .add("min", 0).add("max", 1));
        return config("bar", labels, datasets, title, axes);
    }

    /** The coverage rate (参保率) of each township and of each category of the year, as bars from 0 to 1. */
    public static String coverage(Summary summary) {
        Summary.Coverage coverage = summary.coverage();
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder rates = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (Summary.CoverageRate r : coverage.byTownship()) {
            labels.add(SliceLabels.coverageGroup(r.group(), false));
            rate(rates, r.rate());
            colours.add(COLOURS[1]);
        }
        for (Summary.CoverageRate r : coverage.byCategory()) {
            labels.add(SliceLabels.coverageGroup(r.group(), true));
            rate(rates, r.rate());
            colours.add(COLOURS[2]);
        }
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("label", "参保率（蓝：乡镇，绿：人员类别）").add("data", rates).add("backgroundColor", colours));
        JsonObjectBuilder axes = Json.createObjectBuilder().add("y", Json.createObjectBuilder()
                .add("min", 0).add("max", 1));
        return config("bar", labels, datasets, coverage.year() + "年参保率（按乡镇、人员类别）", axes);
    }

    private static void rate(JsonArrayBuilder data, BigDecimal rate) {
        if (rate == null) {
            data.addNull();
        } else {
            data.add(rate);
        }
    }

    public static String inCountyShare(Summary summary) {
        long in = summary.total().inCounty();
        long out = summary.total().settlements() - in;
        JsonArrayBuilder labels = Json.createArrayBuilder().add("县域内").add("县域外");
        JsonArrayBuilder datasets = Json.createArrayBuilder().add(Json.createObjectBuilder().add("label", "结算人次")
                .add("data", Json.createArrayBuilder().add(in).add(out))
                .add("backgroundColor", Json.createArrayBuilder().add(COLOURS[2]).add(COLOURS[3])));
        BigDecimal share = summary.total().inCountyShare();
        String title = "县域内就诊率" + (share == null ? "" : " " + share.movePointRight(2).stripTrailingZeros()
                .toPlainString() + "%");
        return config("doughnut", labels, datasets, title, null);
    }

    private static String config(String type, JsonArrayBuilder labels, JsonArrayBuilder datasets, String title,
                                 JsonObjectBuilder scales) {
        JsonObjectBuilder options = Json.createObjectBuilder().add("animation", false).add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("plugins", Json.createObjectBuilder()
                        .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
                        .add("legend", Json.createObjectBuilder().add("position", "bottom")));
        if (scales != null) {
            options.add("scales", scales);
        }
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", options).build().toString();
    }
}
