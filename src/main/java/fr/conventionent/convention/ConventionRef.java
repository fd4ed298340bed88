package fr.conventionent.convention;

/** A running convention: its instance, number (business key), commune and statut when it was looked up. */
public record ConventionRef(String processInstanceId, String numero, String communeInsee, String statut) {

    public boolean inForce() {
        return ConventionProcess.STATUT_EN_VIGUEUR.equals(statut);
    }
}
