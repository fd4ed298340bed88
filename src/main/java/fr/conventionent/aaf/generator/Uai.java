package fr.conventionent.aaf.generator;

import java.util.regex.Pattern;

/**
 * Unité administrative immatriculée (UAI, ex-RNE) : 7 chiffres et une lettre de contrôle,
 * la lettre étant {@code "ABCDEFGHJKLMNPRSTUVWXYZ"[nombre formé par les 7 chiffres mod 23]}
 * (alphabet sans I, O ni Q, pour éviter la confusion avec 1 et 0).
 */
public final class Uai {

    static final String CHECK_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("\\d{7}[A-Z]");

    private Uai() {
    }

    public static char checkLetter(String sevenDigits) {
        if (sevenDigits == null || !sevenDigits.matches("\\d{7}")) {
            throw new IllegalArgumentException("7 chiffres attendus pour calculer la lettre d'un UAI : " + sevenDigits);
        }
        return CHECK_LETTERS.charAt(Integer.parseInt(sevenDigits) % 23);
    }

    /** UAI complet à partir de ses 7 chiffres. */
    public static String of(String sevenDigits) {
        return sevenDigits + checkLetter(sevenDigits);
    }

    public static boolean isValid(String uai) {
        return uai != null && FORMAT.matcher(uai).matches() && checkLetter(uai.substring(0, 7)) == uai.charAt(7);
    }
}
