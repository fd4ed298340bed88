package fr.conventionent.config.guard;

import java.util.List;

/**
 * One field of a deployed task or start form: the variable it sends, its label (how the user knows it), what it
 * accepts and the bounds the form sets (checked by the browser only, so checked again here).
 */
record FormField(String name, String label, FieldKind kind, List<String> values, Double min, Double max,
                 Integer minLength, Integer maxLength, String pattern) {

    FormField {
        values = values == null ? List.of() : List.copyOf(values);
    }

    static FormField of(String name, String label, FieldKind kind) {
        return new FormField(name, label, kind, List.of(), null, null, null, null, null);
    }

    /** The name a user reads in a refusal: the label, with the variable when they differ. */
    String displayName() {
        return label == null || label.isBlank() ? "« " + name + " »" : "« " + label.strip() + " »";
    }
}
