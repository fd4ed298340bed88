package fr.conventionent.signature;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.conventionent.document.DocxBuilder;
import fr.conventionent.kernel.FrenchFormats;

/**
 * The "bordereau de circuit", as a parapheur's evidence sheet: every step of the signature circuit
 * (from {@code historiqueCircuit}) with its actor, date, decision and reason, and the points each reviewer checked,
 * round by round; the PDF version each
 * step saw (SHA-256) and the scan of the signed copy with the version it signs.
 */
public final class CircuitEvidenceDocument {

    /**
     * One completed step, as {@link CircuitJournal} records it: {@code cle} is the step's BPMN id (absent from
     * journals written before it was recorded), {@code verifications} the checklist points its reviewer ticked.
     *
     * @param qualite in what capacity the actor signed for the Recteur (« Le Recteur », « Pour le Recteur et par
     *                délégation, … »), null for the other steps
     */
    public record Entry(String etape, String groupe, String acteur, OffsetDateTime date, String decision,
                        String motif, String empreinte, String cle, List<String> verifications, String qualite) {

        public Entry(String etape, String groupe, String acteur, OffsetDateTime date, String decision, String motif) {
            this(etape, groupe, acteur, date, decision, motif, null);
        }

        public Entry(String etape, String groupe, String acteur, OffsetDateTime date, String decision, String motif,
                     String empreinte) {
            this(etape, groupe, acteur, date, decision, motif, empreinte, null, List.of(), null);
        }

        @SuppressWarnings("unchecked")
        static Entry of(Object journalEntry) {
            Map<String, Object> map = (Map<String, Object>) journalEntry;
            Object date = map.get("date");
            List<String> verifications = map.get("verifications") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            return new Entry(text(map.get("etape")), text(map.get("groupe")), text(map.get("acteur")),
                    date == null ? null : OffsetDateTime.parse(date.toString()), text(map.get("decision")),
                    text(map.get("motif")), text(map.get("empreinte")), text(map.get("cle")), verifications,
                    text(map.get("qualite")));
        }

        /** The commune's signature of its copies: it starts each round of the circuit. */
        boolean startsARound() {
            return cle == null ? SignatureCircuitProcess.NAME_SIGN_COPIES.equals(etape)
                    : SignatureCircuitProcess.TASK_SIGN_COPIES.equals(cle);
        }

        private static String text(Object value) {
            return value == null || value.toString().isBlank() ? null : value.toString();
        }
    }

    private CircuitEvidenceDocument() {
    }

    public static String fileName(String numero, Integer avenantNumero) {
        return "Bordereau-circuit-" + numero + (avenantNumero == null ? "" : "-avenant-" + avenantNumero) + ".docx";
    }

    /** The journal's entries (the parsed {@code historiqueCircuit} list), in order. */
    public static List<Entry> entries(List<?> journal) {
        return journal.stream().map(Entry::of).toList();
    }

    /**
     * @param fullNames a user's full name from its login, or null when unknown
     * @param establishedAt when the document is established
     */
    public static byte[] generate(String numero, Integer avenantNumero, String commune, Date dateSignature,
                                  List<Entry> entries, Function<String, String> fullNames, Date establishedAt) {
        return generate(numero, avenantNumero, commune, dateSignature, entries, null, fullNames, establishedAt);
    }

    /** The uploaded scan: its file, its SHA-256 and that of the PDF version it signs. */
    public record SignedScan(String fichier, String empreinteScan, String empreinteVersionSignee) {
    }

    /** @param scan the uploaded scan, or null when none is known */
    public static byte[] generate(String numero, Integer avenantNumero, String commune, Date dateSignature,
                                  List<Entry> entries, SignedScan scan, Function<String, String> fullNames,
                                  Date establishedAt) {
        List<String> versions = entries.stream().map(Entry::empreinte).filter(e -> e != null).distinct().toList();
        List<Integer> rounds = rounds(entries);
        boolean checklists = entries.stream().anyMatch(entry -> !entry.verifications().isEmpty());
        int roundCount = rounds.isEmpty() ? 0 : rounds.get(rounds.size() - 1);
        boolean severalRounds = roundCount > 1;

        DocxBuilder doc = new DocxBuilder().title("Bordereau de circuit");
        doc.paragraph("Convention ENT n° " + numero);
        if (avenantNumero != null) {
            doc.paragraph("Avenant n° " + avenantNumero);
        }
        doc.paragraph("Commune : " + (commune == null ? "—" : commune));
        doc.paragraph("Date de signature : " + (dateSignature == null ? "—" : FrenchFormats.longDate(dateSignature)));
        doc.paragraph(severalRounds ? "Le circuit de signature a été parcouru en " + roundCount
                + " tours : chaque rejet a renvoyé le document à la commune pour un nouveau tour."
                : "Le circuit de signature a été parcouru en un seul tour.");

        List<String> header = new ArrayList<>();
        if (severalRounds) {
            header.add("Tour");
        }
        header.addAll(List.of("Étape", "Groupe", "Acteur", "Date et heure", "Décision", "Motif"));
        if (checklists) {
            header.add("Points vérifiés");
        }
        if (!versions.isEmpty()) {
            header.add("PDF vu");
        }
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            List<String> row = new ArrayList<>();
            if (severalRounds) {
                row.add(String.valueOf(rounds.get(i)));
            }
            row.add(orDash(entry.etape()));
            row.add(orDash(entry.groupe()));
            row.add(actor(entry.acteur(), fullNames) + (entry.qualite() == null ? "" : " – " + entry.qualite()));
            row.add(entry.date() == null ? "—" : dateTime(entry.date().atZoneSameInstant(FrenchFormats.PARIS)));
            row.add(decision(entry.decision()));
            row.add(entry.motif() == null ? "" : entry.motif());
            if (checklists) {
                row.add(String.join("\n", entry.verifications()));
            }
            if (!versions.isEmpty()) {
                row.add(entry.empreinte() == null ? "—" : version(versions, entry.empreinte()));
            }
            rows.add(row);
        }
        doc.table(header, rows);
        if (!versions.isEmpty()) {
            doc.heading(1, "Versions PDF vues par le circuit (empreintes SHA-256)");
            for (int i = 0; i < versions.size(); i++) {
                doc.paragraph("V" + (i + 1) + " : " + versions.get(i));
            }
        }
        if (scan != null && scan.empreinteScan() != null) {
            doc.heading(1, "Exemplaire signé numérisé");
            doc.paragraph("Fichier : " + orDash(scan.fichier()));
            doc.paragraph("Empreinte SHA-256 du scan : " + scan.empreinteScan());
            doc.paragraph("Version signée : " + (scan.empreinteVersionSignee() == null ? "—"
                    : version(versions, scan.empreinteVersionSignee()) + ", empreinte SHA-256 "
                    + scan.empreinteVersionSignee()));
        }
        doc.paragraph("Document établi automatiquement le "
                + dateTime(establishedAt.toInstant().atZone(FrenchFormats.PARIS)) + " par Convention ENT");
        return doc.toBytes();
    }

    /** "28 novembre 2026 à 14 h 05", in Paris time. */
    static String dateTime(ZonedDateTime paris) {
        return FrenchFormats.longDate(paris.toLocalDate()) + " à " + paris.getHour() + " h "
                + String.format("%02d", paris.getMinute());
    }

    static String decision(String decision) {
        if (decision == null) {
            return "—";
        }
        return switch (decision) {
            case "valider" -> "Validée";
            case "rejeter" -> "Rejetée";
            case "effectuée" -> "Effectuée";
            default -> decision;
        };
    }

    /** "V2": the version's rank among those the circuit saw (its full fingerprint when it saw none). */
    private static String version(List<String> versions, String empreinte) {
        int index = versions.indexOf(empreinte);
        return index < 0 ? empreinte : "V" + (index + 1);
    }

    /** The round of each entry: the commune's signature of its copies starts each round. */
    private static List<Integer> rounds(List<Entry> entries) {
        List<Integer> rounds = new ArrayList<>();
        int round = 0;
        for (Entry entry : entries) {
            if (round == 0 || entry.startsARound()) {
                round++;
            }
            rounds.add(round);
        }
        return rounds;
    }

    private static String actor(String login, Function<String, String> fullNames) {
        if (login == null) {
            return "—";
        }
        String name = fullNames.apply(login);
        return name == null ? login : login + "\n" + name;
    }

    private static String orDash(String text) {
        return text == null ? "—" : text;
    }
}
