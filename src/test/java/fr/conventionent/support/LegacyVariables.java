package fr.conventionent.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;

import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.convention.ConventionVersions;
import fr.conventionent.convention.RecordedVersion;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;

/**
 * Puts back, through the engine, what the releases before the convention record kept in a running convention's
 * variables: its data as it stands and the {@code versions} list (each signed version with its data). A database
 * filled by today's processes then holds what an earlier release would have left: the upgrade's starting point.
 */
public final class LegacyVariables {

    private LegacyVariables() {
    }

    public static void restore(RuntimeService runtimeService, ConventionRecords records, String processInstanceId,
                               String numero) {
        Map<String, Object> variables = new LinkedHashMap<>();
        records.current(numero).ifPresent(data -> variables.putAll(dataVariables(data)));
        List<Map<String, Object>> versions = new ArrayList<>();
        for (RecordedVersion version : records.versions(numero)) {
            if (version.depuis() == null) {
                continue; // the text still in preparation was never listed
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", version.version());
            entry.put("depuis", version.depuis().toString());
            entry.put("origine", version.origine());
            entry.put("document", ConventionVersions.docxVariable(version.version()));
            entry.put("donnees", records.version(numero, version.version()).orElseThrow());
            versions.add(entry);
        }
        if (!versions.isEmpty()) {
            variables.put(ConventionVariables.VERSIONS, JsonVariables.write(versions));
        }
        runtimeService.setVariables(processInstanceId, variables);
    }

    private static Map<String, Object> dataVariables(ConventionData data) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ConventionVariables.COMMUNE_NOM, data.communeNom());
        variables.put(ConventionVariables.COMMUNE_ADRESSE, data.communeAdresse());
        variables.put(ConventionVariables.MAIRE_NOM, data.maireNom());
        variables.put(ConventionVariables.ECOLES, JsonVariables.write(data.ecoles()));
        variables.put(ConventionVariables.REFERENT_ENT, JsonVariables.write(data.referentEnt()));
        variables.put(ConventionVariables.CORRESPONDANTS_TECHNIQUES,
                JsonVariables.write(data.correspondantsTechniques()));
        variables.put(ConventionVariables.EDITEUR_ENT, data.editeurEnt());
        variables.put(ConventionVariables.EXPLOITANT_ENT, data.exploitantEnt());
        return variables;
    }
}
