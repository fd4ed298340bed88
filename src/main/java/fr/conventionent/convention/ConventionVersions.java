package fr.conventionent.convention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Every version of a convention stays readable: the {@code versions} variable lists each one
 * (number, date it took effect, origin, full data, DOCX variable), and the DOCX of version n is
 * kept in {@code conventionDocxVn}; {@code conventionDocx} is always the current version.
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

    /** Records {@code version}, in force from {@code since}, with its data, at the end of the list. */
    public static List<Map<String, Object>> append(List<Map<String, Object>> versions, int version, LocalDate since,
                                                    String origin, ConventionData data) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("version", version);
        entry.put("depuis", since.toString());
        entry.put("origine", origin);
        entry.put("document", docxVariable(version));
        entry.put("donnees", data);
        List<Map<String, Object>> result = new ArrayList<>(versions);
        result.add(entry);
        return result;
    }

    /** Version 1, when the convention comes into force: its data and its DOCX as signed. */
    public static void recordInitial(VariableScope convention, LocalDate signature) {
        if (convention.getVariable(ConventionVariables.VERSIONS) != null) {
            return;
        }
        int version = (Integer) convention.getVariable(ConventionVariables.VERSION);
        convention.setVariable(ConventionVariables.VERSIONS, JsonVariables.write(append(List.of(), version, signature,
                INITIAL, ConventionDataMapper.read(convention))));
        Object docx = convention.getVariableTyped(ConventionVariables.CONVENTION_DOCX);
        if (docx != null) {
            convention.setVariable(docxVariable(version), docx);
        }
    }
}
