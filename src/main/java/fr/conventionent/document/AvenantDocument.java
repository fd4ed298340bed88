package fr.conventionent.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import fr.conventionent.config.ConventionProperties;
import fr.conventionent.convention.ConventionChanges;
import fr.conventionent.convention.ConventionData;
import fr.conventionent.convention.Ecole;
import fr.conventionent.convention.FrenchFormats;

/**
 * A numbered avenant to a convention (article 10), as DOCX: the parties, its object, the clauses
 * it modifies in words, then exactly what changes in Annexe 1 (schools) and Annexe 2 (contacts),
 * and the signature blocks.
 */
@Component
public class AvenantDocument {

    public static final String MIME_TYPE = ConventionDocument.MIME_TYPE;

    private final ConventionProperties.Academie academie;

    public AvenantDocument(ConventionProperties properties) {
        this.academie = properties.academie();
    }

    /** What the avenant says. */
    public record Avenant(String numero, int avenantNumero, LocalDate conventionSignature, int versionAfter,
                         ConventionData before, ConventionData after, String objet, String clauses,
                         ConventionChanges changes) {
    }

    public static String fileName(String numero, int avenantNumero) {
        return "Avenant-" + avenantNumero + "-" + numero + ".docx";
    }

    public byte[] generate(Avenant avenant) {
        DocxBuilder doc = new DocxBuilder();
        ConventionData data = avenant.before();
        doc.title("AVENANT N° " + avenant.avenantNumero() + " À LA CONVENTION RELATIVE À L'UTILISATION DE L'ESPACE"
                + " NUMÉRIQUE DE TRAVAIL (ENT) DANS LES ÉCOLES");
        doc.centered("Convention n° " + avenant.numero() + (avenant.conventionSignature() == null ? ""
                : " signée le " + FrenchFormats.longDate(avenant.conventionSignature())) + " – avenant n° "
                + avenant.avenantNumero() + ", qui la porte en version " + avenant.versionAfter() + " – document établi le "
                + FrenchFormats.longDate(FrenchFormats.toLocalDate(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime())));
        doc.paragraph("Entre");
        doc.paragraph("Le ministère de l'Éducation nationale, représenté dans l'" + academie.nom() + " par "
                + academie.representant() + ", dont le siège est situé " + academie.adresseSiege() + ",");
        doc.paragraph("Ci-après dénommé « l'académie »");
        doc.paragraph("Et");
        doc.paragraph("La commune de " + data.communeNom() + " (code INSEE " + data.communeInsee() + "), située "
                + data.communeAdresse() + ", représentée par " + data.maireNom() + ", Maire de " + data.communeNom() + ",");
        doc.paragraph("Ci-après dénommée « la commune »,");
        doc.paragraph("Vu l'article 10 de la convention, aux termes duquel toute modification des conditions ou"
                + " modalités d'exécution de la convention, définie d'un commun accord entre les parties, fait l'objet"
                + " d'un avenant préalablement approuvé par la commune, sans remettre en cause les objectifs généraux"
                + " fixés dans la convention,");
        doc.paragraph("Il est convenu ce qui suit :");

        int article = 1;
        doc.heading(1, "Article " + article++ + " – Objet de l'avenant");
        doc.paragraph(avenant.objet());
        if (avenant.clauses() != null && !avenant.clauses().isBlank()) {
            doc.heading(1, "Article " + article++ + " – Clauses modifiées");
            for (String line : avenant.clauses().split("\\R")) {
                if (!line.isBlank()) {
                    doc.paragraph(line.trim());
                }
            }
        }
        ConventionChanges changes = avenant.changes();
        if (changes.changesSchools()) {
            doc.heading(1, "Article " + article++ + " – Annexe 1 : écoles qui bénéficient du dispositif");
            if (!changes.ecolesAjoutees().isEmpty()) {
                doc.paragraph("Les écoles suivantes sont ajoutées à l'annexe 1 :");
                doc.table(List.of("UAI", "Nom de l'école", "Adresse"), rows(changes.ecolesAjoutees()));
            }
            if (!changes.ecolesRetirees().isEmpty()) {
                doc.paragraph("Les écoles suivantes sont retirées de l'annexe 1 :");
                doc.table(List.of("UAI", "Nom de l'école", "Adresse"), rows(changes.ecolesRetirees()));
            }
            if (!changes.ecolesModifiees().isEmpty()) {
                doc.paragraph("Les informations des écoles suivantes sont modifiées :");
                List<List<String>> rows = new ArrayList<>();
                for (ConventionChanges.EcoleModifiee change : changes.ecolesModifiees()) {
                    rows.add(List.of(change.apres().uai(), change.avant().nom() + "\n" + change.avant().adresse(),
                            change.apres().nom() + "\n" + change.apres().adresse()));
                }
                doc.table(List.of("UAI", "Avant", "Après"), rows);
            }
            int count = avenant.after().ecoles().size();
            doc.paragraph("Après le présent avenant, " + count + (count > 1 ? " écoles bénéficient" : " école bénéficie")
                    + " du dispositif.");
        }
        if (!changes.annexe2().isEmpty()) {
            doc.heading(1, "Article " + article++ + " – Annexe 2 : coordonnées");
            List<List<String>> rows = new ArrayList<>();
            for (ConventionChanges.FieldChange change : changes.annexe2()) {
                rows.add(List.of(change.element(), change.avant(), change.apres()));
            }
            doc.table(List.of("Élément", "Avant", "Après"), rows);
        }
        doc.heading(1, "Article " + article + " – Autres stipulations");
        doc.paragraph("Les autres stipulations de la convention demeurent inchangées. Le présent avenant prend effet à"
                + " la date de sa signature par les parties.");
        doc.paragraph("");
        doc.paragraph("Fait à " + academie.ville() + ", le ………………………, en 2 exemplaires originaux.");
        doc.layoutTable(List.of(List.of("P/La commune", "P/L'académie"),
                List.of("\n\n\n\nLe Maire de " + data.communeNom() + "\n" + data.maireNom(),
                        "\n\n\n\nLe Recteur de l'" + academie.nom() + ",\nChancelier des Universités")));
        return doc.toBytes();
    }

    private static List<List<String>> rows(List<Ecole> ecoles) {
        return ecoles.stream().map(e -> List.of(e.uai(), e.nom(), e.adresse())).toList();
    }
}
