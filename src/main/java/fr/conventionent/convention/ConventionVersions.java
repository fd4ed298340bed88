package fr.conventionent.convention;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;

/**
 * The DOCX of each version of a convention: version n in {@code conventionDocxVn}, the current one in
 * {@code conventionDocx}. What each version says is in the convention's record (ConventionRecords); the
 * {@code versions} variable that held it in earlier releases is only read by the upgrade.
 */
public final class ConventionVersions {

    public static final String INITIAL = "Convention initiale";

    private ConventionVersions() {
    }

    public static String docxVariable(int version) {
        return ConventionVariables.CONVENTION_DOCX_VERSION_PREFIX + version;
    }

    /** The versions so far, oldest first. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(Object value) {
        List<Map<String, Object>> versions = new ArrayList<>();
        for (Object entry : JsonVariables.readList(value, Map.class)) {
            versions.add((Map<String, Object>) entry);
        }
        return versions;
    }

    /** Version 1, when the convention comes into force: its DOCX as signed (its data is in its record). */
    public static void recordInitial(VariableScope convention) {
        int version = (Integer) convention.getVariable(ConventionVariables.VERSION);
        Object docx = convention.getVariableTyped(ConventionVariables.CONVENTION_DOCX);
        if (docx != null && convention.getVariable(docxVariable(version)) == null) {
            convention.setVariable(docxVariable(version), docx);
        }
    }
}
