package fr.conventionent.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.Groups;

/**
 * The demo users, one per role and per demo commune (password = login), whose logins the demo, the tests and
 * the README rely on. Only with {@code convention.demo-data=true}, which the postgres profile turns off; the default
 * profile listens on 127.0.0.1 only. Never in directory mode: there, people come from the académie's directory and
 * would be confused with look-alike local accounts.
 */
@Component
@Order(2)
@ConditionalOnExpression("${convention.demo-data:false} and '${convention.annuaire.url:}'.isBlank()")
public class DemoUsers implements ApplicationRunner {

    public static final String MAIL_DOMAIN = "demo.example";

    private final IdentityService identityService;

    public DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** login → {first name, last name, group…}. */
    public static Map<String, List<String>> users() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        users.put("mairie.versailles", List.of("Claire", "Mairie de Versailles", Groups.commune("78646")));
        users.put("mairie.nanterre", List.of("Karim", "Mairie de Nanterre", Groups.commune("92050")));
        users.put("mairie.evry", List.of("Sophie", "Mairie d'Évry-Courcouronnes", Groups.commune("91228")));
        users.put("mairie.cergy", List.of("Julien", "Mairie de Cergy", Groups.commune("95127")));
        // Argenteuil: its schools belong to two circonscriptions
        users.put("mairie.argenteuil", List.of("Nadia", "Mairie d'Argenteuil", Groups.commune("95018")));
        for (String circo : List.of("versailles", "nanterre", "evry", "cergy", "argenteuil-nord", "argenteuil-sud")) {
            users.put("ien." + circo, List.of("IEN", "Circonscription " + circo, Groups.ienCirco(circo)));
        }
        for (String dept : List.of("78", "91", "92", "95")) {
            users.put("tice." + dept, List.of("IEN TICE", "Département " + dept, Groups.ienTice(dept)));
            users.put("dasen." + dept, List.of("IA-DASEN", "Département " + dept, Groups.dasen(dept)));
        }
        users.put("daces", List.of("Gestionnaire", "DACES", Groups.DACES));
        users.put("recteur", List.of("Cabinet", "du Recteur", Groups.RECTEUR));
        users.put("dsi", List.of("Administrateur", "DSI", Groups.DSI));
        users.put("dpo", List.of("Délégué", "à la protection des données", Groups.DPO));
        users.put("rssi", List.of("Responsable", "SSI", Groups.RSSI));
        users.put("dane", List.of("Conseiller", "DANE", Groups.DANE));
        return users;
    }

    public static String emailOf(String login) {
        return login + "@" + MAIL_DOMAIN;
    }

    @Override
    public void run(ApplicationArguments args) {
        users().forEach((login, attributes) -> {
            if (identityService.createUserQuery().userId(login).count() == 0) {
                User user = identityService.newUser(login);
                user.setFirstName(attributes.get(0));
                user.setLastName(attributes.get(1));
                user.setEmail(emailOf(login));
                user.setPassword(login);
                // password = login on purpose (demonstration): past the policy the postgres profile turns on
                ((IdentityServiceImpl) identityService).saveUser(user, true);
                for (String group : attributes.subList(2, attributes.size())) {
                    identityService.createMembership(login, group);
                }
            }
        });
    }
}
