package fr.conventionent.registry;

/** A request the registry refuses (bad filter, unknown convention, …): its message is shown to the user as is. */
public class InvalidRegistryRequestException extends RuntimeException {

    public InvalidRegistryRequestException(String message) {
        super(message);
    }
}
