package fr.conventionent.config.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of an embedded (HTML) task form: the inputs bound with {@code cam-variable-name}, and the variables its
 * script builds itself (lists, dates picked in the page), which the form declares in a
 * {@code <script type="application/json" class="variables-du-formulaire">} block:
 * {@code {"ecoles": {"type": "Json", "label": "Écoles (annexe 1)"}}}.
 */
final class EmbeddedFormReader {

    static final String DECLARATION = "script.variables-du-formulaire";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmbeddedFormReader() {
    }

    static FormFields read(byte[] html) {
        Document form = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        Map<String, FormField> fields = new LinkedHashMap<>();
        for (Element input : form.select("[cam-variable-name]")) {
            String name = input.attr("cam-variable-name");
            fields.put(name, FormField.of(name, label(form, input, name), kind(input.attr("cam-variable-type"))));
        }
        for (Element declaration : form.select(DECLARATION)) {
            try {
                Iterator<Map.Entry<String, JsonNode>> declared = JSON.readTree(declaration.data()).fields();
                while (declared.hasNext()) {
                    Map.Entry<String, JsonNode> entry = declared.next();
                    String name = entry.getKey();
                    Element input = form.getElementById(name);
                    String label = entry.getValue().path("label")
                            .asText(input == null ? name : label(form, input, name));
                    fields.put(name, FormField.of(name, label, kind(entry.getValue().path("type").asText())));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Déclaration des variables illisible dans un formulaire HTML", e);
            }
        }
        return new FormFields(fields);
    }

    private static FieldKind kind(String camVariableType) {
        return switch (camVariableType) {
            case "Boolean" -> FieldKind.BOOLEAN;
            case "File" -> FieldKind.FILE;
            case "Json", "Object" -> FieldKind.JSON;
            case "Integer", "Long", "Short", "Double" -> FieldKind.NUMBER;
            case "Date", "Day" -> FieldKind.DAY;
            default -> FieldKind.TEXT;
        };
    }

    /** The text of the input's label (by {@code for}, or around it), else the variable's name. */
    private static String label(Document form, Element input, String name) {
        Element label = input.id().isEmpty() ? null : form.selectFirst("label[for=" + input.id() + "]");
        if (label == null) {
            label = input.closest("label");
        }
        String text = label == null ? "" : label.ownText().strip();
        return text.isEmpty() ? name : text.replaceAll("\\s*[:*]+$", "");
    }
}
