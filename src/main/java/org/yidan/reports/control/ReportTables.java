package org.yidan.reports.control;

import org.yidan.policy.entity.Fund;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as titled tables of cells, the one layout both the XLSX and the PDF print, so the two documents
 * always agree. The charts of the screen appear here as their figures.
 */
public final class ReportTables {

    /** Cells are String, Long, a money BigDecimal ({@link Cell#money}) or a ratio ({@link Cell#ratio}). */
    public record Cell(Object value, Kind kind) {
        public enum Kind { TEXT, COUNT, MONEY, RATIO }

        static Cell text(String text) {
            return new Cell(text == null ? "" : text, Kind.TEXT);
        }

        static Cell count(long count) {
            return new Cell(count, Kind.COUNT);
        }

        static Cell money(BigDecimal amount) {
            return new Cell(amount, Kind.MONEY);
        }

        static Cell ratio(BigDecimal ratio) {
            return new Cell(ratio, Kind.RATIO);
        }
    }

    public record Table(String title, List<String> headers, List<List<Cell>> rows, String note) {
    }

    private ReportTables() {
    }

    public static String title(Summary summary) {
        return summary.countyName() + " 医疗保障一站式结算统计报表（" + summary.period().label() + "）";
    }

    public static List<Table> of(Summary summary) {
        List<Table> tables = new ArrayList<>();
        Aggregate t = summary.total();
        tables.add(new Table("总体情况", List.of("项目", "数值"), List.of(
                List.of(Cell.text("统计期间（出院日期）"), Cell.text(summary.from() + " 至 " + summary.to())),
                List.of(Cell.text("结算人次"), Cell.count(t.settlements())),
                List.of(Cell.text("结算人数"), Cell.count(t.persons())),
                List.of(Cell.text("医疗总费用"), Cell.money(t.totalAmount())),
                List.of(Cell.text("政策范围内费用"), Cell.money(t.policyScopeAmount())),
                List.of(Cell.text("各项基金支付合计"), Cell.money(t.fundTotal())),
                List.of(Cell.text("个人自付"), Cell.money(t.selfPay())),
                List.of(Cell.text("实际补偿比"), Cell.ratio(t.actualRatio())),
                List.of(Cell.text("政策范围内补偿比"), Cell.ratio(t.scopeRatio())),
                List.of(Cell.text("县域内就诊率（人次）"), Cell.ratio(t.inCountyShare())),
                List.of(Cell.text("次均费用"), Cell.money(t.averagePerSettlement()))),
                "数据来源：基金台账（结算入账，冲销以红字相抵），按出院日期统计。"));
        List<List<Cell>> funds = new ArrayList<>();
        for (Fund fund : Fund.values()) {
            funds.add(List.of(Cell.text(fund.displayName()), Cell.money(t.funds().get(fund))));
        }
        tables.add(new Table("各项基金支付", List.of("基金", "金额（元）"), funds, null));
        if (!summary.targets().isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            for (Summary.TargetResult r : summary.targets()) {
                rows.add(List.of(Cell.text(r.target().name()),
                        Cell.text(r.target().bound() == Target.Bound.FLOOR ? "不低于" : "不高于"),
                        Cell.ratio(r.target().target()), Cell.ratio(r.actual()),
                        Cell.text(r.met() == null ? "无数据" : r.met() ? "达标" : "未达标")));
            }
            tables.add(new Table("考核指标", List.of("指标", "要求", "目标值", "实际值", "结果"), rows,
                    "标注“系统默认值”的指标为通行做法，并非县级文件规定，可由各县配置覆盖。"));
        }
        if (!summary.budgets().isEmpty()) {
            List<List<Cell>> rows = new ArrayList<>();
            for (Budget b : summary.budgets()) {
                rows.add(List.of(Cell.text(b.fund().displayName()), Cell.money(b.budget()), Cell.money(b.spent()),
                        Cell.ratio(b.share()), Cell.money(b.projected()), Cell.ratio(b.projectedShare())));
            }
            tables.add(new Table("基金预算执行（" + summary.budgets().get(0).year() + "年，截至"
                    + summary.budgets().get(0).asOf() + "）",
                    List.of("基金", "年度预算", "已支出", "执行率", "按当前进度预计全年", "预计执行率"), rows,
                    "预计全年 = 已支出 ÷ 已过天数 × 全年天数。"));
        }
        if (summary.backstop() != null) {
            Summary.Backstop b = summary.backstop();
            tables.add(new Table("兜底保障资金缺口（向省级申请）", List.of("项目", "金额（元）"), List.of(
                    List.of(Cell.text("兜底保障已支付（本年）"), Cell.money(b.paid())),
                    List.of(Cell.text("当前缺口"), b.shortfall() == null ? Cell.text("未配置预算") : Cell.money(b.shortfall())),
                    List.of(Cell.text("按当前进度预计全年缺口"),
                            b.projectedShortfall() == null ? Cell.text("未配置预算") : Cell.money(b.projectedShortfall()))),
                    "缺口 = 医疗救助支出超出年度预算的部分中属于兜底保障（个人自付超过3000元部分全额救助）的金额。"));
        }
        for (var dimension : SliceLabels.DIMENSIONS.entrySet()) {
            List<Aggregate> slices = summary.slices(dimension.getKey());
            if (slices.isEmpty()) {
                continue;
            }
            List<String> headers = new ArrayList<>(List.of("分组", "人次", "人数", "医疗总费用"));
            for (Fund fund : Fund.values()) {
                headers.add(fund.displayName());
            }
            headers.addAll(List.of("基金合计", "个人自付", "实际补偿比", "政策范围内补偿比", "县域内就诊率", "次均费用"));
            List<List<Cell>> rows = new ArrayList<>();
            for (Aggregate a : slices) {
                List<Cell> row = new ArrayList<>(List.of(Cell.text(SliceLabels.key(a)), Cell.count(a.settlements()),
                        Cell.count(a.persons()), Cell.money(a.totalAmount())));
                for (Fund fund : Fund.values()) {
                    row.add(Cell.money(a.funds().get(fund)));
                }
                row.addAll(List.of(Cell.money(a.fundTotal()), Cell.money(a.selfPay()), Cell.ratio(a.actualRatio()),
                        Cell.ratio(a.scopeRatio()), Cell.ratio(a.inCountyShare()), Cell.money(a.averagePerSettlement())));
                rows.add(row);
            }
            String note = switch (dimension.getKey()) {
                case "category" -> "同一人可同时属于两个类别（如低保对象和脱贫享受政策人员），其结算在每个类别下各计一次，"
                        + "各类别合计 " + summary.categorySettlementsCounted() + " 人次，多于总人次 "
                        + summary.total().settlements() + "；出院日无有效类别的计入“无有效类别”。";
                case "standardTag" -> "同一人可有多个认定标准，各行合计可多于总人次。";
                case "township" -> "乡镇信息尚未登记的结算计入“未登记乡镇”。";
                default -> null;
            };
            tables.add(new Table(dimension.getValue(), headers, rows, note));
        }
        Summary.Coverage coverage = summary.coverage();
        tables.add(coverageTable("参保率（" + coverage.year() + "年）按乡镇", coverage.byTownship(), false));
        tables.add(coverageTable("参保率（" + coverage.year() + "年）按人员类别", coverage.byCategory(), true));
        return tables;
    }

    private static Table coverageTable(String title, List<Summary.CoverageRate> rates, boolean category) {
        List<List<Cell>> rows = new ArrayList<>();
        for (Summary.CoverageRate r : rates) {
            rows.add(List.of(Cell.text(SliceLabels.coverageGroup(r.group(), category)), Cell.count(r.persons()),
                    Cell.count(r.insured()), Cell.count(r.uninsured()), Cell.count(r.notRecorded()),
                    Cell.count(r.exited()), Cell.ratio(r.rate())));
        }
        return new Table(title, List.of("分组", "应参保人数", "已参保", "未参保", "未登记", "已销号", "参保率"), rows,
                "参保率 = 已参保 ÷（应参保人数 − 已销号）；应参保人数为当年持有有效类别的人员"
                        + (category ? "，同一人属于两个类别时在每个类别下各计一次。" : "。"));
    }
}
