package fr.conventionent.kernel;

import java.util.List;

/** The group ids, a contract: candidate groups in the BPMN, authorizations, filters and other tools rely on them. */
public final class Groups {

    public static final String DACES = "daces";
    public static final String RECTEUR = "recteur";
    public static final String DSI = "dsi";
    public static final String DPO = "dpo";
    public static final String RSSI = "rssi";
    /** Délégation académique au numérique éducatif: reads the registry as the DACES does. */
    public static final String DANE = "dane";
    public static final String ADMIN = "camunda-admin";

    /** Académie-wide roles, each a single group. */
    public static final List<String> ACADEMIE_ROLES = List.of(DACES, RECTEUR, DSI, DPO, RSSI, DANE);

    public static final String COMMUNE_PREFIX = "commune-";

    private Groups() {
    }

    public static String commune(String insee) {
        return COMMUNE_PREFIX + insee;
    }

    public static String ienCirco(String circonscription) {
        return "ien-circo-" + circonscription;
    }

    public static String ienTice(String departement) {
        return "ien-tice-" + departement;
    }

    public static String dasen(String departement) {
        return "dasen-" + departement;
    }
}
