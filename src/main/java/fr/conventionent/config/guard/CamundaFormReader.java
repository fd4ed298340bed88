package fr.conventionent.config.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The fields of a Camunda Form (form-js JSON): every component with a key, with the bounds it validates. */
final class CamundaFormReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CamundaFormReader() {
    }

    static FormFields read(byte[] form) {
        try {
            Map<String, FormField> fields = new LinkedHashMap<>();
            collect(JSON.readTree(form), fields);
            return new FormFields(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("Formulaire Camunda illisible", e);
        }
    }

    private static void collect(JsonNode container, Map<String, FormField> fields) {
        for (JsonNode component : container.path("components")) {
            String type = component.path("type").asText();
            String path = component.path("path").asText("");
            if (!path.isEmpty()) {
                // a group or dynamic list with a path sends one object or list under its first segment
                String name = path.split("\\.")[0];
                fields.put(name, FormField.of(name, component.path("label").asText(name), FieldKind.JSON));
                continue;
            }
            if (component.hasNonNull("key")) {
                FormField field = field(component, type);
                if (field != null) {
                    fields.put(field.name(), field);
                }
            }
            collect(component, fields);
        }
    }

    private static FormField field(JsonNode component, String type) {
        String key = component.get("key").asText();
        FieldKind kind = switch (type) {
            case "textfield", "textarea" -> FieldKind.TEXT;
            case "number" -> FieldKind.NUMBER;
            case "checkbox" -> FieldKind.BOOLEAN;
            case "radio", "select" -> FieldKind.CHOICE;
            case "checklist", "taglist" -> FieldKind.CHOICES;
            case "datetime" -> switch (component.path("subtype").asText("date")) {
                case "time" -> FieldKind.TIME;
                case "datetime" -> FieldKind.DATE_TIME;
                default -> FieldKind.DAY;
            };
            case "filepicker" -> FieldKind.FILE;
            default -> FieldKind.JSON;
        };
        JsonNode validate = component.path("validate");
        String label = component.path("label").asText(component.path("dateLabel").asText(key));
        return new FormField(key, label, kind, values(component), decimal(validate, "min"),
                decimal(validate, "max"), integer(validate, "minLength"), integer(validate, "maxLength"),
                validate.hasNonNull("pattern") ? validate.get("pattern").asText() : null);
    }

    /** Static options only; options read from a variable ({@code valuesKey}) are not known here. */
    private static List<String> values(JsonNode component) {
        List<String> values = new ArrayList<>();
        component.path("values").forEach(value -> values.add(value.path("value").asText()));
        return values;
    }

    private static Double decimal(JsonNode validate, String name) {
        return validate.hasNonNull(name) && validate.get(name).isNumber() ? validate.get(name).asDouble() : null;
    }

    private static Integer integer(JsonNode validate, String name) {
        return validate.hasNonNull(name) && validate.get(name).isNumber() ? validate.get(name).asInt() : null;
    }
}
