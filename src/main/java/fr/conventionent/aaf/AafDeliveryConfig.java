package fr.conventionent.aaf;

import fr.conventionent.aaf.sftp.DeliveryKeyPair;
import fr.conventionent.aaf.sftp.SftpTarget;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Ce qui a été convenu avec les correspondants techniques de l'exploitant (Annexe 2 §2), pour un envoi.
 *
 * @param extraction     préfixe, type (Complet/Delta) et date d'extraction attendus
 * @param zip            livrer une archive zip plutôt que les fichiers XML
 * @param archiveName    nom convenu de l'archive zip (obligatoire si {@code zip})
 * @param bordereau      joindre un bordereau
 * @param recipientCode  code destinataire écrit dans le bordereau (obligatoire si {@code bordereau})
 * @param sftp           serveur de l'exploitant
 * @param key            clé ed25519 de la cible
 * @param archiveFolder  dossier local où ranger ce qui a été envoyé (un sous-dossier par envoi)
 * @param annexScope     écoles de l'annexe 1 et structures déjà livrées, ou {@code null} pour ne pas les contrôler
 */
public record AafDeliveryConfig(AafExtraction extraction, boolean zip, String archiveName, boolean bordereau,
                                String recipientCode, SftpTarget sftp, DeliveryKeyPair key, Path archiveFolder,
                                AafAnnexScope annexScope) {

    public AafDeliveryConfig(AafExtraction extraction, boolean zip, String archiveName, boolean bordereau,
                             String recipientCode, SftpTarget sftp, DeliveryKeyPair key, Path archiveFolder) {
        this(extraction, zip, archiveName, bordereau, recipientCode, sftp, key, archiveFolder, null);
    }

    /** Le même envoi, limité aux écoles de l'annexe 1. */
    public AafDeliveryConfig withAnnexScope(AafAnnexScope scope) {
        return new AafDeliveryConfig(extraction, zip, archiveName, bordereau, recipientCode, sftp, key, archiveFolder,
                scope);
    }

    public AafDeliveryConfig {
        Objects.requireNonNull(extraction, "extraction");
        Objects.requireNonNull(sftp, "sftp");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(archiveFolder, "archiveFolder");
        if (zip && !isPlainZipName(archiveName)) {
            throw new IllegalArgumentException("nom d'archive zip invalide : « " + archiveName
                    + " » (un nom de fichier simple finissant par .zip)");
        }
        if (bordereau && (recipientCode == null || recipientCode.isBlank())) {
            throw new IllegalArgumentException("code destinataire obligatoire quand un bordereau est demandé");
        }
    }

    /** Le nom d'archive est un nom de fichier distant : pas de chemin, pour ne rien déposer ailleurs. */
    static boolean isPlainZipName(String name) {
        return name != null && name.endsWith(".zip") && name.length() > 4 && !name.contains("/")
                && !name.contains("\\") && !name.startsWith(".");
    }

    /** Nom du bordereau : {@code <préfixe>_<type>_<aaaammjj>_bordereau.txt}. */
    public String bordereauName() {
        return extraction.label() + "_bordereau.txt";
    }
}
