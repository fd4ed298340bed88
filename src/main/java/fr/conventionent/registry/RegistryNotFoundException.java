package fr.conventionent.registry;

/** A convention that does not exist or that the viewer may not see: both answer 404, so nothing leaks. */
public class RegistryNotFoundException extends RuntimeException {

    public RegistryNotFoundException(String message) {
        super(message);
    }
}
