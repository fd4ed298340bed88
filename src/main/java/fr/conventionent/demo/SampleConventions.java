package fr.conventionent.demo;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Uai;

/** Plausible data for a commune's convention: demo conventions, tests and benchmarks. */
public final class SampleConventions {

    private SampleConventions() {
    }

    public static List<Ecole> schools(String insee, String commune, int count) {
        String prefix = Uai.prefixOf(CommuneDirectory.departementOf(insee));
        String[] names = {"École élémentaire Jules Ferry", "École maternelle Les Tilleuls", "École primaire Victor Hugo",
                "École élémentaire Jean Jaurès", "École maternelle Pauline Kergomard", "École élémentaire Marie Curie"};
        List<Ecole> ecoles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String digits = prefix + String.format("%04d", (Integer.parseInt(insee.substring(2)) * 7 + i * 13) % 10000);
            String nom = names[i % names.length] + (i >= names.length ? " " + (i / names.length + 1) : "");
            ecoles.add(new Ecole(Uai.withCheckLetter(digits), nom, (10 + i) + ", rue de l'École, " + commune));
        }
        return ecoles;
    }

    /** The variables a commune submits on "Compléter la convention". */
    public static Map<String, Object> completion(String insee, String commune, int schoolCount) {
        String slug = commune.toLowerCase().replaceAll("[^a-z]", "");
        Map<String, Object> variables = new HashMap<>();
        variables.put(COMMUNE_INSEE, insee);
        variables.put(COMMUNE_NOM, commune);
        variables.put(COMMUNE_ADRESSE, "Hôtel de ville, place de la Mairie, " + commune);
        variables.put(MAIRE_NOM, "Mme Catherine Martin");
        variables.put(ECOLES, JsonVariables.write(schools(insee, commune, schoolCount)));
        variables.put(REFERENT_ENT, JsonVariables.write(
                new Contact("DURAND Paul", "01 39 00 00 01", "referent.ent@" + slug + ".example")));
        variables.put(CORRESPONDANTS_TECHNIQUES, JsonVariables.write(List.of(
                new Contact("LEROY Anne", "01 40 00 00 02", "anne.leroy@exploitant.example"),
                new Contact("MOREAU Luc", "06 12 34 56 78", "luc.moreau@exploitant.example"))));
        variables.put(EDITEUR_ENT, "Éditeur ENT Primaire");
        variables.put(EXPLOITANT_ENT, "Exploitant Numérique SAS");
        return variables;
    }

    public static Map<String, Object> decision(String decision, String motif) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION, decision);
        if (motif != null) {
            variables.put(MOTIF, motif);
        }
        return variables;
    }
}
