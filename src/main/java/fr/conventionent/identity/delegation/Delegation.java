package fr.conventionent.identity.delegation;

import java.time.LocalDate;

/** One line of the register: {@code utilisateur} may sign for the Recteur from {@code debut} to {@code fin} inclusive. */
public record Delegation(long id, String utilisateur, String nom, String fonction, LocalDate debut, LocalDate fin,
                         boolean conventions, boolean avenants, boolean lettres) {

    public boolean covers(DelegationScope scope) {
        return switch (scope) {
            case CONVENTIONS -> conventions;
            case AVENANTS -> avenants;
            case LETTRES -> lettres;
        };
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(debut) && !day.isAfter(fin);
    }
}
