package fr.conventionent.registry;

/** No Tasklist login in this browser session. */
public class RegistryNotLoggedInException extends RuntimeException {

    public RegistryNotLoggedInException() {
        super("Connectez-vous d'abord à la liste des tâches (/camunda/app/tasklist/) : le registre utilise la même"
                + " connexion.");
    }
}
