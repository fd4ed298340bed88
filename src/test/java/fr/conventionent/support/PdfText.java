package fr.conventionent.support;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text and page count of a PDF, read back with PDFBox, for assertions. */
public record PdfText(String text, int pages) {

    public static PdfText of(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PdfText(new PDFTextStripper().getText(document), document.getNumberOfPages());
        }
    }

    /** The text on one line: PDF line breaks fall anywhere in a sentence. */
    public String flat() {
        return text.replaceAll("\\s+", " ");
    }
}
