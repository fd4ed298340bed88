package fr.conventionent.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

/**
 * The académie's directory for the tests: a real LDAP server (UnboundID, in memory, on a free port of 127.0.0.1)
 * loaded with {@code annuaire/academie.ldif}. The application binds with a service account, as in production.
 */
public final class AcademieLdap {

    public static final String BASE = "dc=ac-versailles,dc=fr";
    public static final String PEOPLE = "ou=personnels," + BASE;
    public static final String GROUPS = "ou=groupes," + BASE;
    public static final String SERVICE_ACCOUNT = "cn=convention-ent,ou=services," + BASE;
    public static final String SERVICE_PASSWORD = "Compte-De-Service-2026";

    private static InMemoryDirectoryServer server;

    private AcademieLdap() {
    }

    /** Starts the directory once per JVM and points the application at it, with the documented mapping file. */
    public static synchronized void register(DynamicPropertyRegistry registry) {
        if (server == null) {
            server = start();
        }
        int port = server.getListenPort();
        registry.add("convention.annuaire.url", () -> "ldap://127.0.0.1:" + port);
        registry.add("convention.annuaire.compte", () -> SERVICE_ACCOUNT);
        registry.add("convention.annuaire.mot-de-passe", () -> SERVICE_PASSWORD);
        registry.add("convention.annuaire.base-utilisateurs", () -> PEOPLE);
        registry.add("convention.annuaire.base-groupes", () -> GROUPS);
        registry.add("convention.annuaire.correspondance", () -> "file:config/annuaire-groupes.yaml");
    }

    /** Back to the LDIF as written, whatever a test changed. */
    public static void reset() {
        try {
            server.importFromLDIF(true, ldif());
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String person(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    public static void replace(String uid, String attribute, String value) {
        modify(person(uid), new Modification(ModificationType.REPLACE, attribute, value));
    }

    public static void remove(String uid) {
        try {
            server.delete(person(uid));
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void removeFromGroup(String group, String uid) {
        modify("cn=" + group + "," + GROUPS, new Modification(ModificationType.DELETE, "member", person(uid)));
    }

    private static void modify(String dn, Modification modification) {
        try {
            server.modify(dn, modification);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InMemoryDirectoryServer start() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.addAdditionalBindCredentials(SERVICE_ACCOUNT, SERVICE_PASSWORD);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
                    java.net.InetAddress.getLoopbackAddress(), 0, null));
            InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
            directory.importFromLDIF(true, ldif());
            directory.startListening();
            return directory;
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ldif() {
        return new java.io.File("src/test/resources/annuaire/academie.ldif").getAbsolutePath();
    }
}
