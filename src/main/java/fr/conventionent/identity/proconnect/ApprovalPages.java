package fr.conventionent.identity.proconnect;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.kernel.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * With {@code PROCONNECT_APPROBATION_DACES=true}: the DACES, logged in to Tasklist, approves each new commune agent
 * here before the agent gets the commune's group.
 */
@RestController
@ConditionalOnProConnect
public class ApprovalPages {

    public static final String PATH = "/agents-proconnect";

    private final CommuneAgents agents;
    private final CommuneDirectory communes;
    private final ProcessEngine engine;

    public ApprovalPages(CommuneAgents agents, CommuneDirectory communes, ProcessEngine engine) {
        this.agents = agents;
        this.communes = communes;
        this.engine = engine;
    }

    @GetMapping(PATH)
    public ResponseEntity<String> list(HttpServletRequest request, CsrfToken csrf) {
        ResponseEntity<String> refused = refuseUnlessDaces(request);
        if (refused != null) {
            return refused;
        }
        List<CommuneAgents.Pending> pending = agents.awaitingApproval();
        StringBuilder body = new StringBuilder();
        if (pending.isEmpty()) {
            body.append("<p>Aucun agent n'attend d'approbation.</p>");
        } else {
            body.append("<table>\n<caption>Agents connectés par ProConnect, en attente</caption>\n<thead><tr>"
                    + "<th scope=\"col\">Agent</th><th scope=\"col\">Courriel</th><th scope=\"col\">Commune</th>"
                    + "<th scope=\"col\">Décision</th></tr></thead>\n<tbody>\n");
            for (CommuneAgents.Pending agent : pending) {
                String name = (nullToEmpty(agent.user().getFirstName()) + " " + nullToEmpty(agent.user().getLastName()))
                        .trim();
                body.append("<tr><td>").append(FrenchPage.escape(name)).append("</td><td>")
                        .append(FrenchPage.escape(agent.user().getEmail())).append("</td><td>")
                        .append(FrenchPage.escape(communes.get(agent.insee()).nom())).append(" (")
                        .append(agent.insee()).append(")</td><td><form method=\"post\" action=\"").append(PATH)
                        .append("\"><input type=\"hidden\" name=\"").append(csrf.getParameterName())
                        .append("\" value=\"").append(FrenchPage.escape(csrf.getToken()))
                        .append("\"><input type=\"hidden\" name=\"utilisateur\" value=\"")
                        .append(FrenchPage.escape(agent.user().getId())).append("\"><button type=\"submit\">Approuver ")
                        .append(FrenchPage.escape(name)).append("</button></form></td></tr>\n");
            }
            body.append("</tbody>\n</table>");
        }
        return FrenchPage.of(200, "Agents des communes à approuver", body.toString());
    }

    @PostMapping(PATH)
    public ResponseEntity<String> approve(HttpServletRequest request, @RequestParam("utilisateur") String userId) {
        ResponseEntity<String> refused = refuseUnlessDaces(request);
        if (refused != null) {
            return refused;
        }
        try {
            agents.approve(userId);
        } catch (IllegalArgumentException e) {
            return FrenchPage.of(400, "Approbation impossible", "<p>" + FrenchPage.escape(e.getMessage()) + "</p>"
                    + "<p><a href=\"" + PATH + "\">Retour à la liste</a></p>");
        }
        return ResponseEntity.status(303).header("Location", request.getContextPath() + PATH).build();
    }

    private ResponseEntity<String> refuseUnlessDaces(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Authentication user = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine.getName());
        if (user instanceof UserAuthentication camunda && camunda.getGroupIds() != null
                && camunda.getGroupIds().contains(Groups.DACES)) {
            return null;
        }
        return FrenchPage.of(403, "Accès réservé à la DACES", "<p>Connectez-vous à Tasklist avec un compte de la"
                + " DACES, puis revenez sur cette page.</p><p><a href=\"" + ProConnectLoginSuccess.TASKLIST
                + "\">Ouvrir Tasklist</a></p>");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
