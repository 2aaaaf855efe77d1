package org.yidan.receipts.control;

import org.yidan.platform.control.CountyClock;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.yidan.policy.control.Money;
import org.yidan.receipts.entity.ReceiptDocument;

/**
 * Lays out the one-receipt (一单制结算单) as a PDF the counter prints and hands over.
 *
 * <p>The Chinese text is set in Noto Sans SC, read from the class path (the WAR carries it in
 * {@code com.helger.font:ph-fonts-noto-sans-sc}) and embedded as a subset, so the receipt looks the same on a
 * server with no fonts and in any viewer. The fonts are parsed once per class loader and shared: OpenPDF keeps the
 * glyphs a document uses with the document, not with the font.
 */
public final class ReceiptPdf {

    /** The paper a receipt is printed on. */
    public enum Paper {
        /** A5 portrait, 148 × 210 mm, for the laser or inkjet printer at the counter. */
        A5(148f, 210f, 11f, 9f, 1.0f, false),
        /**
         * Continuous form 241 × 279.4 mm (9.5 × 11 in) for the dot-matrix (针式) printers of many counters. The side
         * margins keep the print off the tractor-feed strips; the type is larger and all black because 24-pin heads
         * blur small strokes and dither grey.
         */
        CONTINUOUS_241(241f, 279.4f, 20f, 12f, 1.2f, true);

        private final float widthMm;
        private final float heightMm;
        private final float sideMarginMm;
        private final float topMarginMm;
        private final float typeScale;
        private final boolean monochrome;

        Paper(float widthMm, float heightMm, float sideMarginMm, float topMarginMm, float typeScale,
                boolean monochrome) {
            this.widthMm = widthMm;
            this.heightMm = heightMm;
            this.sideMarginMm = sideMarginMm;
            this.topMarginMm = topMarginMm;
            this.typeScale = typeScale;
            this.monochrome = monochrome;
        }

        public float widthMm() {
            return widthMm;
        }

        public float heightMm() {
            return heightMm;
        }

        Rectangle pageSize() {
            return new Rectangle(Utilities.millimetersToPoints(widthMm), Utilities.millimetersToPoints(heightMm));
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String FONT_FOLDER = "fonts/ttf/NotoSansSC/";

    private static final Color INK = Color.BLACK;
    private static final float HAIRLINE = 0.4f;
    private static final float LINE = 0.8f;
    /** Chinese line breaking (避头尾): these never start a line ... */
    private static final String NO_LINE_START = "，。、；：？！）》」』”’…%．,.;:)";
    /** ... and these never end one. */
    private static final String NO_LINE_END = "（《「『“‘(";
    private static final SplitCharacter CHINESE_LINE_BREAKS = (start, current, end, chars, chunks) -> {
        if (NO_LINE_END.indexOf(chars[current]) >= 0
                || current + 1 < end && NO_LINE_START.indexOf(chars[current + 1]) >= 0) {
            return false;
        }
        return DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, chars, chunks);
    };

    /** The receipt's words, the same bundle the screens use (zh_CN, English only as the fallback). */
    private static final ResourceBundle LABELS = ResourceBundle.getBundle("org.yidan.messages", Locale.SIMPLIFIED_CHINESE);

    /** A label of the receipt, {@code {0}}… replaced by {@code args}. */
    static String text(String key, Object... args) {
        String pattern = LABELS.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
    }

    /** Renders the receipt on A5. */
    public byte[] render(ReceiptDocument receipt) {
        return render(receipt, Paper.A5);
    }

    /**
     * @return the PDF, one page unless the explanations are very long (every page then names the receipt number)
     */
    public byte[] render(ReceiptDocument receipt, Paper paper) {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(paper, "paper");
        Styles styles = new Styles(paper.typeScale, paper.monochrome);
        float side = Utilities.millimetersToPoints(paper.sideMarginMm);
        float top = Utilities.millimetersToPoints(paper.topMarginMm);
        float bottom = top + 9 * paper.typeScale;
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(96 * 1024);
        Document document = new Document(paper.pageSize(), side, side, top, bottom);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, pdf);
            // a receipt printed "fit to page" on A4 or on the continuous form would no longer be A5 / 241 mm
            writer.setViewerPreferences(PdfWriter.PrintScalingNone);
            writer.setPageEvent(new PageDecoration(receipt, styles));
            document.addTitle(title(receipt) + " " + receipt.receiptNo());
            document.addSubject(receipt.receiptNo());
            document.addCreator("一单 Yidan");
            document.setDocumentLanguage("zh-CN");
            document.open();
            document.add(heading(receipt, styles));
            if (receipt.reversed()) {
                document.add(reversalBanner(receipt.reversal(), styles));
            }
            document.add(person(receipt, styles));
            document.add(amounts(receipt, styles));
            document.add(signOff(receipt, styles));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("receipt " + receipt.receiptNo() + " could not be laid out", e);
        }
        return pdf.toByteArray();
    }

    private static String title(ReceiptDocument receipt) {
        return text("receipt.heading", receipt.countyName());
    }

    private static Element heading(ReceiptDocument receipt, Styles s) {
        PdfPTable table = table(new float[] {1, 1});
        PdfPCell title = cell(new Phrase(title(receipt), s.title), Rectangle.NO_BORDER);
        title.setColspan(2);
        title.setHorizontalAlignment(Element.ALIGN_CENTER);
        title.setPaddingBottom(6 * s.scale);
        table.addCell(title);
        Phrase number = labelled(text("receipt.no"), receipt.receiptNo(), s.label, s.valueBold);
        table.addCell(cell(number, Rectangle.NO_BORDER));
        PdfPCell time = cell(labelled(text("receipt.settledAt"), time(receipt.settledAt()), s.label, s.value), Rectangle.NO_BORDER);
        time.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(time);
        table.setSpacingAfter(3 * s.scale);
        return table;
    }

    private static Element reversalBanner(ReceiptDocument.Reversal reversal, Styles s) {
        PdfPTable table = table(new float[] {22, 78});
        PdfPCell mark = cell(new Phrase(text("receipt.status.REVERSED"), s.voidMark), Rectangle.BOX);
        mark.setHorizontalAlignment(Element.ALIGN_CENTER);
        PdfPCell details = cell(new Phrase(), Rectangle.BOX);
        Paragraph lines = new Paragraph(text("receipt.doc.void"), s.voidText);
        lines.add(Chunk.NEWLINE);
        lines.add(new Chunk(text("receipt.doc.reversedAt") + "　" + time(reversal.reversedAt()), s.voidText));
        lines.add(Chunk.NEWLINE);
        lines.add(new Chunk(text("receipt.doc.reversalReason") + "　" + reversal.reason(), s.voidText).setSplitCharacter(CHINESE_LINE_BREAKS));
        lines.setLeading(0, 1.3f);
        details.addElement(lines);
        for (PdfPCell c : new PdfPCell[] {mark, details}) {
            c.setBorderColor(s.voidColour);
            c.setBorderWidth(1.2f);
            c.setPaddingLeft(6 * s.scale);
            c.setPaddingBottom(5 * s.scale);
            table.addCell(c);
        }
        table.setSpacingAfter(4 * s.scale);
        return table;
    }

    private static Element person(ReceiptDocument r, Styles s) {
        PdfPTable table = table(new float[] {16, 34, 16, 34});
        labelValue(table, s, text("receipt.person"), r.personName(), 1);
        labelValue(table, s, text("receipt.idNumber"), r.maskedIdNumber(), 1);
        labelValue(table, s, text("receipt.doc.categories"), orDash(r.categories()), 1);
        labelValue(table, s, text("receipt.visitType"), orDash(r.visitType()), 1);
        labelValue(table, s, text("receipt.hospital"), orDash(r.hospital()), 1);
        labelValue(table, s, text("receipt.doc.hospitalLevel"), orDash(r.hospitalLevel()), 1);
        labelValue(table, s, r.dischargeDate() == null ? text("receipt.doc.visitDate") : text("receipt.doc.dates"),
                dates(r.admissionDate(), r.dischargeDate()), 3);
        table.setSpacingAfter(5 * s.scale);
        return table;
    }

    private static void labelValue(PdfPTable table, Styles s, String label, String value, int valueColumns) {
        PdfPCell labelCell = cell(new Phrase(label, s.label), Rectangle.BOX);
        grid(labelCell, s);
        table.addCell(labelCell);
        PdfPCell valueCell = cell(new Phrase(value, s.value), Rectangle.BOX);
        grid(valueCell, s);
        valueCell.setColspan(valueColumns);
        table.addCell(valueCell);
    }

    private static Element amounts(ReceiptDocument r, Styles s) {
        PdfPTable table = table(new float[] {74, 26});
        table.setHeaderRows(1);
        table.addCell(headerCell(text("receipt.doc.item"), Element.ALIGN_LEFT, s));
        table.addCell(headerCell(text("receipt.amount"), Element.ALIGN_RIGHT, s));

        amountRow(table, new Phrase(text("receipt.totalAmount"), s.item), r.totalAmount(), s.amount, 0, s);
        amountRow(table, new Phrase(text("receipt.doc.ofWhich", text("receipt.policyScopeAmount")), s.subItem), r.policyScopeAmount(), s.subAmount, 12, s);
        amountRow(table, new Phrase(text("receipt.doc.ofWhich", text("receipt.specialDrugAmount")), s.subItem), r.specialDrugAmount(), s.subAmount, 12, s);

        PdfPCell section = cell(new Phrase(text("receipt.doc.funds"), s.section), Rectangle.TOP);
        section.setColspan(2);
        section.setBorderColor(s.ruleColour);
        section.setBorderWidth(HAIRLINE);
        section.setPaddingTop(4 * s.scale);
        section.setPaddingBottom(2 * s.scale);
        table.addCell(section);
        for (ReceiptDocument.Line line : r.lines()) {
            amountRow(table, new Phrase(line.fundName(), s.item), line.amount(), s.amount, 6, s);
            for (String explanation : line.explanations()) {
                table.addCell(explanation(withoutFundName(explanation, line.fundName()), s));
            }
        }

        PdfPCell fundTotalLabel = cell(new Phrase(text("receipt.fundTotal"), s.itemBold), Rectangle.TOP);
        PdfPCell fundTotal = amountCell(r.fundTotal(), s.amountBold, Rectangle.TOP);
        for (PdfPCell c : new PdfPCell[] {fundTotalLabel, fundTotal}) {
            c.setBorderWidth(HAIRLINE);
            c.setBorderColor(s.ruleColour);
            c.setPaddingTop(5 * s.scale);
            table.addCell(c);
        }

        PdfPCell selfPayLabel = cell(new Phrase(text("receipt.selfPay"), s.total), Rectangle.TOP);
        PdfPCell selfPay = amountCell(r.selfPay(), s.total, Rectangle.TOP);
        for (PdfPCell c : new PdfPCell[] {selfPayLabel, selfPay}) {
            c.setBorderWidth(LINE);
            c.setPaddingTop(6 * s.scale);
            c.setPaddingBottom(2 * s.scale);
            table.addCell(c);
        }
        Phrase inWords = new Phrase();
        inWords.add(new Chunk(text("receipt.selfPayWords"), s.label));
        inWords.add(new Chunk(text("receipt.doc.yuanPrefix") + ChineseAmountInWords.of(r.selfPay()), s.words));
        PdfPCell words = cell(inWords, Rectangle.BOTTOM);
        words.setColspan(2);
        words.setBorderWidth(LINE);
        words.setPaddingBottom(6 * s.scale);
        table.addCell(words);
        table.setSpacingAfter(6 * s.scale);
        return table;
    }

    /** One step of a fund's rules in small type; wrapped lines hang under the text, not under the bullet. */
    private static PdfPCell explanation(String text, Styles s) {
        Paragraph sentence = new Paragraph();
        sentence.add(new Chunk("·\u00a0", s.note));
        sentence.add(new Chunk(text, s.note).setSplitCharacter(CHINESE_LINE_BREAKS));
        float bullet = s.note.getBaseFont().getWidthPoint("·\u00a0", s.note.getSize());
        sentence.setIndentationLeft(bullet);
        sentence.setFirstLineIndent(-bullet);
        sentence.setLeading(0, 1.3f);
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setColspan(2);
        cell.setPaddingLeft(18 * s.scale);
        cell.setPaddingRight(8 * s.scale);
        cell.setPaddingTop(-1 * s.scale);
        cell.setPaddingBottom(2 * s.scale);
        cell.addElement(sentence);
        return cell;
    }

    private static void amountRow(PdfPTable table, Phrase item, BigDecimal amount, Font amountFont, float indent,
            Styles s) {
        PdfPCell name = cell(item, Rectangle.NO_BORDER);
        name.setPaddingLeft(name.getPaddingLeft() + indent * s.scale);
        PdfPCell figure = amountCell(amount, amountFont, Rectangle.NO_BORDER);
        for (PdfPCell c : new PdfPCell[] {name, figure}) {
            c.setPaddingTop(2 * s.scale);
            c.setPaddingBottom(3 * s.scale);
            table.addCell(c);
        }
    }

    private static PdfPCell amountCell(BigDecimal amount, Font font, int border) {
        PdfPCell cell = cell(new Phrase(Money.format(amount), font), border);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static PdfPCell headerCell(String text, int alignment, Styles s) {
        PdfPCell cell = cell(new Phrase(text, s.label), Rectangle.TOP | Rectangle.BOTTOM);
        cell.setBorderWidthTop(LINE);
        cell.setBorderWidthBottom(HAIRLINE);
        cell.setBorderColorBottom(s.ruleColour);
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(4 * s.scale);
        cell.setPaddingBottom(5 * s.scale);
        return cell;
    }

    private static Element signOff(ReceiptDocument r, Styles s) {
        PdfPTable table = table(new float[] {1, 1});
        ReceiptDocument.Clerk clerk = r.clerk();
        table.addCell(cell(labelled(text("receipt.clerk"), clerk.displayName() + "（" + clerk.userName() + "）", s.label, s.value),
                Rectangle.NO_BORDER));
        table.addCell(rightCell(labelled(text("receipt.verification"), orDash(r.verificationCode()), s.label, s.valueBold)));
        table.addCell(cell(labelled(text("receipt.policy"), orDash(r.policyLabel()), s.label, s.value), Rectangle.NO_BORDER));
        table.addCell(rightCell(labelled(text("receipt.doc.fingerprint"), orDash(r.policyFingerprintPrefix()), s.label, s.value)));
        PdfPCell signature = cell(labelled(text("receipt.doc.signature"), "", s.label, s.value), Rectangle.NO_BORDER);
        signature.setPaddingTop(10 * s.scale);
        table.addCell(signature);
        PdfPCell date = rightCell(labelled(text("receipt.doc.signatureDate"), "", s.label, s.value));
        date.setPaddingTop(10 * s.scale);
        table.addCell(date);
        return table;
    }

    private static PdfPCell rightCell(Phrase phrase) {
        PdfPCell cell = cell(phrase, Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    /** A signature or date with an empty value gets a line to write on. */
    private static Phrase labelled(String label, String value, Font labelFont, Font valueFont) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(label + "　", labelFont));
        if (value.isEmpty()) {
            Chunk blank = new Chunk("\u00a0".repeat(28), valueFont);
            blank.setUnderline(0.5f, -2f);
            phrase.add(blank);
        } else {
            phrase.add(new Chunk(value, valueFont));
        }
        return phrase;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSplitLate(false);
        return table;
    }

    private static PdfPCell cell(Phrase phrase, int border) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(border);
        cell.setPadding(3);
        cell.setPaddingBottom(4);
        cell.setUseAscender(true);
        cell.setUseDescender(true);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setLeading(0, 1.25f);
        return cell;
    }

    private static void grid(PdfPCell cell, Styles s) {
        cell.setBorderWidth(HAIRLINE);
        cell.setBorderColor(s.ruleColour);
        cell.setPaddingTop(3 * s.scale);
        cell.setPaddingBottom(4 * s.scale);
    }

    /** The calculator starts each sentence with the fund's name, which the row above already shows. */
    private static String withoutFundName(String explanation, String fundName) {
        String prefix = fundName + "：";
        return explanation.startsWith(prefix) ? explanation.substring(prefix.length()) : explanation;
    }

    private static String dates(LocalDate admission, LocalDate discharge) {
        return discharge == null ? DATE.format(admission) : DATE.format(admission) + text("receipt.doc.to") + DATE.format(discharge);
    }

    private static String time(OffsetDateTime at) {
        return TIME.format(at.atZoneSameInstant(CountyClock.ZONE));
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    /** The receipt number and page count on every page, and the 已冲销 watermark behind a reversed receipt. */
    private static final class PageDecoration extends PdfPageEventHelper {
        private final ReceiptDocument receipt;
        private final Styles s;
        private PdfTemplate pageCount;

        PageDecoration(ReceiptDocument receipt, Styles styles) {
            this.receipt = receipt;
            this.s = styles;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            pageCount = writer.getDirectContent().createTemplate(30 * s.scale, 12 * s.scale);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            Rectangle page = document.getPageSize();
            if (receipt.reversed()) {
                watermark(writer.getDirectContentUnder(), page);
            }
            PdfContentByte over = writer.getDirectContent();
            String text = text("receipt.doc.pageOf", receipt.receiptNo(), writer.getPageNumber());
            float size = s.footer.getSize();
            float width = Fonts.REGULAR.getWidthPoint(text, size);
            float x = (page.getWidth() - width - Fonts.REGULAR.getWidthPoint(text("receipt.doc.pages", 9), size)) / 2;
            float y = document.bottomMargin() / 2;
            over.saveState();
            over.beginText();
            over.setColorFill(s.labelColour);
            over.setFontAndSize(Fonts.REGULAR, size);
            over.setTextMatrix(x, y);
            over.showText(text);
            over.endText();
            over.addTemplate(pageCount, x + width, y);
            over.restoreState();
        }

        /** 已冲销 across the middle of the page, behind the figures, so that no one can cut it off the receipt. */
        private void watermark(PdfContentByte under, Rectangle page) {
            String text = text("receipt.status.REVERSED");
            float size = page.getWidth() / 5.5f;
            float length = Fonts.BOLD.getWidthPoint(text, size);
            float glyphHeight = Fonts.BOLD.getFontDescriptor(BaseFont.CAPHEIGHT, size);
            double angle = Math.toRadians(30);
            float cos = (float) Math.cos(angle);
            float sin = (float) Math.sin(angle);
            // start of the baseline, chosen so that the middle of the glyphs is the middle of the page
            float x = page.getWidth() / 2 - length / 2 * cos + glyphHeight / 2 * sin;
            float y = page.getHeight() / 2 - length / 2 * sin - glyphHeight / 2 * cos;
            under.saveState();
            PdfGState translucent = new PdfGState();
            translucent.setFillOpacity(0.13f);
            under.setGState(translucent);
            under.beginText();
            under.setColorFill(s.voidColour);
            under.setFontAndSize(Fonts.BOLD, size);
            under.setTextMatrix(cos, sin, -sin, cos, x, y);
            under.showText(text);
            under.endText();
            under.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            pageCount.beginText();
            pageCount.setColorFill(s.labelColour);
            pageCount.setFontAndSize(Fonts.REGULAR, s.footer.getSize());
            pageCount.setTextMatrix(0, 0);
            pageCount.showText(text("receipt.doc.pages", writer.getPageNumber() - 1));
            pageCount.endText();
        }
    }

    /** The type of one rendering, scaled for the paper. */
    private static final class Styles {
        final float scale;
        final Color labelColour;
        final Color noteColour;
        final Color ruleColour;
        final Color voidColour;
        final Font title;
        final Font label;
        final Font value;
        final Font valueBold;
        final Font section;
        final Font item;
        final Font itemBold;
        final Font subItem;
        final Font amount;
        final Font amountBold;
        final Font subAmount;
        final Font note;
        final Font total;
        final Font words;
        final Font voidMark;
        final Font voidText;
        final Font footer;

        Styles(float scale, boolean monochrome) {
            this.scale = scale;
            labelColour = monochrome ? INK : new Color(0x55, 0x55, 0x55);
            noteColour = monochrome ? INK : new Color(0x33, 0x33, 0x33);
            ruleColour = monochrome ? INK : new Color(0x88, 0x88, 0x88);
            voidColour = monochrome ? INK : new Color(0xC0, 0x10, 0x10);
            title = new Font(Fonts.BOLD, 15 * scale, Font.NORMAL, INK);
            label = new Font(Fonts.REGULAR, 8 * scale, Font.NORMAL, labelColour);
            value = new Font(Fonts.REGULAR, 9 * scale, Font.NORMAL, INK);
            valueBold = new Font(Fonts.BOLD, 9 * scale, Font.NORMAL, INK);
            section = new Font(Fonts.BOLD, 8.5f * scale, Font.NORMAL, labelColour);
            item = new Font(Fonts.REGULAR, 9.5f * scale, Font.NORMAL, INK);
            itemBold = new Font(Fonts.BOLD, 9.5f * scale, Font.NORMAL, INK);
            subItem = new Font(Fonts.REGULAR, 8 * scale, Font.NORMAL, noteColour);
            amount = new Font(Fonts.REGULAR, 9.5f * scale, Font.NORMAL, INK);
            amountBold = new Font(Fonts.BOLD, 9.5f * scale, Font.NORMAL, INK);
            subAmount = new Font(Fonts.REGULAR, 8 * scale, Font.NORMAL, noteColour);
            note = new Font(Fonts.REGULAR, 7 * scale, Font.NORMAL, noteColour);
            total = new Font(Fonts.BOLD, 11 * scale, Font.NORMAL, INK);
            words = new Font(Fonts.BOLD, 10.5f * scale, Font.NORMAL, INK);
            voidMark = new Font(Fonts.BOLD, 13 * scale, Font.NORMAL, voidColour);
            voidText = new Font(Fonts.REGULAR, 8 * scale, Font.NORMAL, voidColour);
            footer = new Font(Fonts.REGULAR, 6.5f * scale, Font.NORMAL, labelColour);
        }
    }

    /** Noto Sans SC (SIL Open Font License 1.1), TrueType outlines; loaded on first use. */
    private static final class Fonts {
        static final BaseFont REGULAR = load("NotoSansSC-Regular.ttf");
        static final BaseFont BOLD = load("NotoSansSC-Bold.ttf");

        private static BaseFont load(String file) {
            String resource = FONT_FOLDER + file;
            try (InputStream in = ReceiptPdf.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is not on the class path: the WAR must carry "
                            + "com.helger.font:ph-fonts-noto-sans-sc");
                }
                // the name only tells OpenPDF the format; Identity-H embeds the used glyphs as a subset
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
