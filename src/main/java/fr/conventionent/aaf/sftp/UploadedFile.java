package fr.conventionent.aaf.sftp;

import java.time.Duration;

/** Fichier déposé, sous son nom final, après vérification de la taille distante. */
public record UploadedFile(String fileName, String remotePath, long bytes, Duration duration) {
}
