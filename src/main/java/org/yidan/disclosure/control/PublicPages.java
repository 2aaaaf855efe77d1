package org.yidan.disclosure.control;

import org.yidan.policy.control.Money;
import org.yidan.policy.entity.Fund;

import java.time.YearMonth;
import java.util.List;

/**
 * The public pages of the disclosure (公示), as self-contained HTML: no script, no form, no link but to the other
 * public pages, the styles inline (the Content-Security-Policy allows nothing else). Everything printed is
 * escaped; the rows are already masked.
 */
public final class PublicPages {

    private static final String STYLE = "body{font-family:'Noto Sans SC','Microsoft YaHei',sans-serif;margin:24px;"
            + "color:#222}h1{font-size:20px;text-align:center}table{border-collapse:collapse;width:100%;"
            + "font-size:14px}th,td{border:1px solid #888;padding:4px 8px}td.n{text-align:right;"
            + "font-variant-numeric:tabular-nums}tfoot td{font-weight:bold}.meta{margin:12px 0;line-height:1.8}"
            + "nav{margin-bottom:16px}@media print{nav,.noprint{display:none}body{margin:0}}";

    private PublicPages() {
    }

    public static String index(List<DisclosureList> lists) {
        StringBuilder html = head("医疗救助公示");
        html.append("<h1>医疗救助公示</h1>\n<p>以下为已发布的医疗救助资金公示名单，接受群众监督。</p>\n");
        if (lists.isEmpty()) {
            html.append("<p id=\"none\">目前没有正在公示的名单。</p>\n");
        } else {
            html.append("<table id=\"lists\"><thead><tr><th>县（区）</th><th>乡镇</th><th>月份</th><th>人数</th>"
                    + "<th>金额合计（元）</th><th>公示期</th><th></th></tr></thead><tbody>\n");
            for (DisclosureList list : lists) {
                html.append("<tr><td>").append(e(list.countyName())).append("</td><td>")
                        .append(e(list.township() == null ? "全县" : list.township())).append("</td><td>")
                        .append(e(monthName(list.month()))).append("</td><td class=\"n\">").append(list.persons())
                        .append("</td><td class=\"n\">").append(Money.format(list.total())).append("</td><td>")
                        .append(list.publicFrom()).append(" 至 ").append(list.publicTo()).append("</td><td>")
                        .append("<a href=\"disclosures/").append(list.id()).append("\">查看</a></td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    public static String list(DisclosureList list) {
        String title = title(list);
        StringBuilder html = head(title);
        boolean withdrawn = "WITHDRAWN".equals(list.status());
        html.append("<nav class=\"noprint\"><a href=\"../disclosures\">全部公示</a>");
        if (!withdrawn) {
            // a withdrawn list has no PDF any more (410): no link to it
            html.append(" · <a href=\"").append(list.id()).append(".pdf\">下载PDF</a>");
        }
        html.append("</nav>\n<h1>").append(e(title)).append("</h1>\n");
        if (withdrawn) {
            return html.append("<p id=\"withdrawn\">本公示已于 ").append(list.withdrawnAt().toLocalDate())
                    .append(" 撤回。如有更正，将另行公示。</p></body></html>\n").toString();
        }
        html.append("<div class=\"meta\">公示期：<span id=\"period\">").append(list.publicFrom()).append(" 至 ")
                .append(list.publicTo()).append("</span><br/>如有异议，请在公示期内联系：<span id=\"contact\">")
                .append(e(list.contact())).append("</span></div>\n");
        html.append("<table id=\"rows\"><thead><tr><th>序号</th><th>乡镇</th><th>姓名</th><th>身份证号</th><th>人员类别</th>");
        for (Fund fund : list.funds()) {
            html.append("<th>").append(e(fund.displayName())).append("（元）</th>");
        }
        html.append("<th>合计（元）</th></tr></thead><tbody>\n");
        int number = 1;
        for (DisclosureRow row : list.rows()) {
            html.append("<tr><td class=\"n\">").append(number++).append("</td><td>")
                    .append(e(row.township() == null ? "" : row.township())).append("</td><td>").append(e(row.name()))
                    .append("</td><td>").append(e(row.idNumber())).append("</td><td>").append(e(row.categories()))
                    .append("</td>");
            for (Fund fund : list.funds()) {
                html.append("<td class=\"n\">").append(Money.format(row.amounts().get(fund))).append("</td>");
            }
            html.append("<td class=\"n\">").append(Money.format(row.total())).append("</td></tr>\n");
        }
        html.append("</tbody><tfoot><tr><td colspan=\"5\">合计 ").append(list.persons()).append(" 人</td>");
        for (Fund fund : list.funds()) {
            html.append("<td class=\"n\">").append(Money.format(list.totals().get(fund))).append("</td>");
        }
        html.append("<td class=\"n\" id=\"total\">").append(Money.format(list.total())).append("</td></tr></tfoot></table>\n");
        return html.append("<p>").append(e(list.countyName())).append("医疗保障部门 · 发布于 ")
                .append(list.publishedAt().toLocalDate()).append("</p></body></html>\n").toString();
    }

    public static String notFound() {
        return head("未找到").append("<h1>未找到该公示</h1><p><a href=\"/public/disclosures\">全部公示</a></p></body></html>\n")
                .toString();
    }

    public static String title(DisclosureList list) {
        return list.countyName() + (list.township() == null ? "" : list.township()) + monthName(list.month())
                + "医疗救助公示名单";
    }

    static String monthName(String month) {
        YearMonth m = YearMonth.parse(month);
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    private static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>")
                .append(e(title)).append("</title><style>").append(STYLE).append("</style></head><body>\n");
    }

    /** HTML-escapes text (also quotes, for attribute values). */
    public static String e(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
