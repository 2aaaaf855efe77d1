package org.yidan.beneficiaries.control;

/** The roster's columns, each with the names a header may give it (compared without blanks, case or brackets). */
public enum RosterColumn {
    ID_NUMBER(true, "身份证号", "idNumber", "身份证号码", "公民身份号码", "证件号码", "id"),
    NAME(true, "姓名", "name"),
    COUNTY(true, "县区代码", "county", "区县代码", "县代码", "行政区划代码", "countyCode"),
    HOUSEHOLD_ID(false, "户编号", "householdId", "户号", "家庭编号", "household"),
    CATEGORY(true, "人员类别", "category", "类别", "对象类别"),
    CATEGORY_FROM(true, "类别起始日期", "categoryFrom", "起始日期", "开始日期", "from"),
    CATEGORY_TO(false, "类别终止日期", "categoryTo", "终止日期", "结束日期", "to"),
    STANDARD_TAGS(false, "标准", "standardTags", "标注", "standards", "tags"),
    CHRONIC_DISEASES(false, "慢病", "chronicDiseases", "慢特病", "慢病病种", "diseases"),
    EXITED_ON(false, "销号日期", "exitedOn", "exited"),
    TOWNSHIP(false, "乡镇", "township", "乡镇街道", "所在乡镇"),
    VILLAGE(false, "村", "village", "村社区", "所在村"),
    HOUSEHOLD_INCOME(false, "家庭年收入", "householdIncome", "年收入", "家庭收入");

    final ColumnNames names;

    RosterColumn(boolean required, String chineseName, String englishName, String... otherNames) {
        this.names = ColumnNames.of(required, chineseName, englishName, otherNames);
    }

    public boolean required() {
        return names.required();
    }

    /** The column of this English name ({@code idNumber}), as a refusal of a file names a missing column. */
    public static java.util.Optional<RosterColumn> named(String englishName) {
        return java.util.Arrays.stream(values()).filter(column -> column.names.englishName().equals(englishName))
                .findFirst();
    }

    /** How error messages name the column: {@code 身份证号 (idNumber)}. */
    public String label() {
        return names.label();
    }
}
