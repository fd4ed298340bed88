package fr.conventionent.document;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.docx4j.XmlUtils;
import org.docx4j.jaxb.Context;
import org.docx4j.openpackaging.exceptions.Docx4JException;
import org.docx4j.openpackaging.packages.WordprocessingMLPackage;
import org.docx4j.openpackaging.parts.Part;
import org.docx4j.openpackaging.parts.WordprocessingML.FooterPart;
import org.docx4j.openpackaging.parts.WordprocessingML.HeaderPart;
import org.docx4j.wml.ContentAccessor;
import org.docx4j.wml.P;
import org.docx4j.wml.R;
import org.docx4j.wml.SdtElement;
import org.docx4j.wml.Text;
import org.docx4j.wml.Tr;

/**
 * One Word template being filled: {@code ${name}} fields, table rows and paragraphs that repeat per item, and
 * sections kept or dropped ({@code ${si:name}} … {@code ${fin:name}}, each marker alone in its paragraph).
 * A field that Word split over several runs (after an edit) is still found: the paragraph's text is read whole,
 * and the value goes into the run where the field begins, with its formatting.
 */
public final class WordTemplate {

    private static final Pattern FIELD = Pattern.compile("\\$\\{([\\w.:]+)}");

    private final String origin;
    private final WordprocessingMLPackage pkg;

    WordTemplate(String origin, WordprocessingMLPackage pkg) {
        this.origin = origin;
        this.pkg = pkg;
    }

    /** Keeps what lies between {@code ${si:name}} and {@code ${fin:name}}, or drops it; the markers go. */
    public WordTemplate section(String name, boolean keep) {
        for (List<Object> content : containers()) {
            for (Located start : find(content, P.class, p -> text(p).trim().equals("${si:" + name + "}"))) {
                List<Object> list = start.list();
                int from = list.indexOf(start.item());
                int to = -1;
                for (int i = from + 1; i < list.size() && to < 0; i++) {
                    if (XmlUtils.unwrap(list.get(i)) instanceof P p && text(p).trim().equals("${fin:" + name + "}")) {
                        to = i;
                    }
                }
                if (to < 0) {
                    throw new IllegalStateException("Le modèle " + origin + " ouvre la section ${si:" + name
                            + "} sans la fermer par ${fin:" + name + "} au même niveau.");
                }
                if (keep) {
                    list.remove(to);
                    list.remove(from);
                } else {
                    list.subList(from, to + 1).clear();
                }
            }
        }
        return this;
    }

    /** Each table row holding {@code ${name.key}} fields repeats once per item (none: the row goes). */
    public WordTemplate rows(String name, List<Map<String, String>> items) {
        for (List<Object> content : containers()) {
            for (Located row : find(content, Tr.class, tr -> text(tr).contains("${" + name + "."))) {
                List<Object> list = row.list();
                int at = list.indexOf(row.item());
                for (int i = 0; i < items.size(); i++) {
                    Map<String, String> item = items.get(i);
                    Tr copy = XmlUtils.deepCopy((Tr) row.element());
                    for (Located p : find(copy.getContent(), P.class, p -> true)) {
                        replace((P) p.element(), field -> field.startsWith(name + ".")
                                ? item.get(field.substring(name.length() + 1)) : null);
                    }
                    list.add(at + 1 + i, copy);
                }
                list.remove(at);
            }
        }
        return this;
    }

    /** Each paragraph holding {@code ${name}} repeats once per value (none: the paragraph goes). */
    public WordTemplate paragraphs(String name, List<String> values) {
        for (List<Object> content : containers()) {
            for (Located paragraph : find(content, P.class, p -> text(p).contains("${" + name + "}"))) {
                List<Object> list = paragraph.list();
                int at = list.indexOf(paragraph.item());
                for (int i = 0; i < values.size(); i++) {
                    String value = values.get(i);
                    P copy = XmlUtils.deepCopy((P) paragraph.element());
                    replace(copy, field -> field.equals(name) ? value : null);
                    list.add(at + 1 + i, copy);
                }
                list.remove(at);
            }
        }
        return this;
    }

    /** Fills every {@code ${name}} found in values; a line break in a value becomes a line break in Word. */
    public WordTemplate fill(Map<String, String> values) {
        for (List<Object> content : containers()) {
            for (Located p : find(content, P.class, p -> true)) {
                replace((P) p.element(), values::get);
            }
        }
        return this;
    }

    /** The filled document; refused while a field is left (misspelt in the template, or unknown). */
    public byte[] toDocx() {
        for (List<Object> content : containers()) {
            for (Located p : find(content, P.class, p -> FIELD.matcher(text(p)).find())) {
                Matcher left = FIELD.matcher(text(p.element()));
                left.find();
                throw new IllegalStateException("Le modèle " + origin + " contient un champ inconnu : "
                        + left.group() + " (voir la liste des champs dans le README).");
            }
        }
        return bytesOf(pkg);
    }

    /** The package as a .docx file. */
    static byte[] bytesOf(WordprocessingMLPackage pkg) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pkg.save(out);
            return out.toByteArray();
        } catch (Docx4JException e) {
            throw new IllegalStateException("Enregistrement du document impossible", e);
        }
    }

    /** The body, then the headers and footers. */
    private List<List<Object>> containers() {
        List<List<Object>> containers = new ArrayList<>();
        containers.add(pkg.getMainDocumentPart().getContent());
        for (Part part : pkg.getParts().getParts().values()) {
            if (part instanceof HeaderPart header) {
                containers.add(header.getContent());
            } else if (part instanceof FooterPart footer) {
                containers.add(footer.getContent());
            }
        }
        return containers;
    }

    private record Located(List<Object> list, Object item, Object element) {
    }

    private interface Match {
        boolean test(Object element);
    }

    /** Block-level elements of a type, in tables and content controls too (not inside paragraphs). */
    private static List<Located> find(List<Object> content, Class<?> type, Match match) {
        List<Located> found = new ArrayList<>();
        collect(content, type, match, found);
        return found;
    }

    private static void collect(List<Object> content, Class<?> type, Match match, List<Located> found) {
        for (Object item : content) {
            Object element = XmlUtils.unwrap(item);
            if (type.isInstance(element)) {
                if (match.test(element)) {
                    found.add(new Located(content, item, element));
                }
            } else if (element instanceof P) {
                continue;
            } else if (element instanceof SdtElement sdt && sdt.getSdtContent() != null) {
                collect(sdt.getSdtContent().getContent(), type, match, found);
            } else if (element instanceof ContentAccessor accessor) {
                collect(accessor.getContent(), type, match, found);
            }
        }
    }

    /** A text node, where it sits in its run. */
    private record RunText(R run, Text text) {
    }

    private static List<RunText> texts(Object element) {
        List<RunText> texts = new ArrayList<>();
        collectTexts(element, texts);
        return texts;
    }

    private static void collectTexts(Object element, List<RunText> texts) {
        if (element instanceof R run) {
            for (Object child : run.getContent()) {
                if (XmlUtils.unwrap(child) instanceof Text text) {
                    texts.add(new RunText(run, text));
                }
            }
        } else if (element instanceof SdtElement sdt && sdt.getSdtContent() != null) {
            for (Object child : sdt.getSdtContent().getContent()) {
                collectTexts(XmlUtils.unwrap(child), texts);
            }
        } else if (element instanceof ContentAccessor accessor) {
            for (Object child : accessor.getContent()) {
                collectTexts(XmlUtils.unwrap(child), texts);
            }
        }
    }

    private static String text(Object element) {
        StringBuilder text = new StringBuilder();
        for (RunText runText : texts(element)) {
            text.append(runText.text().getValue());
        }
        return text.toString();
    }

    /** Replaces the fields values knows (null: left as is), right to left so that earlier offsets stay true. */
    private static void replace(P p, Function<String, String> values) {
        List<RunText> texts = texts(p);
        int[] starts = new int[texts.size()];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            starts[i] = joined.length();
            joined.append(texts.get(i).text().getValue());
        }
        List<MatchResult> fields = FIELD.matcher(joined).results().toList();
        if (fields.isEmpty()) {
            return;
        }
        for (int f = fields.size() - 1; f >= 0; f--) {
            MatchResult field = fields.get(f);
            String value = values.apply(field.group(1));
            if (value == null) {
                continue;
            }
            int first = indexAt(starts, field.start());
            int last = indexAt(starts, field.end() - 1);
            Text head = texts.get(first).text();
            String before = head.getValue().substring(0, field.start() - starts[first]);
            if (first == last) {
                head.setValue(before + value + head.getValue().substring(field.end() - starts[first]));
            } else {
                Text tail = texts.get(last).text();
                tail.setValue(tail.getValue().substring(field.end() - starts[last]));
                for (int i = first + 1; i < last; i++) {
                    texts.get(i).text().setValue("");
                }
                head.setValue(before + value);
            }
            head.setSpace("preserve");
        }
        for (int i = texts.size() - 1; i >= 0; i--) {
            if (texts.get(i).text().getValue().contains("\n")) {
                breakLines(texts.get(i));
            }
        }
    }

    private static int indexAt(int[] starts, int offset) {
        int index = 0;
        while (index + 1 < starts.length && starts[index + 1] <= offset) {
            index++;
        }
        return index;
    }

    private static void breakLines(RunText runText) {
        List<Object> content = runText.run().getContent();
        int at = 0;
        while (XmlUtils.unwrap(content.get(at)) != runText.text()) {
            at++;
        }
        content.remove(at);
        String[] lines = runText.text().getValue().split("\n", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            Text text = Context.getWmlObjectFactory().createText();
            text.setValue(lines[i]);
            text.setSpace("preserve");
            content.add(at, Context.getWmlObjectFactory().createRT(text));
            if (i > 0) {
                content.add(at, Context.getWmlObjectFactory().createBr());
            }
        }
    }
}
