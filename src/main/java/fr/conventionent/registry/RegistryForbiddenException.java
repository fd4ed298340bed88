package fr.conventionent.registry;

/** Logged in, but not allowed to do this. */
public class RegistryForbiddenException extends RuntimeException {

    public RegistryForbiddenException(String message) {
        super(message);
    }
}
