package fr.conventionent.registry;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that change something must carry {@code X-Requested-With: XMLHttpRequest}: a page of another site cannot
 * send that header without the browser asking this server first (CORS), which it never allows.
 */
final class RegistryCsrf {

    private RegistryCsrf() {
    }

    static void check(HttpServletRequest request) {
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            throw new RegistryForbiddenException("Requête refusée : elle doit venir de la page du registre.");
        }
    }
}
