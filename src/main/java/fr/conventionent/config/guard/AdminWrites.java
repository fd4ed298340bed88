package fr.conventionent.config.guard;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * An administrator may correct any variable, but not change its type: the application reads {@code dateSignature}
 * as a date, a list as a list. And each value is journaled as a person would read it.
 */
final class AdminWrites {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> NUMBERS = Set.of("integer", "long", "short", "double");

    private AdminWrites() {
    }

    static List<String> typeProblems(Map<String, TypedValue> current, VariableMap written) {
        List<String> problems = new ArrayList<>();
        for (String name : written.keySet()) {
            TypedValue existing = current.get(name);
            TypedValue next = written.getValueTyped(name);
            if (existing == null || SubmittedValues.isEmpty(existing) || next == null || SubmittedValues.isEmpty(next)) {
                continue;
            }
            String was = typeName(existing);
            String is = typeName(next);
            if (!was.equals(is) && !(NUMBERS.contains(was) && NUMBERS.contains(is))) {
                problems.add("« " + name + " » est " + french(was) + " : la nouvelle valeur doit l'être aussi ("
                        + SubmittedValues.describe(next) + " reçu).");
            }
        }
        return problems;
    }

    /** The engine's type name, also for a value sent without one (what the REST API makes of plain JSON). */
    private static String typeName(TypedValue value) {
        if (value.getType() != null) {
            return value.getType().getName();
        }
        Object raw = value.getValue();
        if (raw instanceof String) {
            return "string";
        }
        if (raw instanceof Boolean) {
            return "boolean";
        }
        if (raw instanceof Number) {
            return "integer";
        }
        return raw instanceof Date ? "date" : "object";
    }

    private static String french(String type) {
        return switch (type) {
            case "string" -> "un texte";
            case "boolean" -> "un booléen (oui/non)";
            case "integer", "long", "short", "double" -> "un nombre";
            case "date" -> "une date";
            case "file" -> "un fichier";
            case "json" -> "une liste ou un objet JSON";
            default -> "un objet";
        };
    }

    /** A value as the journal shows it; {@code null} when there is none. */
    static String describe(TypedValue value) {
        if (value == null || ValueType.NULL.equals(value.getType())) {
            return null;
        }
        if (value instanceof FileValue file) {
            return "fichier « " + file.getFilename() + " »";
        }
        if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        Object raw = value.getValue();
        if (raw instanceof Date date) {
            return date.toInstant().atZone(PARIS).toOffsetDateTime().toString();
        }
        return raw == null ? null : raw.toString();
    }
}
