package fr.conventionent.identity.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The académie's LDAP directory ({@code convention.annuaire.*}, README « Annuaire de l'académie »). Without a URL the
 * directory is off and every account is local.
 */
@ConfigurationProperties(prefix = "convention.annuaire")
public record DirectoryProperties(
        String url,
        String compte,
        String motDePasse,
        String baseUtilisateurs,
        String filtreUtilisateurs,
        String attributIdentifiant,
        String baseGroupes,
        Resource correspondance,
        int maxUtilisateurs) {

    public DirectoryProperties {
        filtreUtilisateurs = blankTo(filtreUtilisateurs, "(objectClass=inetOrgPerson)");
        attributIdentifiant = blankTo(attributIdentifiant, "uid");
        maxUtilisateurs = maxUtilisateurs > 0 ? maxUtilisateurs : 1000;
    }

    public boolean enabled() {
        return url != null && !url.isBlank();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
