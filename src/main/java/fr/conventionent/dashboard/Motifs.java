package fr.conventionent.dashboard;

import java.text.Normalizer;
import java.util.Locale;

/** Reasons of rejection typed by people: « Annexe 1 incomplète. » and « annexe 1 incomplete » are one reason. */
final class Motifs {

    private Motifs() {
    }

    /** Lower case, accents and punctuation stripped, spaces collapsed. */
    static String normalise(String motif) {
        if (motif == null) {
            return "";
        }
        String withoutAccents = Normalizer.normalize(motif, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}]+", " ")
                .replaceAll("\\s+", " ").trim();
    }
}
