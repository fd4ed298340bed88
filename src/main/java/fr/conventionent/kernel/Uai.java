package fr.conventionent.kernel;

import java.util.regex.Pattern;

/**
 * Unité administrative immatriculée: 7 digits and a check letter, the letter being
 * "ABCDEFGHJKLMNPRSTUVWXYZ"[first seven digits mod 23].
 */
public final class Uai {

    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("\\d{7}[A-Z]");

    private Uai() {
    }

    public static String normalize(String uai) {
        return uai == null ? "" : uai.trim().toUpperCase();
    }

    public static boolean isWellFormed(String uai) {
        return FORMAT.matcher(uai).matches();
    }

    public static char checkLetter(String sevenDigits) {
        return CHECK_LETTERS.charAt((int) (Long.parseLong(sevenDigits) % 23));
    }

    public static boolean isValid(String uai) {
        return isWellFormed(uai) && uai.charAt(7) == checkLetter(uai.substring(0, 7));
    }

    /** The first three characters of the UAIs of a département: 078 for 78, 974 for 974. */
    public static String prefixOf(String departement) {
        return switch (departement) {
            case "2A" -> "620";
            case "2B" -> "720";
            default -> departement.length() == 2 ? "0" + departement : departement;
        };
    }

    public static String withCheckLetter(String sevenDigits) {
        return sevenDigits + checkLetter(sevenDigits);
    }
}
