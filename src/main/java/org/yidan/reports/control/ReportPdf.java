package org.yidan.reports.control;

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

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

/** The report as a Chinese PDF (A4 landscape): the tables of {@link ReportTables}, the charts' figures among them. */
public final class ReportPdf {

    private ReportPdf() {
    }

    public static byte[] render(Summary summary) {
        Font title = new Font(ReportFonts.BOLD, 14);
        Font heading = new Font(ReportFonts.BOLD, 10);
        Font body = new Font(ReportFonts.REGULAR, 7.5f);
        Font bold = new Font(ReportFonts.BOLD, 7.5f);
        Font note = new Font(ReportFonts.REGULAR, 7f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        PdfWriter.getInstance(document, out);
        document.addTitle(ReportTables.title(summary));
        document.open();
        Paragraph head = new Paragraph(ReportTables.title(summary), title);
        head.setAlignment(Element.ALIGN_CENTER);
        document.add(head);
        document.add(new Paragraph("生成时间：" + summary.generatedAt() + "　" + summary.source(), note));
        for (ReportTables.Table table : ReportTables.of(summary)) {
            Paragraph name = new Paragraph(table.title(), heading);
            name.setSpacingBefore(8);
            name.setSpacingAfter(3);
            document.add(name);
            PdfPTable grid = new PdfPTable(table.headers().size());
            grid.setWidthPercentage(table.headers().size() <= 2 ? 45 : 100);
            grid.setHeaderRows(1);
            for (String header : table.headers()) {
                PdfPCell cell = new PdfPCell(new Phrase(header, bold));
                cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                grid.addCell(cell);
            }
            for (List<ReportTables.Cell> row : table.rows()) {
                for (ReportTables.Cell c : row) {
                    PdfPCell cell = new PdfPCell(new Phrase(text(c), body));
                    cell.setHorizontalAlignment(c.kind() == ReportTables.Cell.Kind.TEXT ? Element.ALIGN_LEFT
                            : Element.ALIGN_RIGHT);
                    grid.addCell(cell);
                }
            }
            document.add(grid);
            if (table.note() != null) {
                document.add(new Paragraph("注：" + table.note(), note));
            }
        }
        document.close();
        return out.toByteArray();
    }

    /** A cell as printed: money with thousands separators, ratios as percentages with two decimals. */
    static String text(ReportTables.Cell cell) {
        if (cell.value() == null) {
            return "-";
        }
        return switch (cell.kind()) {
            case TEXT -> (String) cell.value();
            case COUNT -> String.format("%,d", (Long) cell.value());
            case MONEY -> Money.format((BigDecimal) cell.value());
            case RATIO -> Money.formatPercent((BigDecimal) cell.value());
        };
    }
}
