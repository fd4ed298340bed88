package fr.conventionent.kernel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Pattern;

/** Formats and checks French ways of writing things: dates, phone numbers, INSEE codes. */
public final class FrenchFormats {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
    private static final Pattern PHONE = Pattern.compile("(?:0|\\+33|0033)[1-9]\\d{8}");
    private static final Pattern INSEE = Pattern.compile("(?:\\d{2}|2A|2B)\\d{3}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

    private FrenchFormats() {
    }

    /** "1er mars 2027", as French letters write dates. */
    public static String longDate(LocalDate date) {
        String text = LONG_DATE.format(date);
        return date.getDayOfMonth() == 1 ? "1er" + text.substring(1) : text;
    }

    public static String longDate(Date date) {
        return longDate(toLocalDate(date));
    }

    public static String shortDate(Date date) {
        return SHORT_DATE.format(toLocalDate(date));
    }

    public static LocalDate toLocalDate(Date date) {
        return date.toInstant().atZone(PARIS).toLocalDate();
    }

    public static boolean isPhone(String phone) {
        return phone != null && PHONE.matcher(compactPhone(phone)).matches();
    }

    /** 0123456789 or +33 1 23 45 67 89 → "01 23 45 67 89"; anything else unchanged. */
    public static String formatPhone(String phone) {
        if (!isPhone(phone)) {
            return phone;
        }
        String digits = compactPhone(phone);
        String national = "0" + digits.substring(digits.length() - 9);
        return national.replaceAll("(\\d{2})(?=\\d)", "$1 ");
    }

    public static boolean isInsee(String code) {
        return code != null && INSEE.matcher(code).matches();
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    private static String compactPhone(String phone) {
        return phone.replaceAll("[\\s.\\-()]", "");
    }
}
