package fr.conventionent.representatives;

import static fr.conventionent.representatives.RepresentativesProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionRef;
import fr.conventionent.convention.ConventionRegistry;
import fr.conventionent.convention.ConventionRepresentatives;
import fr.conventionent.identity.InstanceAccess;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.SubmittedDates;

/**
 * Checks a declaration of new representatives (who declares, for which running convention, what) and records it;
 * nothing is recorded when anything is refused.
 */
@Component
public class RepresentativesDeclaration {

    /** A declaration may look back over a mandate already begun, not further. */
    private static final int YEARS_BACK = 1;

    private final ConventionRegistry registry;
    private final ConventionRepresentatives representatives;
    private final UserDirectory users;
    private final InstanceAccess instanceAccess;

    public RepresentativesDeclaration(ConventionRegistry registry, ConventionRepresentatives representatives,
                                      UserDirectory users, InstanceAccess instanceAccess) {
        this.registry = registry;
        this.representatives = representatives;
        this.users = users;
        this.instanceAccess = instanceAccess;
    }

    public void declare(DelegateExecution execution) {
        String numero = text(execution.getVariable(ConventionVariables.CONVENTION_NUMERO)).toUpperCase();
        if (numero.isEmpty()) {
            throw new InvalidSubmissionException("Indiquez le numéro de la convention (par exemple CONV-78646-2026-01).");
        }
        ConventionRef convention = registry.find(numero).orElseThrow(() -> new InvalidSubmissionException(
                "Aucune convention en cours ne porte le numéro « " + numero + " » : vérifiez le numéro."));
        checkDeclarant(convention);

        List<String> errors = new ArrayList<>();
        String maire = text(execution.getVariable(NOUVEAU_MAIRE));
        Contact referent = referent(execution, errors);
        LocalDate since = SubmittedDates.required(execution.getVariable(DATE_EFFET), "La date de prise de fonctions");
        if (since.isBefore(SubmittedDates.today().minusYears(YEARS_BACK))) {
            errors.add("La date de prise de fonctions (" + FrenchFormats.longDate(since) + ") remonte à plus d'un an :"
                    + " indiquez la date du dernier changement.");
        }
        if (maire.isEmpty() && referent == null && errors.isEmpty()) {
            errors.add("Indiquez le nouveau maire, le nouveau référent ENT, ou les deux.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        representatives.declare(numero, maire.isEmpty() ? null : maire, referent, since, users.currentUserId());

        execution.setProcessBusinessKey(numero);
        execution.setVariable(ConventionVariables.CONVENTION_NUMERO, numero);
        execution.setVariable(ConventionVariables.COMMUNE_INSEE, convention.communeInsee());
        execution.setVariable(ConventionVariables.COMMUNE_LIBELLE,
                registry.variable(convention, ConventionVariables.COMMUNE_LIBELLE));
        execution.setVariable(NOUVEAU_MAIRE, maire.isEmpty() ? null : maire);
        execution.setVariable(DATE_EFFET, SubmittedDates.toDate(since));
        execution.setVariable(ConventionVariables.INITIATEUR, users.currentUserId());
        instanceAccess.grantRead(Groups.commune(convention.communeInsee()), execution.getProcessInstanceId());
    }

    /** A commune agent for its own convention, the DACES or an administrator for any. */
    private void checkDeclarant(ConventionRef convention) {
        if (users.currentUserId() == null) {
            return; // the application itself
        }
        List<String> groups = users.currentGroupIds();
        if (groups.contains(Groups.commune(convention.communeInsee())) || groups.contains(Groups.DACES)
                || groups.contains(Groups.ADMIN)) {
            return;
        }
        throw new InvalidSubmissionException("La convention " + convention.numero() + " n'est pas celle de votre"
                + " commune : seuls ses agents et la DACES peuvent en déclarer les représentants.");
    }

    /** The new référent, when any of its fields is filled: then all are required and checked. */
    private static Contact referent(DelegateExecution execution, List<String> errors) {
        String nom = text(execution.getVariable(REFERENT_NOM));
        String telephone = text(execution.getVariable(REFERENT_TELEPHONE));
        String email = text(execution.getVariable(REFERENT_EMAIL));
        if (nom.isEmpty() && telephone.isEmpty() && email.isEmpty()) {
            return null;
        }
        if (nom.isEmpty()) {
            errors.add("Le nom du nouveau référent ENT est obligatoire.");
        }
        if (!FrenchFormats.isPhone(telephone)) {
            errors.add("Le téléphone « " + telephone + " » du nouveau référent ENT n'est pas un numéro français"
                    + " (10 chiffres, par exemple 01 30 83 45 00).");
        }
        if (!FrenchFormats.isEmail(email)) {
            errors.add("L'adresse de messagerie « " + email + " » du nouveau référent ENT n'est pas valide.");
        }
        return errors.isEmpty() ? new Contact(nom, FrenchFormats.formatPhone(telephone), email) : null;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
