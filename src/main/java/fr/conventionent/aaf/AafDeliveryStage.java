package fr.conventionent.aaf;

/** Étapes d'un envoi, dans leur ordre, pour les durées du compte rendu. */
public enum AafDeliveryStage {
    SELECT("sélection des fichiers"),
    VERIFY("vérification des noms et du contenu"),
    BORDEREAU("écriture du bordereau"),
    ZIP("archive zip"),
    CONNECT("connexion SFTP"),
    UPLOAD("envoi SFTP"),
    ARCHIVE("archivage local");

    private final String label;

    AafDeliveryStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
