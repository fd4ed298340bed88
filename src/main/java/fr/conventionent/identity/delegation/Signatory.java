package fr.conventionent.identity.delegation;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Who signed for the académie, and in what capacity: the Recteur himself, or a delegate « pour le Recteur et par
 * délégation ». Kept on the process as three variables, read back by the documents that print the signature.
 */
public record Signatory(String utilisateur, String nom, String fonction) {

    public static final String UTILISATEUR = "signataireRecteur";
    public static final String NOM = "signataireRecteurNom";
    public static final String FONCTION = "signataireRecteurFonction";
    /** The capacity in words, as the circuit record and the mails show it. */
    public static final String QUALITE = "qualiteSignataireRecteur";

    public static final String RECTEUR = "Le Recteur";

    public static Signatory recteur(String utilisateur) {
        return new Signatory(utilisateur, null, null);
    }

    public boolean byDelegation() {
        return fonction != null;
    }

    /** « Le Recteur » or « Pour le Recteur et par délégation, Claire Martin, secrétaire générale ». */
    public String qualite() {
        return byDelegation() ? "Pour le Recteur et par délégation, " + nom + ", " + fonction : RECTEUR;
    }

    public Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(UTILISATEUR, utilisateur);
        variables.put(NOM, nom);
        variables.put(FONCTION, fonction);
        variables.put(QUALITE, qualite());
        return variables;
    }

    /** The delegate who signed on this process, or null when the Recteur signed (or nobody yet). */
    public static Signatory delegateOf(VariableScope scope) {
        Object fonction = scope.getVariable(FONCTION);
        return fonction == null ? null : new Signatory((String) scope.getVariable(UTILISATEUR),
                (String) scope.getVariable(NOM), fonction.toString());
    }
}
