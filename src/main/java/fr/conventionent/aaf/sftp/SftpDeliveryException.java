package fr.conventionent.aaf.sftp;

/** Échec d'envoi SFTP ; le message, en français, est destiné à l'opérateur. */
public class SftpDeliveryException extends Exception {

    public SftpDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public SftpDeliveryException(String message) {
        super(message);
    }
}
