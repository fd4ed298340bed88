package fr.conventionent.registry;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.kernel.FrenchFormats;

/** The status of a convention in words: "dans le circuit à l'étape « … » depuis 12 jours", "en préavis jusqu'au … inclus". */
final class RegistryStatus {

    private RegistryStatus() {
    }

    /** Before signature: the convention waits on a step. */
    static boolean inProgress(String statut) {
        return ConventionProcess.STATUT_EN_PREPARATION.equals(statut)
                || ConventionProcess.STATUT_DANS_LE_CIRCUIT.equals(statut);
    }

    static String label(RegistryEntry entry, Long daysAtStep) {
        String statut = entry.statut();
        if (statut == null) {
            return "inconnu";
        }
        return switch (statut) {
            case ConventionProcess.STATUT_EN_PREPARATION -> "en préparation" + step(entry, daysAtStep);
            case ConventionProcess.STATUT_DANS_LE_CIRCUIT -> "dans le circuit" + step(entry, daysAtStep);
            case ConventionProcess.STATUT_EN_VIGUEUR -> "en vigueur";
            case ConventionProcess.STATUT_EN_PREAVIS -> "en préavis" + until(entry, " jusqu'au ", " inclus");
            case ConventionProcess.STATUT_RESILIEE -> "résiliée" + until(entry, ", ENT accessible jusqu'au ", " inclus");
            case ConventionProcess.STATUT_TERMINEE -> "terminée" + until(entry, " (jusqu'au ", " inclus)");
            default -> statut;
        };
    }

    private static String step(RegistryEntry entry, Long days) {
        if (entry.etape() == null) {
            return "";
        }
        String since = days == null ? "" : days == 0 ? " depuis aujourd'hui" : days == 1 ? " depuis 1 jour"
                : " depuis " + days + " jours";
        return " à l'étape « " + entry.etape() + " »" + since;
    }

    private static String until(RegistryEntry entry, String words, String after) {
        return entry.dernierJour() == null ? "" : words + FrenchFormats.longDate(entry.dernierJour()) + after;
    }
}
