package fr.conventionent.kernel;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the convention's data from process variables, and writes it back normalised. */
public final class ConventionDataMapper {

    private ConventionDataMapper() {
    }

    /** The variables that carry the text while the commune writes it and its circuit reviews it. */
    public static final List<String> VARIABLES = List.of(COMMUNE_NOM, COMMUNE_ADRESSE, MAIRE_NOM, ECOLES, REFERENT_ENT,
            CORRESPONDANTS_TECHNIQUES, EDITEUR_ENT, EXPLOITANT_ENT, DPO_COMMUNE);

    public static ConventionData read(VariableScope scope) {
        return read(scope.getVariables());
    }

    public static ConventionData read(Map<String, Object> variables) {
        return new ConventionData(
                text(variables.get(COMMUNE_INSEE)),
                text(variables.get(COMMUNE_NOM)),
                text(variables.get(COMMUNE_ADRESSE)),
                text(variables.get(MAIRE_NOM)),
                JsonVariables.readList(variables.get(ECOLES), Ecole.class),
                JsonVariables.readObject(variables.get(REFERENT_ENT), Contact.class),
                JsonVariables.readList(variables.get(CORRESPONDANTS_TECHNIQUES), Contact.class),
                text(variables.get(EDITEUR_ENT)),
                text(variables.get(EXPLOITANT_ENT)),
                JsonVariables.readObject(variables.get(DPO_COMMUNE), Contact.class));
    }

    public static void write(ConventionData data, VariableScope scope) {
        scope.setVariable(COMMUNE_NOM, data.communeNom());
        scope.setVariable(COMMUNE_ADRESSE, data.communeAdresse());
        scope.setVariable(MAIRE_NOM, data.maireNom());
        scope.setVariable(ECOLES, JsonVariables.write(data.ecoles()));
        scope.setVariable(REFERENT_ENT, JsonVariables.write(data.referentEnt()));
        scope.setVariable(CORRESPONDANTS_TECHNIQUES, JsonVariables.write(data.correspondantsTechniques()));
        scope.setVariable(EDITEUR_ENT, data.editeurEnt());
        scope.setVariable(EXPLOITANT_ENT, data.exploitantEnt());
        if (data.dpoCommune() == null) {
            scope.removeVariable(DPO_COMMUNE);
        } else {
            scope.setVariable(DPO_COMMUNE, JsonVariables.write(data.dpoCommune()));
        }
    }

    /** Trimmed values, upper-case UAIs, phones as 01 23 45 67 89; empty list rows dropped. */
    public static ConventionData normalize(ConventionData data) {
        List<Ecole> ecoles = new ArrayList<>();
        for (Ecole ecole : data.ecoles()) {
            if (ecole == null || isBlankRow(ecole.uai(), ecole.nom(), ecole.adresse())) {
                continue;
            }
            ecoles.add(new Ecole(Uai.normalize(ecole.uai()), trim(ecole.nom()), trim(ecole.adresse())));
        }
        List<Contact> correspondants = new ArrayList<>();
        for (Contact contact : data.correspondantsTechniques()) {
            if (contact != null && !isBlankRow(contact.nom(), contact.telephone(), contact.email())) {
                correspondants.add(normalize(contact));
            }
        }
        return new ConventionData(trim(data.communeInsee()), trim(data.communeNom()), trim(data.communeAdresse()),
                trim(data.maireNom()), ecoles, data.referentEnt() == null ? null : normalize(data.referentEnt()),
                correspondants, trim(data.editeurEnt()), trim(data.exploitantEnt()), normalizeDpo(data.dpoCommune()));
    }

    /** The commune's DPO without a phone; none when the form's fields were left empty. */
    private static Contact normalizeDpo(Contact dpo) {
        if (dpo == null || isBlankRow(dpo.nom(), dpo.email())) {
            return null;
        }
        return new Contact(trim(dpo.nom()), null, trim(dpo.email()).toLowerCase());
    }

    private static Contact normalize(Contact contact) {
        return new Contact(trim(contact.nom()), FrenchFormats.formatPhone(trim(contact.telephone())),
                trim(contact.email()).toLowerCase());
    }

    private static boolean isBlankRow(String... cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
