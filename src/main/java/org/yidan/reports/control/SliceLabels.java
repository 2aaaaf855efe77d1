package org.yidan.reports.control;

import org.yidan.policy.entity.HospitalLevel;
import org.yidan.policy.entity.PersonCategory;
import org.yidan.policy.entity.VisitType;

import java.util.LinkedHashMap;
import java.util.Map;

/** The Chinese names of the report's breakdowns and of their keys, for the screen, the XLSX and the PDF. */
public final class SliceLabels {

    /** Breakdowns in the order the documents show them, with their titles. */
    public static final Map<String, String> DIMENSIONS = new LinkedHashMap<>();

    static {
        DIMENSIONS.put("month", "按月份");
        DIMENSIONS.put("category", "按人员类别");
        DIMENSIONS.put("standardTag", "按认定标准（国标/省标/市标）");
        DIMENSIONS.put("visitType", "按就诊类型");
        DIMENSIONS.put("hospitalLevel", "按医疗机构级别");
        DIMENSIONS.put("hospital", "按医疗机构");
        DIMENSIONS.put("township", "按乡镇");
    }

    private SliceLabels() {
    }

    public static String key(Aggregate slice) {
        String key = slice.key();
        String name = switch (slice.dimension()) {
            case "all" -> "合计";
            case "visitType" -> key == null ? "-" : VisitType.valueOf(key).displayName();
            case "hospitalLevel" -> key == null ? "-" : HospitalLevel.valueOf(key).displayName();
            case "category", "categoryVisitType" -> key == null ? "无有效类别" : category(key);
            case "standardTag" -> key == null ? "未标注" : tag(key);
            case "township" -> key == null ? "未登记乡镇" : key;
            default -> key == null ? "-" : key;
        };
        if (slice.subKey() != null) {
            name += "·" + VisitType.valueOf(slice.subKey()).displayName();
        }
        return name;
    }

    /** The name of a coverage rate's group: a township ("未登记乡镇" when none) or a person category. */
    public static String coverageGroup(String group, boolean category) {
        if (category) {
            return group == null ? "无有效类别" : category(group);
        }
        return group == null ? "未登记乡镇" : group;
    }

    public static String tag(String tag) {
        return switch (tag) {
            case "NATIONAL" -> "国标";
            case "PROVINCIAL" -> "省标";
            case "MUNICIPAL" -> "市标";
            default -> tag;
        };
    }

    public static String category(String code) {
        try {
            return PersonCategory.valueOf(code).displayName();
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }
}
