package org.yidan.disclosure.control;

import org.junit.jupiter.api.Test;
import org.yidan.policy.entity.Fund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicPagesTest {

    static DisclosureList list(String contact) {
        DisclosureRow row = new DisclosureRow(null, "张*三", "370323********0215", "低保对象",
                Map.of(Fund.ASSISTANCE, new BigDecimal("1200.00"), Fund.RE_ASSISTANCE, new BigDecimal("0.00")),
                new BigDecimal("1200.00"));
        return new DisclosureList(7, "370323", "沂源县", null, "2020-05", "PUBLISHED",
                List.of(Fund.ASSISTANCE, Fund.RE_ASSISTANCE), 1, List.of(row),
                Map.of(Fund.ASSISTANCE, new BigDecimal("1200.00"), Fund.RE_ASSISTANCE, new BigDecimal("0.00")),
                new BigDecimal("1200.00"), LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 7), contact,
                OffsetDateTime.parse("2020-06-01T09:00:00+08:00"), OffsetDateTime.parse("2020-06-01T10:00:00+08:00"),
                null, null);
    }

    @Test
    void theListShowsPeriodContactMaskedRowsAndTotals() {
        String html = PublicPages.list(list("0533-3241234"));
        assertTrue(html.contains("沂源县2020年5月医疗救助公示名单"));
        assertTrue(html.contains("2020-06-01 至 2020-06-07"));
        assertTrue(html.contains("张*三") && html.contains("370323********0215"));
        assertTrue(html.contains("1,200.00"));
        assertTrue(html.contains("合计 1 人"));
        String index = PublicPages.index(List.of(list("x")));
        assertTrue(index.contains("<td class=\"n\">1</td>"), "the index counts the persons of a list: " + index);
        assertFalse(html.contains("<script") || html.contains("<form"));
    }

    @Test
    void whatTheOfficeTypedIsShownAsTextNeverRun() {
        String html = PublicPages.list(list("<script>alert(1)</script>"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;"));
    }

    @Test
    void aWithdrawnListShowsNoRows() {
        DisclosureList published = list("x");
        DisclosureList withdrawn = new DisclosureList(7, "370323", "沂源县", null, "2020-05", "WITHDRAWN",
                published.funds(), 1, List.of(), published.totals(), published.total(), published.publicFrom(),
                published.publicTo(), "x", published.createdAt(), published.publishedAt(),
                OffsetDateTime.parse("2020-06-03T10:00:00+08:00"), "更正");
        String html = PublicPages.list(withdrawn);
        assertTrue(html.contains("已于 2020-06-03 撤回"));
        assertFalse(html.contains("370323********0215"));
        assertFalse(html.contains(".pdf"), "no link to the PDF a withdrawn list no longer has");
    }
}
