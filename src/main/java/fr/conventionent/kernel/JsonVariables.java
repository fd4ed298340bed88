package fr.conventionent.kernel;

import java.util.List;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Lists and objects travel as Spin JSON variables (readable in Cockpit). What arrives from a form
 * or the REST API may also be a JSON string or Java collections: all are read the same way.
 */
public final class JsonVariables {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonVariables() {
    }

    public static JsonNode read(Object value) {
        try {
            if (value == null) {
                return NullNode.getInstance();
            }
            if (value instanceof SerializableValue serializable && serializable.getValueSerialized() != null) {
                return read(serializable.getValueSerialized());
            }
            if (value instanceof TypedValue typed) {
                return read(typed.getValue());
            }
            if (value instanceof SpinJsonNode spin) {
                return MAPPER.readTree(spin.toString());
            }
            if (value instanceof String text) {
                return text.isBlank() ? NullNode.getInstance() : MAPPER.readTree(text);
            }
            return MAPPER.valueToTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidSubmissionException("Données JSON illisibles : " + e.getOriginalMessage());
        }
    }

    public static TypedValue write(Object value) {
        try {
            return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> List<T> readList(Object value, Class<T> type) {
        JsonNode node = read(value);
        if (!node.isArray()) {
            return List.of();
        }
        try {
            return MAPPER.convertValue(node, MAPPER.getTypeFactory().constructCollectionType(List.class, type));
        } catch (IllegalArgumentException e) {
            throw unexpectedShape(e);
        }
    }

    public static <T> T readObject(Object value, Class<T> type) {
        JsonNode node = read(value);
        try {
            return node.isObject() ? MAPPER.convertValue(node, type) : null;
        } catch (IllegalArgumentException e) {
            throw unexpectedShape(e);
        }
    }

    /** A list or object whose parts have the wrong type (an object where a text is): where, in French. */
    private static InvalidSubmissionException unexpectedShape(IllegalArgumentException e) {
        StringBuilder where = new StringBuilder();
        if (e.getCause() instanceof JsonMappingException mapping) {
            for (JsonMappingException.Reference reference : mapping.getPath()) {
                if (reference.getFieldName() != null) {
                    where.append(where.isEmpty() ? "" : ", ").append("champ « ").append(reference.getFieldName())
                            .append(" »");
                } else if (reference.getIndex() >= 0) {
                    where.append(where.isEmpty() ? "" : ", ").append("ligne ").append(reference.getIndex() + 1);
                }
            }
        }
        return new InvalidSubmissionException("Une liste ou un objet envoyé n'a pas la forme attendue"
                + (where.isEmpty() ? "" : " (" + where + ")") + " : chaque champ attend du texte, une liste"
                + " ou un objet, selon le formulaire.");
    }
}
