package fr.conventionent.aaf;

/** Nom de fichier qui ne respecte pas le format AAF ; le message, en français, dit pourquoi. */
public class InvalidAafFileNameException extends IllegalArgumentException {

    public InvalidAafFileNameException(String message) {
        super(message);
    }
}
