package fr.conventionent.convention;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.Uai;

/**
 * Server-side check of what the commune submits: Camunda Forms validate in the browser only,
 * and the REST API does not validate at all. Every problem is reported, in French, at once.
 */
@Component
public class ConventionDataValidator {

    static final int MAX_CORRESPONDANTS = 2;

    public List<String> validate(ConventionData data) {
        List<String> errors = new ArrayList<>();
        if (!FrenchFormats.isInsee(data.communeInsee())) {
            errors.add("Le code INSEE de la commune « " + data.communeInsee() + " » n'est pas valide (5 caractères).");
        }
        required(errors, data.communeNom(), "Le nom de la commune est obligatoire.");
        required(errors, data.communeAdresse(), "L'adresse de la commune est obligatoire.");
        required(errors, data.maireNom(), "Le nom du maire est obligatoire.");
        required(errors, data.editeurEnt(), "L'éditeur de l'ENT est obligatoire (annexe 2).");
        required(errors, data.exploitantEnt(), "L'exploitant de l'ENT est obligatoire (annexe 2).");
        validateEcoles(errors, data);
        if (data.referentEnt() == null) {
            errors.add("Le référent ENT de la commune est obligatoire (annexe 2).");
        } else {
            validateContact(errors, data.referentEnt(), "le référent ENT");
        }
        validateDpo(errors, data.dpoCommune());
        List<Contact> correspondants = data.correspondantsTechniques();
        if (correspondants.isEmpty()) {
            errors.add("Indiquez au moins un correspondant technique de l'exploitant (annexe 2).");
        } else if (correspondants.size() > MAX_CORRESPONDANTS) {
            errors.add("L'annexe 2 prévoit au plus deux correspondants techniques de l'exploitant.");
        }
        for (int i = 0; i < correspondants.size(); i++) {
            validateContact(errors, correspondants.get(i), "le correspondant technique n° " + (i + 1));
        }
        return errors;
    }

    public void check(ConventionData data) {
        List<String> errors = validate(data);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
    }

    private void validateEcoles(List<String> errors, ConventionData data) {
        if (data.ecoles().isEmpty()) {
            errors.add("L'annexe 1 doit comporter au moins une école.");
            return;
        }
        String expectedPrefix = FrenchFormats.isInsee(data.communeInsee())
                ? Uai.prefixOf(CommuneDirectory.departementOf(data.communeInsee())) : null;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < data.ecoles().size(); i++) {
            Ecole ecole = data.ecoles().get(i);
            String label = "École n° " + (i + 1) + (ecole.nom().isBlank() ? "" : " (" + ecole.nom() + ")");
            if (!Uai.isWellFormed(ecole.uai())) {
                errors.add(label + " : l'UAI « " + ecole.uai() + " » doit comporter 7 chiffres suivis d'une lettre.");
            } else if (!Uai.isValid(ecole.uai())) {
                errors.add(label + " : la lettre de contrôle de l'UAI « " + ecole.uai() + " » est fausse (attendu "
                        + Uai.withCheckLetter(ecole.uai().substring(0, 7)) + ").");
            } else if (expectedPrefix != null && !ecole.uai().startsWith(expectedPrefix)) {
                errors.add(label + " : l'UAI « " + ecole.uai() + " » n'est pas une école du département de la commune"
                        + " (elle devrait commencer par " + expectedPrefix + ").");
            }
            if (!ecole.uai().isBlank() && !seen.add(ecole.uai())) {
                errors.add(label + " : l'UAI « " + ecole.uai() + " » figure deux fois dans l'annexe 1.");
            }
            if (ecole.nom().isBlank()) {
                errors.add("École n° " + (i + 1) + " : le nom de l'école est obligatoire.");
            }
            if (ecole.adresse().isBlank()) {
                errors.add(label + " : l'adresse de l'école est obligatoire.");
            }
        }
    }

    private void validateContact(List<String> errors, Contact contact, String who) {
        if (contact.nom() == null || contact.nom().isBlank()) {
            errors.add("Le nom et prénom sont obligatoires pour " + who + ".");
        }
        if (!FrenchFormats.isPhone(contact.telephone())) {
            errors.add("Le téléphone « " + nullToEmpty(contact.telephone()) + " » de " + who
                    + " n'est pas un numéro français valide (ex. 01 23 45 67 89).");
        }
        if (!FrenchFormats.isEmail(contact.email())) {
            errors.add("L'adresse de messagerie « " + nullToEmpty(contact.email()) + " » de " + who
                    + " n'est pas valide.");
        }
    }

    /** Optional; once named, the commune's DPO needs a name and an address where the CNIL deadline can reach him. */
    private void validateDpo(List<String> errors, Contact dpo) {
        if (dpo == null || (isBlank(dpo.nom()) && isBlank(dpo.email()))) {
            return;
        }
        if (isBlank(dpo.nom())) {
            errors.add("Le nom et prénom sont obligatoires pour le délégué à la protection des données de la commune.");
        }
        if (!FrenchFormats.isEmail(dpo.email())) {
            errors.add("L'adresse de messagerie « " + nullToEmpty(dpo.email()) + " » du délégué à la protection des"
                    + " données de la commune n'est pas valide.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void required(List<String> errors, String value, String message) {
        if (value == null || value.isBlank()) {
            errors.add(message);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
