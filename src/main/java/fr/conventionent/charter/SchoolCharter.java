package fr.conventionent.charter;

/** A school of Annexe 1 and the day its conseil d'école adopted the ENT users' charter (null: not yet). */
public record SchoolCharter(String uai, String nom, String dateAdoption) {

    public boolean adopted() {
        return dateAdoption != null && !dateAdoption.isBlank();
    }
}
