package fr.conventionent.config.guard;

import java.time.OffsetDateTime;

/** One change of a convention's data made by an administrator outside the forms: who, when, before, after. */
public record AdminChange(OffsetDateTime date, String numero, String processus, String variable, String operation,
                          String avant, String apres, String auteur) {
}
