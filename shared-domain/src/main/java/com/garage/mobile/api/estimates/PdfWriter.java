package com.garage.mobile.api.estimates;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes lines of text top to bottom over as many A4 pages as it takes. The standard fonts know
 * WinAnsi only, so any other character (an emoji in a customer's note) prints as "?".
 */
final class PdfWriter implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float LEADING = 14;
    private static final float[] COLUMNS = {0, 250, 300, 380, 460};

    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream content;
    private float y;

    PdfWriter(PDDocument document, PDPage first) throws IOException {
        this.document = document;
        start(first);
    }

    void heading(String text) throws IOException {
        write(bold, 14, MARGIN, text);
        y -= LEADING;
    }

    void text(String text) throws IOException {
        for (String line : wrap(printable(text), 95)) {
            write(regular, 10, MARGIN, line);
            y -= LEADING;
        }
    }

    void columns(String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            String cell = printable(cells[i]);
            write(regular, 10, MARGIN + COLUMNS[i], i == 0 && cell.length() > 45 ? cell.substring(0, 44) + "." : cell);
        }
        y -= LEADING;
    }

    void gap() {
        y -= LEADING / 2;
    }

    /** A drawn signature, scaled from its 0..1000 square into a 200 x 60 box. */
    void strokes(String json) throws IOException {
        List<List<List<Integer>>> strokes = ApprovalDocument.strokes(json);
        if (strokes.isEmpty()) {
            return;
        }
        room(70);
        float top = y;
        for (List<List<Integer>> stroke : strokes) {
            for (int i = 0; i < stroke.size(); i++) {
                float px = MARGIN + stroke.get(i).get(0) * 0.2f;
                float py = top - stroke.get(i).get(1) * 0.06f;
                if (i == 0) {
                    content.moveTo(px, py);
                } else {
                    content.lineTo(px, py);
                }
            }
            content.stroke();
        }
        y -= 70;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    private void write(PDType1Font font, float size, float x, String text) throws IOException {
        room(LEADING);
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            content.close();
            start(new PDPage(PDRectangle.A4));
        }
    }

    private void start(PDPage page) throws IOException {
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    private String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String one = new String(Character.toChars(cp));
            out.append(encodable(one) ? one : "?");
        });
        return out.toString();
    }

    private boolean encodable(String character) {
        if (character.equals("\n") || character.equals("\r") || character.equals("\t")) {
            return false;
        }
        try {
            regular.encode(character);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            cut = cut <= 0 ? width : cut;
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }
}
