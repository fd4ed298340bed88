package fr.conventionent.aaf.cli;

import fr.conventionent.aaf.AafFileName;
import fr.conventionent.aaf.AafFileType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lecture minimale des arguments {@code --option valeur} et des arguments positionnels. Volontairement sans
 * bibliothèque : les commandes AAF doivent démarrer sans contexte Spring ni dépendance de plus.
 */
final class CliArgs {

    /** Erreur d'usage : le message, en français, est affiché avant l'aide. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, String> options;
    private final List<String> positionals;

    private CliArgs(Map<String, String> options, List<String> positionals) {
        this.options = options;
        this.positionals = positionals;
    }

    static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if ("--aide".equals(a) || "--help".equals(a) || "-h".equals(a)) {
                return true;
            }
        }
        return false;
    }

    static CliArgs parse(String[] args, Set<String> knownOptions) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (!knownOptions.contains(name)) {
                    throw new UsageException("option inconnue : --" + name);
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("valeur manquante pour --" + name);
                    }
                    value = args[++i];
                }
                if (options.put(name, value) != null) {
                    throw new UsageException("option --" + name + " donnée deux fois");
                }
            } else {
                positionals.add(arg);
            }
        }
        return new CliArgs(options, positionals);
    }

    List<String> positionals() {
        return positionals;
    }

    String optional(String name) {
        return options.get(name);
    }

    String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("option obligatoire manquante : --" + name);
        }
        return value;
    }

    AafFileType type() throws UsageException {
        String value = required("type");
        return AafFileType.fromLabelIgnoreCase(value)
                .orElseThrow(() -> new UsageException("type « " + value + " » inconnu : Complet ou Delta"));
    }

    LocalDate date() throws UsageException {
        String value = required("date");
        try {
            return LocalDate.parse(value, AafFileName.DATE_FORMAT);
        } catch (DateTimeParseException e) {
            throw new UsageException("date « " + value + " » invalide : format aaaammjj, ex. 20240919");
        }
    }

    String prefix() throws UsageException {
        String value = required("prefix");
        if (!AafFileName.isValidPrefix(value)) {
            throw new UsageException("préfixe « " + value + " » invalide : lettres, chiffres, _ et - seulement");
        }
        return value;
    }

    long longValue(String name, long defaultValue, long min) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v < min) {
                throw new UsageException("--" + name + " doit valoir au moins " + min);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " attend un nombre entier, pas « " + value + " »");
        }
    }
}
