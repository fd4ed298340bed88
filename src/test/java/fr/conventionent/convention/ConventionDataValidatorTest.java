package fr.conventionent.convention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.conventionent.demo.SampleConventions;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionDataMapper;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.Uai;

class ConventionDataValidatorTest {

    private final ConventionDataValidator validator = new ConventionDataValidator();

    private ConventionData sample() {
        return ConventionDataMapper.normalize(ConventionDataMapper.read(SampleConventions.completion("78646", "Versailles", 3)));
    }

    private ConventionData withSchools(List<Ecole> ecoles) {
        ConventionData d = sample();
        return new ConventionData(d.communeInsee(), d.communeNom(), d.communeAdresse(), d.maireNom(), ecoles,
                d.referentEnt(), d.correspondantsTechniques(), d.editeurEnt(), d.exploitantEnt());
    }

    @Test
    void aCompleteConventionIsAccepted() {
        assertThat(validator.validate(sample())).isEmpty();
    }

    @Test
    void atLeastOneSchoolIsRequired() {
        assertThat(validator.validate(withSchools(List.of())))
                .containsExactly("L'annexe 1 doit comporter au moins une école.");
    }

    @Test
    void aSchoolMayNotBeListedTwice() {
        List<Ecole> ecoles = new ArrayList<>(sample().ecoles());
        ecoles.add(ecoles.get(0));
        assertThat(validator.validate(withSchools(ecoles)))
                .anyMatch(error -> error.contains("figure deux fois dans l'annexe 1"));
    }

    @Test
    void aSchoolOfAnotherDepartementIsRefused() {
        assertThat(validator.validate(withSchools(List.of(new Ecole(Uai.withCheckLetter("0920001"), "École", "Rue")))))
                .containsExactly("École n° 1 (École) : l'UAI « 0920001" + Uai.checkLetter("0920001")
                        + " » n'est pas une école du département de la commune (elle devrait commencer par 078).");
    }

    @Test
    void twoTechnicalCorrespondentsAtMost() {
        ConventionData d = sample();
        List<Contact> three = new ArrayList<>(d.correspondantsTechniques());
        three.add(d.referentEnt());
        ConventionData tooMany = new ConventionData(d.communeInsee(), d.communeNom(), d.communeAdresse(), d.maireNom(),
                d.ecoles(), d.referentEnt(), three, d.editeurEnt(), d.exploitantEnt());
        assertThat(validator.validate(tooMany))
                .containsExactly("L'annexe 2 prévoit au plus deux correspondants techniques de l'exploitant.");
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        ConventionData empty = new ConventionData("78646", "", " ", "", sample().ecoles(), null, List.of(), "", "");
        assertThat(validator.validate(empty)).hasSize(7);
    }

    @Test
    void theCommunesDataProtectionOfficerIsOptionalButCheckedOnceNamed() {
        ConventionData d = sample();
        assertThat(validator.validate(withDpo(d, null))).isEmpty();
        assertThat(validator.validate(withDpo(d, new Contact("BERNARD Lucie", null, "dpo@versailles.example"))))
                .isEmpty();
        assertThat(validator.validate(withDpo(d, new Contact("", null, "dpo@versailles"))))
                .containsExactly("Le nom et prénom sont obligatoires pour le délégué à la protection des données de la"
                        + " commune.", "L'adresse de messagerie « dpo@versailles » du délégué à la protection des"
                        + " données de la commune n'est pas valide.");
        assertThat(validator.validate(withDpo(d, new Contact("BERNARD Lucie", null, ""))))
                .containsExactly("L'adresse de messagerie «  » du délégué à la protection des données de la commune"
                        + " n'est pas valide.");
    }

    @Test
    void anEmptyDataProtectionOfficerRowMeansNoneIsNamed() {
        ConventionData d = sample();
        ConventionData normalized = ConventionDataMapper.normalize(withDpo(d, new Contact(" ", null, "")));
        assertThat(normalized.dpoCommune()).isNull();
        assertThat(ConventionDataMapper.normalize(withDpo(d, new Contact(" BERNARD Lucie ", null, "DPO@Ville.example")))
                .dpoCommune()).isEqualTo(new Contact("BERNARD Lucie", null, "dpo@ville.example"));
    }

    private static ConventionData withDpo(ConventionData d, Contact dpo) {
        return new ConventionData(d.communeInsee(), d.communeNom(), d.communeAdresse(), d.maireNom(), d.ecoles(),
                d.referentEnt(), d.correspondantsTechniques(), d.editeurEnt(), d.exploitantEnt(), dpo);
    }
}
