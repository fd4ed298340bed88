package fr.conventionent.convention;

import java.time.LocalDate;

/** One version of a convention as recorded: in preparation, or signed and in force from {@code depuis}. */
public record RecordedVersion(int version, String etat, LocalDate depuis, String origine) {
}
