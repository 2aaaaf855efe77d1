package org.yidan.reports.control;

import com.lowagie.text.pdf.BaseFont;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Chinese font of the receipt PDF (Noto Sans SC, carried in the WAR's classes by the build), parsed once
 * and shared by the report and disclosure PDFs; OpenPDF keeps the glyphs a document uses with the document.
 */
public final class ReportFonts {

    private static final String FOLDER = "fonts/ttf/NotoSansSC/";
    public static final BaseFont REGULAR = load("NotoSansSC-Regular.ttf");
    public static final BaseFont BOLD = load("NotoSansSC-Bold.ttf");

    private ReportFonts() {
    }

    private static BaseFont load(String file) {
        try (InputStream in = ReportFonts.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the font " + FOLDER + file + " is not on the class path");
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
