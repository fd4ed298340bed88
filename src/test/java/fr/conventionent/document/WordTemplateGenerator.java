package fr.conventionent.document;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.docx4j.XmlUtils;
import org.docx4j.jaxb.Context;
import org.docx4j.model.table.TblFactory;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.WordprocessingML.MainDocumentPart;
import org.docx4j.openpackaging.parts.WordprocessingML.NumberingDefinitionsPart;
import org.docx4j.wml.BooleanDefaultTrue;
import org.docx4j.wml.Br;
import org.docx4j.wml.CTBorder;
import org.docx4j.wml.Jc;
import org.docx4j.wml.JcEnumeration;
import org.docx4j.wml.Numbering;
import org.docx4j.wml.ObjectFactory;
import org.docx4j.wml.P;
import org.docx4j.wml.PPr;
import org.docx4j.wml.PPrBase;
import org.docx4j.wml.R;
import org.docx4j.wml.RPr;
import org.docx4j.wml.STBorder;
import org.docx4j.wml.STBrType;
import org.docx4j.wml.Tbl;
import org.docx4j.wml.TblBorders;
import org.docx4j.wml.TblPr;
import org.docx4j.wml.Tc;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Builds the Word templates of src/main/resources/documents once, from the marked-up text of
 * src/test/resources/documents-source (see the head of each file): real Title and Heading styles, real Word
 * numbering for lists, every placeholder in a single run. The .docx files are what the application reads; once
 * the DACES edits them in Word, do not regenerate them (it would lose those edits). Run with
 * {@code mvn -o -q test -Dtest=WordTemplateGenerator -Dmodeles.generer=true}.
 */
class WordTemplateGenerator {

    private static final ObjectFactory WML = Context.getWmlObjectFactory();
    private static final int PAGE_WIDTH_TWIPS = 9000;
    private static final Path TARGET = Path.of("src/main/resources/documents");
    private static final Pattern NUMBERED = Pattern.compile("^\\d+\\. (.*)$");
    private static final Pattern TAG = Pattern.compile("^\\[\\[(\\w+) ?(.*)]]$");

    static final int NUM_BULLET = 1;
    static final int NUM_ARTICLE = 2;

    @Test
    @EnabledIfSystemProperty(named = "modeles.generer", matches = "true")
    void generateTheWordTemplates() throws Exception {
        for (String name : List.of("convention-ent", "avenant", "lettre", "charte-utilisateurs-ent")) {
            Files.write(TARGET.resolve(name + ".docx"), build(source(name)));
        }
    }

    private static List<String> source(String name) throws IOException {
        try (InputStream in = WordTemplateGenerator.class.getResourceAsStream("/documents-source/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("//")).toList();
        }
    }

    static byte[] build(List<String> lines) throws Exception {
        WordprocessingMLPackage pkg = WordprocessingMLPackage.createPackage();
        MainDocumentPart main = pkg.getMainDocumentPart();
        main.getPropertyResolver().activateStyle("ListParagraph");
        int lists = 0;
        boolean inList = false;
        Tbl table = null;
        for (String line : lines) {
            Matcher numbered = NUMBERED.matcher(line);
            Matcher tag = TAG.matcher(line);
            boolean numberedItem = numbered.matches();
            if (numberedItem && !inList) {
                lists++;
            }
            inList = numberedItem;
            if (!tag.matches() || !tag.group(1).equals("LIGNE") && !tag.group(1).equals("BLOCS")) {
                table = null;
            }
            if (numberedItem) {
                main.getContent().add(listItem(numbered.group(1), NUM_ARTICLE + lists));
            } else if (tag.matches()) {
                String argument = tag.group(2);
                switch (tag.group(1)) {
                    case "SAUT" -> main.getContent().add(pageBreak());
                    case "VIDE" -> main.getContent().add(paragraph("", false, null));
                    case "TABLEAU" -> {
                        table = table(cells(argument).size(), true);
                        table.getContent().add(row(cells(argument), true));
                        main.getContent().add(table);
                    }
                    case "LIGNE" -> table.getContent().add(row(cells(argument), false));
                    case "BLOCS" -> {
                        if (table == null) {
                            table = table(cells(argument).size(), false);
                            main.getContent().add(table);
                        }
                        table.getContent().add(row(cells(argument), false));
                    }
                    default -> throw new IllegalArgumentException("Balise inconnue : " + line);
                }
            } else if (line.startsWith("= ")) {
                main.addStyledParagraphOfText("Title", line.substring(2));
            } else if (line.startsWith("#n ")) {
                P heading = main.addStyledParagraphOfText("Heading1", line.substring(3));
                heading.getPPr().setNumPr(numPr(NUM_ARTICLE));
            } else if (line.startsWith("### ")) {
                main.addStyledParagraphOfText("Heading3", line.substring(4));
            } else if (line.startsWith("## ")) {
                main.addStyledParagraphOfText("Heading2", line.substring(3));
            } else if (line.startsWith("# ")) {
                main.addStyledParagraphOfText("Heading1", line.substring(2));
            } else if (line.startsWith("- ")) {
                main.getContent().add(listItem(line.substring(2), NUM_BULLET));
            } else if (line.startsWith("> ")) {
                main.getContent().add(paragraph(line.substring(2), false, JcEnumeration.CENTER));
            } else if (line.startsWith("! ")) {
                main.getContent().add(paragraph(line.substring(2), true, null));
            } else {
                main.getContent().add(paragraph(line, false, null));
            }
        }
        NumberingDefinitionsPart numbering = new NumberingDefinitionsPart();
        numbering.setJaxbElement((Numbering) XmlUtils.unmarshalString(numberingXml(lists)));
        main.addTargetPart(numbering);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        pkg.save(out);
        return out.toByteArray();
    }

    /**
     * Three lists: bullets (1), "Article n –" headings (2), and one decimal list per run of numbered items (3…),
     * each restarting at 1.
     */
    private static String numberingXml(int decimalLists) {
        StringBuilder xml = new StringBuilder("<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/"
                + "wordprocessingml/2006/main\">");
        xml.append(abstractNum(0, "bullet", "\u2022", 567, 283, "<w:suff w:val=\"tab\"/>"));
        xml.append(abstractNum(1, "decimal", "Article %1 \u2013", 1701, 1701, "<w:suff w:val=\"tab\"/>"));
        xml.append(abstractNum(2, "decimal", "%1.", 567, 397, "<w:suff w:val=\"tab\"/>"));
        xml.append(num(NUM_BULLET, 0, false)).append(num(NUM_ARTICLE, 1, false));
        for (int i = 1; i <= decimalLists; i++) {
            xml.append(num(NUM_ARTICLE + i, 2, true));
        }
        return xml.append("</w:numbering>").toString();
    }

    private static String abstractNum(int id, String format, String text, int left, int hanging, String suffix) {
        return "<w:abstractNum w:abstractNumId=\"" + id + "\"><w:multiLevelType w:val=\"singleLevel\"/>"
                + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"" + format + "\"/>" + suffix
                + "<w:lvlText w:val=\"" + text + "\"/><w:lvlJc w:val=\"left\"/>"
                + "<w:pPr><w:ind w:left=\"" + left + "\" w:hanging=\"" + hanging + "\"/></w:pPr></w:lvl></w:abstractNum>";
    }

    private static String num(int id, int abstractId, boolean restart) {
        return "<w:num w:numId=\"" + id + "\"><w:abstractNumId w:val=\"" + abstractId + "\"/>"
                + (restart ? "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>" : "")
                + "</w:num>";
    }

    private static PPrBase.NumPr numPr(int numId) {
        PPrBase.NumPr numPr = WML.createPPrBaseNumPr();
        PPrBase.NumPr.Ilvl ilvl = WML.createPPrBaseNumPrIlvl();
        ilvl.setVal(BigInteger.ZERO);
        numPr.setIlvl(ilvl);
        PPrBase.NumPr.NumId id = WML.createPPrBaseNumPrNumId();
        id.setVal(BigInteger.valueOf(numId));
        numPr.setNumId(id);
        return numPr;
    }

    private static P listItem(String text, int numId) {
        P p = paragraph(text, false, null);
        PPrBase.PStyle style = WML.createPPrBasePStyle();
        style.setVal("ListParagraph");
        p.getPPr().setPStyle(style);
        p.getPPr().setNumPr(numPr(numId));
        return p;
    }

    private static List<String> cells(String argument) {
        List<String> cells = new ArrayList<>();
        for (String cell : argument.split("\\|", -1)) {
            cells.add(cell.trim());
        }
        return cells;
    }

    private static Tbl table(int columns, boolean borders) {
        Tbl tbl = TblFactory.createTable(0, columns, PAGE_WIDTH_TWIPS / columns);
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

    private static Tr row(List<String> cells, boolean bold) {
        Tr tr = WML.createTr();
        for (String cell : cells) {
            Tc tc = WML.createTc();
            org.docx4j.wml.TcPr tcPr = WML.createTcPr();
            org.docx4j.wml.TblWidth width = WML.createTblWidth();
            width.setW(BigInteger.valueOf(PAGE_WIDTH_TWIPS / cells.size()));
            width.setType("dxa");
            tcPr.setTcW(width);
            tc.setTcPr(tcPr);
            for (String line : cell.split("\\\\n", -1)) {
                tc.getContent().add(paragraph(line, bold, null));
            }
            tr.getContent().add(tc);
        }
        return tr;
    }

    private static CTBorder border() {
        CTBorder border = new CTBorder();
        border.setVal(STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(4));
        border.setColor("auto");
        return border;
    }

    private static P pageBreak() {
        P p = WML.createP();
        R r = WML.createR();
        Br br = WML.createBr();
        br.setType(STBrType.PAGE);
        r.getContent().add(br);
        p.getContent().add(r);
        return p;
    }

    /** One run per paragraph: each placeholder stays whole. */
    private static P paragraph(String text, boolean bold, JcEnumeration alignment) {
        P p = WML.createP();
        PPr ppr = WML.createPPr();
        if (alignment != null) {
            Jc jc = WML.createJc();
            jc.setVal(alignment);
            ppr.setJc(jc);
        }
        p.setPPr(ppr);
        if (text.isEmpty()) {
            return p;
        }
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
