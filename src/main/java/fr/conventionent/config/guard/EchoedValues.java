package fr.conventionent.config.guard;

import java.util.Date;
import java.util.Objects;

import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Whether a submitted value is the stored one sent back as it was read (never true for a file). */
final class EchoedValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EchoedValues() {
    }

    static boolean same(TypedValue stored, TypedValue submitted) {
        if (stored == null || submitted == null || ValueType.FILE.equals(submitted.getType())) {
            return false;
        }
        Object was = comparable(stored);
        Object is = comparable(submitted);
        if (was instanceof Number a && is instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(was, is);
    }

    /** Lists and objects compare as JSON trees, whatever their spacing; everything else by value. */
    private static Object comparable(TypedValue value) {
        Object raw = SubmittedValues.serializedOrValue(value);
        if (raw instanceof String text && (text.startsWith("{") || text.startsWith("["))) {
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                return text;
            }
        }
        return raw == null ? null : raw instanceof String || raw instanceof Number || raw instanceof Boolean
                || raw instanceof Date ? raw : String.valueOf(raw);
    }
}
