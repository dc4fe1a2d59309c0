package io.shopcare.returns.label;

import com.google.zxing.oned.Code128Writer;
import io.shopcare.mail.Language;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Renders a {@link ReturnLabel} as a one-page A4 PDF a customer prints at home: the upper half is
 * the label to stick on the parcel (the shop's return address large, the customer's small, the
 * carrier, the return code as a Code 128 barcode with the code in text under it, the order
 * number); below a dashed cut line, the part that goes inside the parcel (what is returned, the
 * order and the code again) with the instruction.
 *
 * <p>Text is set in Liberation Sans (SIL Open Font License 1.1), the TrueType font PDFBox itself
 * ships for rendering: it covers Latin with Czech and French diacritics and Cyrillic, so no font
 * file is kept in this repository. Only the glyphs a label uses are embedded (a subset), with a
 * ToUnicode map, so the text can be searched and copied. Characters the font lacks print as '?'.
 * Bold is drawn as filled and stroked outlines (the shipped font has no bold face).
 */
public final class LabelPdf {
    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** The font, parsed once (its tables load lazily); PDFBox's font objects are not thread-safe. */
    private static final Object FONT_LOCK = new Object();
    private static TrueTypeFont font;
    private static final Map<Language, Properties> WORDING = wording();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final float MARGIN = 36;
    private static final float LEFT = MARGIN;
    private static final float RIGHT = PAGE.getWidth() - MARGIN;
    private static final float LABEL_TOP = PAGE.getHeight() - MARGIN;
    private static final float LABEL_BOTTOM = 432;
    private static final float CUT_LINE = 414;
    private static final float PAD = 16;
    /** Narrowest bar: 0.53 mm (long codes get narrower ones, down to 0.35 mm for 40 characters). */
    private static final float MODULE = 1.5f;
    /** Code 128 wants at least ten modules of white on either side of the bars. */
    private static final int QUIET_ZONE_MODULES = 10;
    private static final float BAR_HEIGHT = 84;
    private static final float GREY = 0.35f;

    private LabelPdf() {
    }

    /** The label as PDF bytes. One at a time per JVM (a Lambda container answers one request at a time). */
    public static byte[] render(ReturnLabel label) {
        Properties words = WORDING.get(label.language());
        synchronized (FONT_LOCK) {
            try {
                return render(label, words, font());
            } catch (IOException e) {
                throw new UncheckedIOException("the label could not be rendered", e);
            }
        }
    }

    private static byte[] render(ReturnLabel label, Properties words, TrueTypeFont ttf) throws IOException {
        // A subset: only the glyphs used are embedded; PDFBox does not close a font it is given.
        try (PDDocument document = new PDDocument()) {
            PDType0Font type0 = PDType0Font.load(document, ttf, true);
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            describe(document, label, words);
            try (Canvas canvas = new Canvas(new PDPageContentStream(document, page), type0, ttf.getUnicodeCmapLookup())) {
                drawLabel(canvas, label, words);
                drawCutLine(canvas, words);
                drawSlip(canvas, label, words);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void describe(PDDocument document, ReturnLabel label, Properties words) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(words.getProperty("title") + " " + label.returnCode());
        info.setSubject(words.getProperty("order") + " " + label.orderId());
        info.setCreator("Shopcare");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(label.createdAt().toEpochMilli());
        info.setCreationDate(created);
    }

    /** The upper half: what the carrier reads and scans. */
    private static void drawLabel(Canvas canvas, ReturnLabel label, Properties words) throws IOException {
        canvas.frame(LEFT, LABEL_BOTTOM, RIGHT - LEFT, LABEL_TOP - LABEL_BOTTOM);
        float x = LEFT + PAD;
        float innerRight = RIGHT - PAD;
        float y = LABEL_TOP - PAD - 18;
        canvas.bold(words.getProperty("title"), x, y, 18);
        if (label.language() != Language.EN) {
            canvas.text(WORDING.get(Language.EN).getProperty("title"), x, y - 14, 9, GREY);
        }
        String carrierCaption = words.getProperty("carrier");
        canvas.text(carrierCaption, innerRight - canvas.width(carrierCaption, 9), y + 10, 9, GREY);
        String carrier = canvas.fit(label.carrier(), 16, 220, true);
        canvas.bold(carrier, innerRight - canvas.width(carrier, 16), y - 8, 16);
        float rule = y - 24;
        canvas.line(x, rule, innerRight, rule);

        // From (the customer), small, on the left; to (the shop), large, on the right.
        float column = LEFT + (RIGHT - LEFT) * 0.45f;
        float top = rule - 18;
        canvas.text(words.getProperty("from"), x, top, 9, GREY);
        float fromY = top - 15;
        List<String> from = new ArrayList<>();
        from.add(label.customerName());
        from.addAll(label.customerAddress());
        for (String line : first(from, 6)) {
            canvas.text(canvas.fit(line, 10, column - x - 12, false), x, fromY, 10, 0);
            fromY -= 13;
        }
        canvas.text(words.getProperty("to"), column, top, 9, GREY);
        float toY = top - 19;
        List<String> to = first(label.shopAddress(), 6);
        for (int i = 0; i < to.size(); i++) {
            float size = i == 0 ? 15 : 14;
            String line = canvas.fit(to.get(i), size, innerRight - column, i == 0);
            if (i == 0) {
                canvas.bold(line, column, toY, size);
            } else {
                canvas.text(line, column, toY, size, 0);
            }
            toY -= 18;
        }

        // The code as a barcode, centred, with the code in text under it.
        boolean[] modules = new Code128Writer().encode(label.returnCode());
        // Long codes get narrower bars, so that the bars and their quiet zones stay inside the frame.
        float module = Math.min(MODULE, (innerRight - x) / (modules.length + 2 * QUIET_ZONE_MODULES));
        float barsWidth = modules.length * module;
        float barsLeft = (PAGE.getWidth() - barsWidth) / 2;
        float barsBottom = LABEL_BOTTOM + 62;
        canvas.bars(modules, barsLeft, barsBottom, module, BAR_HEIGHT);
        String code = label.returnCode();
        canvas.bold(code, (PAGE.getWidth() - canvas.width(code, 16)) / 2, barsBottom - 20, 16);

        float bottom = LABEL_BOTTOM + PAD;
        canvas.text(words.getProperty("order") + " " + label.orderId(), x, bottom, 11, 0);
        String returnLine = words.getProperty("return") + " " + label.returnId() + " · "
                + words.getProperty("created") + " " + DATE.format(label.createdAt());
        returnLine = canvas.fit(returnLine, 9, innerRight - x - 200, false);
        canvas.text(returnLine, innerRight - canvas.width(returnLine, 9), bottom, 9, GREY);
    }

    private static void drawCutLine(Canvas canvas, Properties words) throws IOException {
        canvas.dashed(LEFT, CUT_LINE, RIGHT, CUT_LINE);
        String cut = words.getProperty("cut");
        canvas.text(cut, RIGHT - canvas.width(cut, 8), CUT_LINE + 4, 8, GREY);
    }

    /** The lower half: what goes into the parcel, and what the customer reads first. */
    private static void drawSlip(Canvas canvas, ReturnLabel label, Properties words) throws IOException {
        float y = CUT_LINE - 30;
        canvas.bold(words.getProperty("items"), LEFT, y, 14);
        y -= 18;
        canvas.text(canvas.fit(words.getProperty("order") + " " + label.orderId() + " · " + words.getProperty("code")
                + " " + label.returnCode(), 10, RIGHT - LEFT, false), LEFT, y, 10, 0);
        y -= 22;
        String instruction = words.getProperty("instruction").replace("{carrier}", label.carrier());
        for (String line : first(canvas.wrap(instruction, 10, RIGHT - LEFT), 4)) {
            canvas.text(line, LEFT, y, 10, 0);
            y -= 13;
        }
        y -= 14;
        float variantX = LEFT + (RIGHT - LEFT) * 0.58f;
        canvas.text(words.getProperty("item"), LEFT, y, 9, GREY);
        canvas.text(words.getProperty("variant"), variantX, y, 9, GREY);
        String quantity = words.getProperty("quantity");
        canvas.text(quantity, RIGHT - canvas.width(quantity, 9), y, 9, GREY);
        y -= 5;
        canvas.line(LEFT, y, RIGHT, y);
        y -= 15;
        float lowest = MARGIN + 10;
        int room = (int) ((y - lowest) / 16) + 1;
        List<ReturnLabel.Line> lines = label.lines();
        int shown = lines.size() <= room ? lines.size() : room - 1;
        for (ReturnLabel.Line line : lines.subList(0, shown)) {
            canvas.text(canvas.fit(line.name(), 11, variantX - LEFT - 12, false), LEFT, y, 11, 0);
            canvas.text(canvas.fit(line.variant(), 11, RIGHT - variantX - 40, false), variantX, y, 11, 0);
            String units = String.valueOf(line.quantity());
            canvas.text(units, RIGHT - canvas.width(units, 11), y, 11, 0);
            y -= 16;
        }
        if (shown < lines.size()) {
            canvas.text(words.getProperty("more").replace("{count}", String.valueOf(lines.size() - shown)),
                    LEFT, y, 11, GREY);
        }
    }

    private static <T> List<T> first(List<T> list, int count) {
        return list.size() <= count ? list : list.subList(0, count);
    }

    /** Drawing with one font: text that always fits the font, bold by outline, lines, bars. */
    private static final class Canvas implements AutoCloseable {
        private final PDPageContentStream stream;
        private final PDType0Font font;
        private final CmapLookup cmap;

        Canvas(PDPageContentStream stream, PDType0Font font, CmapLookup cmap) {
            this.stream = stream;
            this.font = font;
            this.cmap = cmap;
        }

        void text(String text, float x, float y, float size, float grey) throws IOException {
            show(text, x, y, size, grey, false);
        }

        void bold(String text, float x, float y, float size) throws IOException {
            show(text, x, y, size, 0, true);
        }

        private void show(String text, float x, float y, float size, float grey, boolean bold) throws IOException {
            String printable = printable(text);
            if (printable.isEmpty()) {
                return;
            }
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(grey);
            if (bold) {
                stream.setStrokingColor(0f);
                stream.setLineWidth(size * 0.03f);
                stream.setRenderingMode(RenderingMode.FILL_STROKE);
            } else {
                stream.setRenderingMode(RenderingMode.FILL);
            }
            stream.newLineAtOffset(x, y);
            stream.showText(printable);
            stream.endText();
        }

        float width(String text, float size) throws IOException {
            return font.getStringWidth(printable(text)) / 1000 * size;
        }

        /** The text, cut with '…' to {@code maxWidth} when it is wider. */
        String fit(String text, float size, float maxWidth, boolean bold) throws IOException {
            String printable = printable(text);
            float slack = bold ? size * 0.03f : 0;
            if (width(printable, size) + slack <= maxWidth) {
                return printable;
            }
            int end = printable.length();
            while (end > 0 && width(printable.substring(0, end) + "…", size) + slack > maxWidth) {
                end = printable.offsetByCodePoints(end, -1);
            }
            return printable.substring(0, end).stripTrailing() + "…";
        }

        /** The text broken at spaces into lines no wider than {@code maxWidth}. */
        List<String> wrap(String text, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : printable(text).split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && width(candidate, size) > maxWidth) {
                    lines.add(fit(line.toString(), size, maxWidth, false));
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            if (line.length() > 0) {
                lines.add(fit(line.toString(), size, maxWidth, false));
            }
            return lines;
        }

        /**
         * What the font can show: composed (NFC, so "e" and a combining accent become "é"), white
         * space as plain spaces, and '?' for any character the font has no glyph for.
         */
        private String printable(String text) {
            if (text == null) {
                return "";
            }
            String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
            StringBuilder out = new StringBuilder(composed.length());
            composed.codePoints().forEach(c -> {
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    out.append(' ');
                } else if (cmap.getGlyphId(c) > 0) {
                    out.appendCodePoint(c);
                } else {
                    out.append('?');
                }
            });
            return out.toString().strip();
        }

        void line(float x1, float y1, float x2, float y2) throws IOException {
            stream.setStrokingColor(0.6f);
            stream.setLineWidth(0.6f);
            stream.moveTo(x1, y1);
            stream.lineTo(x2, y2);
            stream.stroke();
        }

        void dashed(float x1, float y1, float x2, float y2) throws IOException {
            stream.saveGraphicsState();
            stream.setLineDashPattern(new float[] {5, 4}, 0);
            line(x1, y1, x2, y2);
            stream.restoreGraphicsState();
        }

        void frame(float x, float y, float width, float height) throws IOException {
            stream.setStrokingColor(0f);
            stream.setLineWidth(1.2f);
            stream.addRect(x, y, width, height);
            stream.stroke();
        }

        /** One filled rectangle per run of dark modules. */
        void bars(boolean[] modules, float x, float y, float module, float height) throws IOException {
            stream.setNonStrokingColor(0f);
            int i = 0;
            while (i < modules.length) {
                if (!modules[i]) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < modules.length && modules[i]) {
                    i++;
                }
                stream.addRect(x + start * module, y, (i - start) * module, height);
            }
            stream.fill();
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /**
     * The font, parsed at first use. Its GSUB table (ligatures and other substitutions) is switched
     * off: a label wants none, and PDFBox applies it to every text it shows by compiling regular
     * expressions, which measured ~4 ms a line here (a label: over 100 ms) against well under 0.1 ms.
     */
    private static TrueTypeFont font() throws IOException {
        if (font == null) {
            try (InputStream in = PDDocument.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("PDFBox no longer ships " + FONT_RESOURCE + "; the label needs a "
                            + "font with Latin diacritics and Cyrillic");
                }
                TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
                parsed.setEnableGsub(false);
                font = parsed;
            }
        }
        return font;
    }

    private static Map<Language, Properties> wording() {
        Map<Language, Properties> wording = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            try (InputStream in = LabelPdf.class.getResourceAsStream("/labels/" + language.tag() + ".properties")) {
                if (in == null) {
                    throw new IllegalStateException("no label wording for " + language.tag());
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            wording.put(language, properties);
        }
        return wording;
    }
}
