package fr.conventionent.config.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The variables a deployed form may send, by name: the whitelist of a task's completion or of a process start.
 * Anything else in a submission was not typed into the form, and is refused.
 */
record FormFields(Map<String, FormField> fields) {

    static final FormFields NONE = new FormFields(Map.of());

    FormFields {
        fields = Map.copyOf(fields);
    }

    /**
     * Every reason to refuse {@code submitted} on the form called {@code formName}; empty when it may be stored.
     * A value the form only displays may come back unchanged (Tasklist's embedded forms send back what they read):
     * {@code unchanged} tells.
     */
    List<String> problems(String formName, VariableMap submitted, Predicate<String> unchanged) {
        List<String> problems = new ArrayList<>();
        for (String name : submitted.keySet()) {
            FormField field = fields.get(name);
            if (field == null && unchanged.test(name)) {
                continue;
            }
            if (field == null) {
                problems.add("« " + name + " » n'est pas un champ du formulaire « " + formName
                        + " » : seuls ses champs peuvent être enregistrés.");
                continue;
            }
            SubmittedValues.problem(field, submitted.getValueTyped(name)).ifPresent(problems::add);
        }
        return problems;
    }
}
