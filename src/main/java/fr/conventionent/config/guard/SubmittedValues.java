package fr.conventionent.config.guard;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks one submitted value against its form field: its type first (a text where a date is expected, an object
 * where a text is), then the bounds the form declares. Says what is wrong in French, naming the field; an empty
 * value passes (which fields are required is each step's own rule).
 */
final class SubmittedValues {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTED_LENGTH = 40;

    private SubmittedValues() {
    }

    static Optional<String> problem(FormField field, TypedValue value) {
        if (isEmpty(value)) {
            return Optional.empty();
        }
        String wrongType = field.displayName() + " attend " + field.kind().expected() + " : " + describe(value)
                + " n'en est pas.";
        return switch (field.kind()) {
            case TEXT -> text(value).map(text -> lengthAndPattern(field, text)).orElse(Optional.of(wrongType));
            case CHOICE -> text(value).map(text -> choice(field, text)).orElse(Optional.of(wrongType));
            case NUMBER -> number(value).map(number -> range(field, number)).orElse(Optional.of(wrongType));
            case BOOLEAN -> raw(value) instanceof Boolean ? Optional.empty() : Optional.of(wrongType);
            case DAY, TIME, DATE_TIME -> temporal(field.kind(), value) ? Optional.empty() : Optional.of(wrongType);
            case CHOICES -> json(value).filter(JsonNode::isArray).map(list -> choices(field, list))
                    .orElse(Optional.of(wrongType));
            case JSON -> json(value).filter(node -> node.isArray() || node.isObject()).isPresent() ? Optional.empty()
                    : Optional.of(wrongType);
            case FILE -> ValueType.FILE.equals(value.getType()) ? Optional.empty() : Optional.of(wrongType);
        };
    }

    static boolean isEmpty(TypedValue value) {
        if (value == null || ValueType.NULL.equals(value.getType())) {
            return true;
        }
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized() == null;
        }
        return value.getValue() == null;
    }

    /** A serialized value (JSON, objects) as its text when it has one, anything else as its value. */
    static Object serializedOrValue(TypedValue value) {
        if (value instanceof SerializableValue serializable
                && (serializable.getValueSerialized() != null || !serializable.isDeserialized())) {
            return serializable.getValueSerialized();
        }
        return value.getValue();
    }

    /** The value itself, for the types that carry it directly (not files nor serialized objects). */
    private static Object raw(TypedValue value) {
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return null;
        }
        return ValueType.FILE.equals(value.getType()) ? null : value.getValue();
    }

    private static Optional<String> text(TypedValue value) {
        return raw(value) instanceof String text ? Optional.of(text) : Optional.empty();
    }

    private static Optional<Double> number(TypedValue value) {
        Object raw = raw(value);
        if (raw instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        if (raw instanceof String text) {
            try {
                return Optional.of(Double.valueOf(text.strip().replace(',', '.')));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean temporal(FieldKind kind, TypedValue value) {
        Object raw = raw(value);
        if (raw instanceof Date) {
            return kind != FieldKind.TIME;
        }
        if (!(raw instanceof String text)) {
            return false;
        }
        String s = text.strip();
        try {
            switch (kind) {
                case DAY -> LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
                case TIME -> LocalTime.parse(s);
                default -> {
                    if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                        OffsetDateTime.parse(s);
                    } else {
                        LocalDateTime.parse(s);
                    }
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Lists and objects: a JSON variable, JSON text, or Java collections (what the REST API makes of JSON). */
    private static Optional<JsonNode> json(TypedValue value) {
        try {
            if (value instanceof SerializableValue serializable && serializable.getValueSerialized() != null
                    && (serializable.getSerializationDataFormat() == null
                    || serializable.getSerializationDataFormat().contains("json"))) {
                return Optional.of(JSON.readTree(serializable.getValueSerialized()));
            }
            Object raw = raw(value);
            if (raw instanceof String text) {
                return Optional.of(JSON.readTree(text));
            }
            if (raw instanceof Map<?, ?> || raw instanceof Collection<?>) {
                return Optional.of(JSON.valueToTree(raw));
            }
            if (raw != null && raw.getClass().getName().startsWith("org.camunda.spin")) {
                return Optional.of(JSON.readTree(raw.toString()));
            }
            return Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> lengthAndPattern(FormField field, String text) {
        if (field.minLength() != null && text.length() < field.minLength()) {
            return Optional.of(field.displayName() + " doit compter au moins " + field.minLength() + " caractères.");
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            return Optional.of(field.displayName() + " ne peut dépasser " + field.maxLength() + " caractères ("
                    + text.length() + " reçus).");
        }
        if (field.pattern() != null && !text.isEmpty()) {
            try {
                if (!Pattern.compile(field.pattern()).matcher(text).matches()) {
                    return Optional.of(field.displayName() + " n'a pas la forme attendue : " + quote(text) + ".");
                }
            } catch (PatternSyntaxException e) {
                return Optional.empty(); // a browser-only pattern: the browser checked it
            }
        }
        return Optional.empty();
    }

    private static Optional<String> choice(FormField field, String text) {
        if (field.values().isEmpty() || field.values().contains(text)) {
            return Optional.empty();
        }
        return Optional.of(field.displayName() + " n'accepte que les valeurs proposées par le formulaire ("
                + String.join(", ", field.values()) + ") : " + quote(text) + " n'en est pas une.");
    }

    private static Optional<String> choices(FormField field, JsonNode list) {
        List<String> unknown = new ArrayList<>();
        for (JsonNode item : list) {
            if (!item.isTextual() || (!field.values().isEmpty() && !field.values().contains(item.asText()))) {
                unknown.add(item.isTextual() ? item.asText() : item.toString());
            }
        }
        return unknown.isEmpty() ? Optional.empty() : Optional.of(field.displayName()
                + " n'accepte que les valeurs proposées par le formulaire : " + String.join(", ", unknown)
                + (unknown.size() > 1 ? " n'en sont pas." : " n'en est pas une."));
    }

    private static Optional<String> range(FormField field, double number) {
        if (field.min() != null && number < field.min()) {
            return Optional.of(field.displayName() + " doit valoir au moins " + format(field.min()) + " ("
                    + format(number) + " reçu).");
        }
        if (field.max() != null && number > field.max()) {
            return Optional.of(field.displayName() + " doit valoir au plus " + format(field.max()) + " ("
                    + format(number) + " reçu).");
        }
        return Optional.empty();
    }

    /** The received value as a user reads it: never a Java class name. */
    static String describe(TypedValue value) {
        if (ValueType.FILE.equals(value.getType())) {
            return "un fichier";
        }
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return "la valeur " + quote(String.valueOf(serializable.getValueSerialized()));
        }
        Object raw = value.getValue();
        if (raw instanceof String text) {
            return "le texte " + quote(text);
        }
        if (raw instanceof Boolean b) {
            return "la valeur " + (b ? "« vrai »" : "« faux »");
        }
        if (raw instanceof Number n) {
            return "le nombre " + quote(n.toString());
        }
        if (raw instanceof Date) {
            return "une date";
        }
        if (raw instanceof Collection<?>) {
            return "une liste";
        }
        if (raw instanceof Map<?, ?>) {
            return "un objet";
        }
        return "la valeur envoyée";
    }

    private static String quote(String text) {
        String shown = text.length() > QUOTED_LENGTH ? text.substring(0, QUOTED_LENGTH) + "…" : text;
        return "« " + shown + " »";
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number).replace('.', ',');
    }
}
