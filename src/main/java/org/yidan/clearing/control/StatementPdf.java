package org.yidan.clearing.control;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.yidan.clearing.entity.StatementView;
import org.yidan.policy.control.Money;
import org.yidan.receipts.control.ChineseAmountInWords;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * A clearing statement (医疗机构垫付资金清算单) on A4: the hospital, fund and period, every line, the totals with the
 * payable amount also in capital figures (大写), and signature lines for the hospital and the fund. Uses the
 * receipt's font (Noto Sans SC, shipped in the WAR).
 */
public final class StatementPdf {

    private static final String FONT_FOLDER = "fonts/ttf/NotoSansSC/";

    /**
     * @param countyName e.g. 会宁县
     * @param fundName   e.g. 基本医保
     */
    public byte[] render(StatementView s, String countyName, String fundName) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4, 36, 36, 40, 40);
        Font title = new Font(Fonts.BOLD, 15);
        Font label = new Font(Fonts.REGULAR, 9);
        Font body = new Font(Fonts.REGULAR, 8.5f);
        Font bold = new Font(Fonts.BOLD, 9.5f);
        try {
            PdfWriter.getInstance(document, pdf);
            String period = ClearingPeriod.labelOf(s.period());
            document.addTitle(countyName + " " + period + " " + fundName + " 清算单 " + s.id());
            document.addCreator("一单 Yidan");
            document.setDocumentLanguage("zh-CN");
            document.open();
            Paragraph heading = new Paragraph(countyName + " " + period + " 医疗机构垫付资金清算单", title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(10);
            document.add(heading);
            PdfPTable head = new PdfPTable(new float[]{1, 2, 1, 2});
            head.setWidthPercentage(100);
            cell(head, "清算单号", label);
            cell(head, String.valueOf(s.id()), body);
            cell(head, "状态", label);
            cell(head, s.statusName(), body);
            cell(head, "医疗机构", label);
            cell(head, s.hospitalCode() + (s.hospitalName() == null ? "" : " " + s.hospitalName()), body);
            cell(head, "基金", label);
            cell(head, fundName, body);
            cell(head, "清算期", label);
            cell(head, period + "（" + s.period() + "）", body);
            cell(head, "笔数", label);
            cell(head, String.valueOf(s.lines().size()), body);
            head.setSpacingAfter(8);
            document.add(head);

            PdfPTable lines = new PdfPTable(new float[]{0.6f, 2.4f, 0.9f, 1.1f, 2.2f, 1.2f, 1.4f});
            lines.setWidthPercentage(100);
            lines.setHeaderRows(1);
            for (String header : new String[]{"序号", "收据号", "类型", "姓名", "身份证号", "费款所属期", "金额（元）"}) {
                PdfPCell cell = new PdfPCell(new Phrase(header, bold));
                cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                lines.addCell(cell);
            }
            int index = 1;
            for (StatementView.Line line : s.lines()) {
                lines.addCell(new Phrase(String.valueOf(index++), body));
                lines.addCell(new Phrase(line.receiptNo(), body));
                lines.addCell(new Phrase("REVERSAL".equals(line.entryType()) ? "冲销" : "结算", body));
                lines.addCell(new Phrase(line.personName(), body));
                lines.addCell(new Phrase(line.idNumber(), body));
                lines.addCell(new Phrase(line.feeMonth(), body));
                amount(lines, line.amount(), body);
            }
            lines.setSpacingAfter(8);
            document.add(lines);

            PdfPTable totals = new PdfPTable(new float[]{3, 1.4f});
            totals.setWidthPercentage(60);
            totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
            total(totals, "清算金额合计", s.total(), body);
            total(totals, "考核预留（考核基金）", s.heldBack(), body);
            total(totals, "冲抵预拨资金", s.prepaymentApplied(), body);
            total(totals, "应拨付金额", s.payable(), bold);
            document.add(totals);
            Paragraph words = new Paragraph("应拨付金额（大写）：" + ChineseAmountInWords.of(s.payable()), bold);
            words.setSpacingBefore(6);
            document.add(words);
            if (s.creditCarriedForward().signum() > 0) {
                document.add(new Paragraph("本期冲销多于结算：已多拨付的 " + Money.format(s.creditCarriedForward())
                        + " 元记入该机构的预拨资金余额，在以后各期清算中抵扣。", body));
            }
            if (s.paidOn() != null) {
                document.add(new Paragraph("已于 " + s.paidOn() + " 拨付 " + Money.format(s.paidAmount())
                        + " 元，凭证号 " + s.paidReference(), body));
            }
            PdfPTable signatures = new PdfPTable(2);
            signatures.setWidthPercentage(100);
            signatures.setSpacingBefore(36);
            signature(signatures, "医疗机构（盖章）", label);
            signature(signatures, "基金经办机构（盖章）", label);
            signature(signatures, "经办人签字：", label);
            signature(signatures, "经办人签字：", label);
            signature(signatures, "日期：", label);
            signature(signatures, "日期：", label);
            document.add(signatures);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("statement " + s.id() + " could not be laid out", e);
        }
        return pdf.toByteArray();
    }

    private static void cell(PdfPTable table, String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        table.addCell(cell);
    }

    private static void amount(PdfPTable table, BigDecimal amount, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(Money.format(amount), font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(cell);
    }

    private static void total(PdfPTable table, String label, BigDecimal amount, Font font) {
        cell(table, label, font);
        amount(table, amount, font);
    }

    private static void signature(PdfPTable table, String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setFixedHeight(28);
        table.addCell(cell);
    }

    /** The receipt's Noto Sans SC, loaded on first use. */
    private static final class Fonts {
        static final BaseFont REGULAR = load("NotoSansSC-Regular.ttf");
        static final BaseFont BOLD = load("NotoSansSC-Bold.ttf");

        private static BaseFont load(String file) {
            String resource = FONT_FOLDER + file;
            try (InputStream in = StatementPdf.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the class path");
                }
                return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(),
                        null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            } catch (DocumentException e) {
                throw new IllegalStateException("cannot use " + resource, e);
            }
        }
    }
}
