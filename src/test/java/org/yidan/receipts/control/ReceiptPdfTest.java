package org.yidan.receipts.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yidan.receipts.control.ReceiptPdf.Paper;

class ReceiptPdfTest {

    private static final float POINTS_PER_MM = 72f / 25.4f;
    /** The samples a person looks at (pdftoppm -png -r 80 target/receipts/sample-a5.pdf). */
    private static final Path SAMPLES = Path.of("target", "receipts");

    private final ReceiptPdf renderer = new ReceiptPdf();

    @ParameterizedTest
    @EnumSource(Paper.class)
    void theWorkedExamplePrintsAsChineseTextOnTheChosenPaper(Paper paper) throws IOException {
        byte[] pdf = renderer.render(WorkedExample.settled(), paper);
        save(pdf, paper == Paper.A5 ? "sample-a5.pdf" : "sample-241.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages(), "the worked example fits on one sheet");
            PDRectangle page = document.getPage(0).getMediaBox();
            assertEquals(paper.widthMm() * POINTS_PER_MM, page.getWidth(), 0.5f, "page width");
            assertEquals(paper.heightMm() * POINTS_PER_MM, page.getHeight(), 0.5f, "page height");

            String text = text(document);
            assertAll(
                    () -> assertContains(text, "沂源县医疗保障一站式结算单"),
                    () -> assertContains(text, WorkedExample.RECEIPT_NO),
                    () -> assertContains(text, "张秀英"),
                    () -> assertContains(text, WorkedExample.MASKED_ID),
                    () -> assertContains(text, "低保对象"),
                    () -> assertContains(text, "沂源县人民医院"),
                    () -> assertContains(text, "县级医疗机构"),
                    () -> assertContains(text, "住院"),
                    () -> assertContains(text, "2020-05-01 至 2020-05-10"),
                    () -> assertContains(text, "60,000.00"),
                    () -> assertContains(text, "50,000.00"),
                    () -> assertContains(text, "基本医保"),
                    () -> assertContains(text, "30,000.00"),
                    () -> assertContains(text, "大病保险"),
                    () -> assertContains(text, "9,750.00"),
                    () -> assertContains(text, "医疗救助"),
                    () -> assertContains(text, "8,200.00"),
                    () -> assertContains(text, "医疗机构减免"),
                    () -> assertContains(text, "商业补充保险"),
                    () -> assertContains(text, "再救助"),
                    () -> assertContains(text, "15,000.00 × 65% = 9,750.00 元"),
                    () -> assertContains(text, "47,950.00"),
                    () -> assertContains(text, "12,050.00"),
                    () -> assertContains(text, "壹万贰仟零伍拾元整"),
                    () -> assertContains(text, "李梅（limei）"),
                    () -> assertContains(text, "2020-05-10 14:32:05"),
                    () -> assertContains(text, "7K3Q-9XA2"),
                    () -> assertContains(text, "370323/2020"),
                    () -> assertContains(text, "3f9a2c1b"),
                    () -> assertFalse(text.contains("已冲销"), "a settled receipt is not marked reversed"));
        }
    }

    @Test
    void theFontTravelsInsideThePdf() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(WorkedExample.settled()))) {
            PDResources resources = document.getPage(0).getResources();
            List<String> fonts = new ArrayList<>();
            for (COSName name : resources.getFontNames()) {
                var font = resources.getFont(name);
                fonts.add(font.getName());
                assertTrue(font.isEmbedded(), font.getName() + " is embedded, so a PC without Chinese fonts shows it");
            }
            assertTrue(fonts.stream().anyMatch(name -> name.contains("NotoSansSC")), "fonts used: " + fonts);
        }
    }

    @Test
    void aReversedReceiptSaysSoWithTimeAndReason() throws IOException {
        byte[] pdf = renderer.render(WorkedExample.reversed(), Paper.A5);
        save(pdf, "sample-reversed-a5.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = text(document);
            assertAll(
                    () -> assertContains(text, "已冲销"),
                    // 01:15 UTC is 09:15 in 沂源
                    () -> assertContains(text, "2020-05-12 09:15:00"),
                    () -> assertContains(text, "录入错误，住院天数有误"),
                    () -> assertContains(text, "壹万贰仟零伍拾元整"));
        }
    }

    @Test
    void aReceiptTooLongForOneSheetNamesItsNumberOnEveryPage() throws IOException {
        byte[] pdf = renderer.render(WorkedExample.withLongExplanations(), Paper.A5);
        save(pdf, "sample-long-a5.pdf");

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages > 1, "the long explanations need more than one page, got " + pages);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertContains(text, WorkedExample.RECEIPT_NO);
                assertContains(text, "第 " + page + " 页 / 共 " + pages + " 页");
            }
            assertContains(text(document), "壹万贰仟零伍拾元整");
        }
    }

    @Test
    void twoCountersPrintingAtOnceGetTheirOwnReceipts() throws Exception {
        List<String> names = List.of("张秀英", "王建国", "李桂兰", "赵德明");
        ExecutorService counters = Executors.newFixedThreadPool(names.size());
        try {
            List<Future<byte[]>> printed = new ArrayList<>();
            for (String name : names) {
                printed.add(counters.submit(() -> renderer.render(WorkedExample.withPerson(name), Paper.A5)));
            }
            for (int i = 0; i < names.size(); i++) {
                try (PDDocument document = Loader.loadPDF(printed.get(i).get())) {
                    String text = text(document);
                    assertContains(text, names.get(i));
                    assertContains(text, "壹万贰仟零伍拾元整");
                }
            }
        } finally {
            counters.shutdownNow();
        }
    }

    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document);
    }

    /** Ignores where the layout wrapped a line. */
    private static void assertContains(String text, String expected) {
        assertTrue(text.replaceAll("\\R", "").contains(expected),
                () -> "expected «" + expected + "» in the receipt's text:\n" + text);
    }

    private static void save(byte[] pdf, String file) throws IOException {
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve(file), pdf);
    }
}
