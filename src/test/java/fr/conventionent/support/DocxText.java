package fr.conventionent.support;

import java.io.ByteArrayInputStream;

import org.docx4j.TextUtils;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;

/** The text of a generated DOCX, read back with docx4j, for assertions. */
public final class DocxText {

    private DocxText() {
    }

    public static String of(byte[] docx) throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.load(new ByteArrayInputStream(docx));
        return TextUtils.getText(pkg.getMainDocumentPart().getJaxbElement());
    }
}
