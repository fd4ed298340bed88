package fr.conventionent.support;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.docx4j.TextUtils;
import org.docx4j.XmlUtils;
import org.docx4j.finders.ClassFinder;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.NumberingDefinitionsPart;
import org.docx4j.TraversalUtil;
import org.docx4j.wml.P;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.Tr;

/** A generated DOCX read back with docx4j: its text, styles, Word numbering and tables, for assertions. */
public final class WordDocument {

    private final WordprocessingMLPackage pkg;

    private WordDocument(WordprocessingMLPackage pkg) {
        this.pkg = pkg;
    }

    public static WordDocument of(byte[] docx) throws Exception {
        return new WordDocument(WordprocessingMLPackage.load(new ByteArrayInputStream(docx)));
    }

    public String text() throws Exception {
        return TextUtils.getText(pkg.getMainDocumentPart().getJaxbElement());
    }

    /** The text of each paragraph of this style (style id: Title, Heading1…). */
    public List<String> paragraphsStyled(String styleId) {
        List<String> texts = new ArrayList<>();
        for (P p : paragraphs()) {
            if (p.getPPr() != null && p.getPPr().getPStyle() != null && styleId.equals(p.getPPr().getPStyle().getVal())) {
                texts.add(text(p));
            }
        }
        return texts;
    }

    /**
     * The text of each paragraph numbered by Word (a numbering reference whose list the numbering part defines),
     * with the format of its list: "bullet", "decimal"…
     */
    public List<String> numberedParagraphs(String format) {
        NumberingDefinitionsPart numbering = pkg.getMainDocumentPart().getNumberingDefinitionsPart();
        List<String> texts = new ArrayList<>();
        if (numbering == null) {
            return texts;
        }
        for (P p : paragraphs()) {
            if (p.getPPr() == null || p.getPPr().getNumPr() == null || p.getPPr().getNumPr().getNumId() == null) {
                continue;
            }
            String numId = p.getPPr().getNumPr().getNumId().getVal().toString();
            var level = numbering.getInstanceListDefinitions().get(numId);
            if (level != null && format.equals(level.getLevel("0").getNumFmt().value())) {
                texts.add(text(p));
            }
        }
        return texts;
    }

    /** The rows (each as its text, cells separated by " | ") of the first table whose first row contains header. */
    public List<String> tableRows(String header) {
        ClassFinder tables = new ClassFinder(Tbl.class);
        new TraversalUtil(pkg.getMainDocumentPart().getContent(), tables);
        for (Object found : tables.results) {
            Tbl tbl = (Tbl) found;
            List<String> rows = new ArrayList<>();
            for (Object row : tbl.getContent()) {
                if (XmlUtils.unwrap(row) instanceof Tr tr) {
                    List<String> cells = new ArrayList<>();
                    for (Object cell : tr.getContent()) {
                        cells.add(text(XmlUtils.unwrap(cell)));
                    }
                    rows.add(String.join(" | ", cells));
                }
            }
            if (!rows.isEmpty() && rows.get(0).contains(header)) {
                return rows;
            }
        }
        throw new AssertionError("Aucun tableau dont l'en-tête contient « " + header + " »");
    }

    private List<P> paragraphs() {
        ClassFinder finder = new ClassFinder(P.class);
        new TraversalUtil(pkg.getMainDocumentPart().getContent(), finder);
        return finder.results.stream().map(P.class::cast).toList();
    }

    private static String text(Object element) {
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            TextUtils.extractText(element, out);
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
