package fr.conventionent.identity.proconnect;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The login page with its ProConnect button, and the pages of a login that does not open the application. */
@RestController
@ConditionalOnProConnect
public class ProConnectPages {

    public static final String LOGIN = "/connexion";
    public static final String LOGOUT = "/deconnexion";
    public static final String UNKNOWN_ORGANISATION = "/connexion/organisation-inconnue";
    public static final String AWAITING_APPROVAL = "/connexion/en-attente";

    private final ProConnectProperties properties;

    public ProConnectPages(ProConnectProperties properties) {
        this.properties = properties;
    }

    @GetMapping(LOGIN)
    public ResponseEntity<String> login(@RequestParam(name = "deconnecte", required = false) String loggedOut,
                                        @RequestParam(name = "echec", required = false) String failed) {
        String notice = "";
        if (loggedOut != null) {
            notice = "<p role=\"status\">Vous êtes déconnecté de Convention ENT et de ProConnect.</p>\n";
        } else if (failed != null) {
            notice = "<p role=\"alert\">La connexion par ProConnect n'a pas abouti. Réessayez ; si l'échec se répète,"
                    + " écrivez à " + FrenchPage.escape(properties.contactDaces()) + ".</p>\n";
        }
        return FrenchPage.of(200, "Connexion à Convention ENT", notice
                + "<h2>Agents des mairies</h2>\n"
                + "<p>Connectez-vous avec le compte professionnel de votre mairie.</p>\n"
                + "<p><a class=\"bouton\" href=\"" + ProConnectSecurityConfig.AUTHORIZATION_BASE + "/"
                + ProConnectRegistration.ID + "\">Se connecter avec ProConnect</a></p>\n"
                + "<p><a href=\"https://www.proconnect.gouv.fr/\" rel=\"noopener\">Qu'est-ce que ProConnect ?</a></p>\n"
                + "<h2>Personnels de l'académie</h2>\n"
                + "<p><a href=\"" + ProConnectLoginSuccess.TASKLIST + "\">Connexion avec votre identifiant de"
                + " l'académie</a></p>");
    }

    @GetMapping(UNKNOWN_ORGANISATION)
    public ResponseEntity<String> unknownOrganisation(@RequestParam(name = "siret", required = false) String siret) {
        String organisation = siret != null && siret.matches("[0-9]{14}")
                ? "Votre organisation (SIRET " + siret + ")" : "Votre organisation";
        return FrenchPage.of(403, "Accès refusé : organisation sans convention",
                "<p>" + organisation + " n'est partie à aucune convention ENT de l'académie : Convention ENT ne lui"
                        + " est pas ouvert, et aucun compte n'a été créé.</p>\n"
                        + "<p>Si votre mairie a signé ou prépare une convention, écrivez à "
                        + contact() + " en indiquant le nom de votre commune et ce numéro SIRET.</p>\n"
                        + "<p><a href=\"" + LOGIN + "\">Retour à la page de connexion</a></p>");
    }

    @GetMapping(AWAITING_APPROVAL)
    public ResponseEntity<String> awaitingApproval() {
        return FrenchPage.of(403, "Compte en attente d'approbation",
                "<p>Votre compte a bien été enregistré. Il est en attente d'approbation par la DACES du rectorat :"
                        + " vous recevrez un courriel dès que vous aurez accès aux conventions de votre commune.</p>\n"
                        + "<p>Pour toute question, écrivez à " + contact() + ".</p>\n"
                        + "<p><a href=\"" + LOGIN + "\">Retour à la page de connexion</a></p>");
    }

    private String contact() {
        String contact = properties.contactDaces();
        return contact.contains("@")
                ? "<a href=\"mailto:" + FrenchPage.escape(contact) + "\">" + FrenchPage.escape(contact) + "</a>"
                : FrenchPage.escape(contact);
    }
}
