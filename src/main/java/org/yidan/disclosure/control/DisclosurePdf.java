package org.yidan.disclosure.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.yidan.policy.control.Money;
import org.yidan.policy.entity.Fund;
import org.yidan.reports.control.ReportFonts;

import java.io.ByteArrayOutputStream;

/** A published disclosure list as a printable PDF (A4), in the receipt's Chinese font. */
public final class DisclosurePdf {

    private DisclosurePdf() {
    }

    public static byte[] render(DisclosureList list) {
        Font title = new Font(ReportFonts.BOLD, 14);
        Font body = new Font(ReportFonts.REGULAR, 9);
        Font bold = new Font(ReportFonts.BOLD, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 30, 30, 30, 30);
        PdfWriter.getInstance(document, out);
        document.addTitle(PublicPages.title(list));
        document.open();
        Paragraph head = new Paragraph(PublicPages.title(list), title);
        head.setAlignment(Element.ALIGN_CENTER);
        document.add(head);
        document.add(new Paragraph("公示期：" + list.publicFrom() + " 至 " + list.publicTo(), body));
        document.add(new Paragraph("如有异议，请在公示期内联系：" + list.contact(), body));
        document.add(new Paragraph(" ", body));
        PdfPTable table = new PdfPTable(6 + list.funds().size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : new String[]{"序号", "乡镇", "姓名", "身份证号", "人员类别"}) {
            table.addCell(new PdfPCell(new Phrase(header, bold)));
        }
        for (Fund fund : list.funds()) {
            table.addCell(new PdfPCell(new Phrase(fund.displayName(), bold)));
        }
        table.addCell(new PdfPCell(new Phrase("合计", bold)));
        int number = 1;
        for (DisclosureRow row : list.rows()) {
            table.addCell(new Phrase(String.valueOf(number++), body));
            table.addCell(new Phrase(row.township() == null ? "" : row.township(), body));
            table.addCell(new Phrase(row.name(), body));
            table.addCell(new Phrase(row.idNumber(), body));
            table.addCell(new Phrase(row.categories(), body));
            for (Fund fund : list.funds()) {
                table.addCell(amount(Money.format(row.amounts().get(fund)), body));
            }
            table.addCell(amount(Money.format(row.total()), body));
        }
        PdfPCell sum = new PdfPCell(new Phrase("合计 " + list.persons() + " 人", bold));
        sum.setColspan(5);
        table.addCell(sum);
        for (Fund fund : list.funds()) {
            table.addCell(amount(Money.format(list.totals().get(fund)), bold));
        }
        table.addCell(amount(Money.format(list.total()), bold));
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell amount(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
