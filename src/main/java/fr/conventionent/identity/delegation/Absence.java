package fr.conventionent.identity.delegation;

import java.time.LocalDate;

/** {@code utilisateur} is away from {@code debut} to {@code fin} inclusive; {@code suppleant} takes their tasks. */
public record Absence(long id, String utilisateur, LocalDate debut, LocalDate fin, String suppleant) {

    public boolean coversDay(LocalDate day) {
        return !day.isBefore(debut) && !day.isAfter(fin);
    }
}
