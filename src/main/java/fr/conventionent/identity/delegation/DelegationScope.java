package fr.conventionent.identity.delegation;

/** What a delegate may sign for the Recteur. */
public enum DelegationScope {

    CONVENTIONS("conventions", "les conventions"),
    AVENANTS("avenants", "les avenants"),
    LETTRES("lettres", "les lettres (dénonciation, mise en demeure)");

    private final String column;
    private final String label;

    DelegationScope(String column, String label) {
        this.column = column;
        this.label = label;
    }

    /** The register's column that says whether a delegation covers this scope. */
    String column() {
        return column;
    }

    public String label() {
        return label;
    }
}
