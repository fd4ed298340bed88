package fr.conventionent.aaf;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Nom d'un fichier AAF : {@code <préfixe>_<Delta|Complet>_<aaaammjj>_<catégorie>_<nnnn>.xml}.
 *
 * <p>Le préfixe est choisi par l'académie et peut lui-même contenir des {@code _} et des {@code -}
 * (ex. {@code ENT2DVA-ENT16}, {@code FULL_ENTTSSERVICES}) : on découpe donc le nom <em>par la droite</em>,
 * les quatre derniers segments étant fixes, tout ce qui reste à gauche est le préfixe.
 */
public record AafFileName(String prefix, AafFileType type, LocalDate extractionDate, AafCategory category, int number) {

    public static final String EXTENSION = ".xml";

    /** {@code uuuu} et non {@code yyyy} : avec ResolverStyle.STRICT, {@code yyyy} exige une ère. */
    public static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d{4}");
    private static final Pattern DATE = Pattern.compile("\\d{8}");

    public AafFileName {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(extractionDate, "extractionDate");
        Objects.requireNonNull(category, "category");
        if (!isValidPrefix(prefix)) {
            throw new InvalidAafFileNameException("préfixe invalide : « " + prefix + " »");
        }
        if (number < 0 || number > 9999) {
            throw new InvalidAafFileNameException("numéro d'ordre hors de 0000..9999 : " + number);
        }
    }

    /** Un préfixe ne peut contenir que lettres, chiffres, {@code _} et {@code -}, et ne commence pas par un séparateur. */
    public static boolean isValidPrefix(String prefix) {
        return prefix != null && PREFIX.matcher(prefix).matches();
    }

    /**
     * Lit un nom de fichier (sans chemin).
     *
     * @throws InvalidAafFileNameException avec la raison en français
     */
    public static AafFileName parse(String fileName) {
        Objects.requireNonNull(fileName, "fileName");
        if (!fileName.endsWith(EXTENSION)) {
            throw new InvalidAafFileNameException("extension .xml absente");
        }
        String stem = fileName.substring(0, fileName.length() - EXTENSION.length());
        // Par la droite : numéro, catégorie, date, type ; le reste est le préfixe.
        String[] right = new String[4];
        int end = stem.length();
        for (int i = 3; i >= 0; i--) {
            int sep = stem.lastIndexOf('_', end - 1);
            if (sep < 0) {
                throw new InvalidAafFileNameException(
                        "format attendu <préfixe>_<type>_<aaaammjj>_<catégorie>_<nnnn>.xml");
            }
            right[i] = stem.substring(sep + 1, end);
            end = sep;
        }
        String prefix = stem.substring(0, end);
        String typeLabel = right[0];
        String dateText = right[1];
        String categoryLabel = right[2];
        String numberText = right[3];

        if (!isValidPrefix(prefix)) {
            throw new InvalidAafFileNameException(prefix.isEmpty() ? "préfixe absent" : "préfixe invalide : « " + prefix + " »");
        }
        AafFileType type = AafFileType.fromLabel(typeLabel).orElseThrow(() -> new InvalidAafFileNameException(
                "type « " + typeLabel + " » inconnu (attendu Delta ou Complet)"));
        if (!DATE.matcher(dateText).matches()) {
            throw new InvalidAafFileNameException("date « " + dateText + " » invalide (attendu aaaammjj)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(dateText, DATE_FORMAT);
        } catch (DateTimeParseException e) {
            throw new InvalidAafFileNameException("date « " + dateText + " » inexistante dans le calendrier");
        }
        AafCategory category = AafCategory.fromLabel(categoryLabel).orElseThrow(() -> new InvalidAafFileNameException(
                "catégorie « " + categoryLabel + " » inconnue (attendu Eleve, EtabEducNat, PersEducNat ou PersRelEleve)"));
        if (!NUMBER.matcher(numberText).matches()) {
            throw new InvalidAafFileNameException("numéro d'ordre « " + numberText + " » invalide (attendu 4 chiffres)");
        }
        return new AafFileName(prefix, type, date, category, Integer.parseInt(numberText));
    }

    /** Le numéro sur quatre chiffres, tel qu'il s'écrit dans le nom. */
    public String numberText() {
        return String.format("%04d", number);
    }

    /** Nom de fichier complet, inverse exact de {@link #parse(String)}. */
    public String fileName() {
        return prefix + '_' + type.label() + '_' + DATE_FORMAT.format(extractionDate) + '_' + category.label() + '_'
                + numberText() + EXTENSION;
    }

    @Override
    public String toString() {
        return fileName();
    }
}
