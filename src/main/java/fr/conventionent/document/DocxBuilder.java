package fr.conventionent.document;

import java.math.BigInteger;
import java.util.List;

import org.docx4j.jaxb.Context;
import org.docx4j.model.table.TblFactory;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblBorders;
import org.docx4j.wml.TblPr;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;

/**
 * A thin layer over docx4j for the record sheets the application writes itself (bordereau de circuit, closure
 * sheet): titles, headings, paragraphs, tables. The documents the DACES edits come from Word templates
 * ({@link WordTemplates}).
 */
public class DocxBuilder {

    private static final ObjectFactory WML = Context.getWmlObjectFactory();
    private static final int PAGE_WIDTH_TWIPS = 9000;

    private final WordprocessingMLPackage pkg;
    private final MainDocumentPart main;

    public DocxBuilder() {
        try {
            pkg = WordprocessingMLPackage.createPackage();
        } catch (Docx4JException e) {
            throw new IllegalStateException("Création du document impossible", e);
        }
        main = pkg.getMainDocumentPart();
    }

    public DocxBuilder title(String text) {
        main.addStyledParagraphOfText("Title", text);
        return this;
    }

    public DocxBuilder heading(int level, String text) {
        main.addStyledParagraphOfText("Heading" + level, text);
        return this;
    }

    public DocxBuilder paragraph(String text) {
        main.getContent().add(paragraphOf(text, false, null));
        return this;
    }

    public DocxBuilder centered(String text) {
        main.getContent().add(paragraphOf(text, false, JcEnumeration.CENTER));
        return this;
    }

    /** A bordered table; the first row is the header, in bold. */
    public DocxBuilder table(List<String> header, List<List<String>> rows) {
        main.getContent().add(tableOf(header, rows, true));
        return this;
    }

    public byte[] toBytes() {
        return WordTemplate.bytesOf(pkg);
    }

    private Tbl tableOf(List<String> header, List<List<String>> rows, boolean borders) {
        int columns = header.size();
        Tbl tbl = TblFactory.createTable(rows.size() + 1, columns, PAGE_WIDTH_TWIPS / columns);
        List<List<String>> all = new java.util.ArrayList<>();
        all.add(header);
        all.addAll(rows);
        fill(tbl, all, 0);
        if (borders) {
            TblPr tblPr = tbl.getTblPr() == null ? WML.createTblPr() : tbl.getTblPr();
            TblBorders tblBorders = WML.createTblBorders();
            tblBorders.setTop(border());
            tblBorders.setBottom(border());
            tblBorders.setLeft(border());
            tblBorders.setRight(border());
            tblBorders.setInsideH(border());
            tblBorders.setInsideV(border());
            tblPr.setTblBorders(tblBorders);
            tbl.setTblPr(tblPr);
        }
        return tbl;
    }

    private static void fill(Tbl tbl, List<List<String>> rows, int boldRow) {
        for (int i = 0; i < rows.size(); i++) {
            Tr tr = (Tr) tbl.getContent().get(i);
            for (int j = 0; j < rows.get(i).size(); j++) {
                Tc tc = (Tc) tr.getContent().get(j);
                tc.getContent().clear();
                for (String line : rows.get(i).get(j).split("\n", -1)) {
                    tc.getContent().add(paragraphOf(line, i == boldRow, null));
                }
            }
        }
    }

    private static CTBorder border() {
        CTBorder border = new CTBorder();
        border.setVal(STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(4));
        border.setColor("auto");
        return border;
    }

    private static P paragraphOf(String text, boolean bold, JcEnumeration alignment) {
        P p = WML.createP();
        PPr ppr = WML.createPPr();
        if (alignment != null) {
            Jc jc = WML.createJc();
            jc.setVal(alignment);
            ppr.setJc(jc);
        }
        p.setPPr(ppr);
        R r = WML.createR();
        if (bold) {
            RPr rpr = WML.createRPr();
            rpr.setB(new BooleanDefaultTrue());
            r.setRPr(rpr);
        }
        Text t = WML.createText();
        t.setValue(text);
        t.setSpace("preserve");
        r.getContent().add(t);
        p.getContent().add(r);
        return p;
    }
}
