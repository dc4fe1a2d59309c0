package io.shopcare.returns.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shopcare.mail.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The label read back as a person (text) and a scanner (pixels) would. */
class LabelPdfTest {

    @Test
    void aLabelIsOneA4PageThatReadsAsThePdfOfALabel() throws IOException {
        byte[] pdf = LabelPdf.render(Labels.english("RET-7K2M-9Q4X"));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            PDRectangle box = document.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 0.01);
            assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 0.01);
            assertEquals("Return label RET-7K2M-9Q4X", document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void theTextCarriesTheOrderNumberBothAddressesTheCarrierTheCodeAndTheLines() {
        String text = LabelPages.text(LabelPdf.render(Labels.english("RET-7K2M-9Q4X")));
        for (String expected : List.of("Return label", "ORD-20261122-0042", "Post Standard", "RET-7K2M-9Q4X",
                "Shopcare Returns", "Skladová 12", "190 00 Praha 9", "Czech Republic",
                "Anna Smith", "12 Baker Street", "London NW1 6XE", "United Kingdom",
                "Alpine down jacket", "M / red", "Storm shell", "L / navy", "2026-11-28", "Cut here")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
        assertTrue(text.contains("hand the parcel to Post Standard."), text);
    }

    @ParameterizedTest(name = "{0} at {1} dpi")
    @CsvSource({"RET-7K2M-9Q4X, 150", "RET-7K2M-9Q4X, 300", "20261128004217, 150", "r/7 k+2 (x), 200",
            "RET-0123456789-ABCDEFGHIJKLMNOPQRSTUVWX, 200"})
    void theBarcodeOnTheRenderedPageDecodesToExactlyTheReturnCode(String code, int dpi) {
        assertEquals(code, LabelPages.barcode(LabelPdf.render(Labels.withCode(code)), dpi));
    }

    @Test
    void czechTextAndWordingSurviveAsWritten() {
        String text = LabelPages.text(LabelPdf.render(Labels.czech()));
        for (String expected : List.of("Štítek pro vrácení zboží", "Return label", "Příjemce", "Odesílatel", "Dopravce",
                "Česká pošta", "Jiří Dvořák", "Žluťoučká 7", "602 00 Brno-střed", "Česko", "Péřová bunda Šárka",
                "XL / černá", "Vracené zboží", "Zde odstřihněte", "Skladová 12")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
    }

    @Test
    void ukrainianCyrillicSurvivesAsWritten() {
        String text = LabelPages.text(LabelPdf.render(Labels.ukrainian()));
        for (String expected : List.of("Етикетка для повернення", "Одержувач", "Відправник", "Перевізник", "Нова пошта",
                "Олександра Ґонтар", "вул. Їжакевича 5, кв. 14", "Київ 02000", "Україна", "Куртка «Єнот»",
                "S / сірий", "Товари, що повертаються", "Відріжте тут")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
    }

    @Test
    void frenchTextSurvivesAsWritten() {
        String text = LabelPages.text(LabelPdf.render(Labels.french()));
        for (String expected : List.of("Étiquette de retour", "Destinataire", "Expéditeur", "Zoé Lefèvre",
                "3 rue de l’Église", "Veste matelassée", "Articles retournés", "Découper ici", "à La Poste.")) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in:\n" + text);
        }
    }

    @Test
    void everyLanguageHasItsWordingAndItsBarcodeDecodes() {
        for (ReturnLabel label : List.of(Labels.english("RET-EN"), Labels.czech(), Labels.ukrainian(), Labels.french())) {
            byte[] pdf = LabelPdf.render(label);
            assertEquals(label.returnCode(), LabelPages.barcode(pdf, 150), label.language().tag());
            assertFalse(LabelPages.text(pdf).contains("{"), "an unfilled placeholder in " + label.language().tag());
        }
    }

    @Test
    void onlyTheGlyphsUsedAreEmbeddedSoALabelStaysSmall() throws IOException {
        byte[] pdf = LabelPdf.render(Labels.ukrainian());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDPage page = document.getPage(0);
            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertEquals(1, fonts.size(), "one font");
            PDFont font = fonts.get(0);
            assertTrue(font.isEmbedded(), "embedded");
            assertTrue(font.getName().matches("[A-Z]{6}\\+LiberationSans"), "a subset: " + font.getName());
        }
        // The whole font is 410 KB; a subset of the glyphs one label uses is a small part of it.
        assertTrue(pdf.length < 40_000, "the label has " + pdf.length + " bytes");
    }

    @Test
    void manyLinesEndWithHowManyMoreThereAre() {
        List<ReturnLabel.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            lines.add(new ReturnLabel.Line("Product " + i, "M", null, 1));
        }
        byte[] pdf = LabelPdf.render(Labels.withLines(lines));
        String text = LabelPages.text(pdf);
        assertEquals(1, LabelPages.pages(pdf));
        assertTrue(text.contains("Product 1\n") || text.contains("Product 1 "), text);
        int shown = (int) java.util.stream.IntStream.rangeClosed(1, 30)
                .filter(i -> text.matches("(?s).*Product " + i + "\\b.*")).count();
        assertTrue(shown < 30 && shown > 5, "shown " + shown);
        assertTrue(text.contains("… and " + (30 - shown) + " more"), text);
    }

    @Test
    void charactersTheFontLacksPrintAsQuestionMarksAndLongTextIsShortened() {
        ReturnLabel base = Labels.english("RET-GLYPHS");
        ReturnLabel label = new ReturnLabel(base.returnId(), base.returnCode(), base.orderId(), base.carrier(),
                List.of("Shopcare Returns with a name far too long to fit on the label's right-hand column at all"),
                "王小明 Wang", List.of("Line\twith\ncontrol characters"),
                List.of(new ReturnLabel.Line("Cafe\u0301 jacket", null, null, 1)), base.createdAt(), Language.EN);
        String text = LabelPages.text(LabelPdf.render(label));
        assertTrue(text.contains("??? Wang"), text);
        assertTrue(text.contains("Line with control characters"), text);
        assertTrue(text.contains("Café jacket"), "composed to one character: " + text);
        assertTrue(text.contains("Shopcare Returns with a name") && text.contains("…"), text);
        assertFalse(text.contains("at all"), text);
    }

    @Test
    void labelsRenderedOnSeveralThreadsAtOnceAreEachRight() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> pdfs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String code = "RET-THREAD-" + i;
                pdfs.add(pool.submit(() -> LabelPdf.render(Labels.withCode(code))));
            }
            for (int i = 0; i < pdfs.size(); i++) {
                String text = LabelPages.text(pdfs.get(i).get());
                assertTrue(text.contains("RET-THREAD-" + i) && text.contains("Skladová 12"), text);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Kód-Ř", "0123456789012345678901234567890123456789X"})
    void aCodeThatCode128CannotCarryIsRefusedWhenTheLabelIsMade(String code) {
        assertThrows(IllegalArgumentException.class, () -> Labels.withCode(code));
    }
}
