package fr.conventionent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.identity.Groups;
import fr.conventionent.support.Circuits;
import fr.conventionent.support.ConventionLifeTest;

/** The registry follows each convention from its start to its end, whatever step changed it. */
class RegistryProjectionTest extends ConventionLifeTest {

    private static final Viewer DACES = new Viewer("daces", List.of(Groups.DACES));

    @Autowired
    RegistryService registry;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyRegistry() {
        jdbc.update("DELETE FROM registre_convention");
    }

    private RegistryLine line(String numero) {
        return registry.detail(DACES, numero).convention();
    }

    @Test
    void theRegistryShowsWhereAConventionWaitsThenItsTermOnceSigned() {
        moveClockTo("2026-09-01", 9);
        ProcessInstance convention = startConvention("78646");
        String numero = numero(convention);
        RegistryLine started = line(numero);
        assertThat(started.statut()).isEqualTo(ConventionProcess.STATUT_EN_PREPARATION);
        assertThat(started.communeInsee()).isEqualTo("78646");
        assertThat(started.departement()).isEqualTo("78");
        assertThat(started.circonscription()).isEqualTo("versailles");
        assertThat(started.statutLibelle()).isEqualTo("en préparation à l'étape « Compléter la convention »"
                + " depuis aujourd'hui");

        taskService.complete(openTask(convention).getId(), SampleConventions.completion("78646", "Versailles", 2));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        moveClockTo("2026-09-13", 9);
        RegistryLine inCircuit = line(numero);
        assertThat(inCircuit.statut()).isEqualTo(ConventionProcess.STATUT_DANS_LE_CIRCUIT);
        assertThat(inCircuit.joursALEtape()).isEqualTo(12);
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of("bloqueeDepuisJours", "10"))).lignes())
                .extracting(RegistryLine::numero).containsExactly(numero);
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of("bloqueeDepuisJours", "13"))).lignes()).isEmpty();
        assertThat(inCircuit.statutLibelle()).startsWith("dans le circuit à l'étape « ").endsWith(" » depuis 12 jours");
        assertThat(inCircuit.communeNom()).isEqualTo("Versailles");

        moveClockTo("2026-09-15", 9);
        for (Map<String, Object> step : List.of(Circuits.approve(), Circuits.approve(), Circuits.approve(),
                Circuits.approve(), Circuits.recteurSigns("2026-09-15"), Circuits.scanUploaded())) {
            taskService.complete(openTask(convention).getId(), step);
        }
        executeDueJobs();
        RegistryLine inForce = line(numero);
        assertThat(inForce.statutLibelle()).isEqualTo("en vigueur");
        assertThat(inForce.etape()).isNull();
        assertThat(inForce.dateSignature()).isEqualTo(LocalDate.parse("2026-09-15"));
        assertThat(inForce.finTermeInitial()).isEqualTo(LocalDate.parse("2030-09-14"));
        assertThat(inForce.prochainAnniversaire()).isEqualTo(LocalDate.parse("2030-09-15"));
        assertThat(inForce.limiteDenonciation()).isEqualTo(LocalDate.parse("2030-06-15"));
        assertThat(inForce.prochainComite()).isEqualTo(LocalDate.parse("2027-03-15"));
        assertThat(inForce.version()).isEqualTo(1);
        assertThat(inForce.avenants()).isZero();
    }

    @Test
    void aRenewalMovesTheNextAnniversaryAndADeletedConventionLeavesTheRegistry() {
        ProcessInstance convention = signedConvention("2026-01-10");
        String numero = numero(convention);
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of("renouveleeSousJours", "30"))).total()).isZero();
        fire(timer(convention.getId(), ConventionProcess.TIMER_DENUNCIATION_REMINDER));
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of("renouveleeSousJours", "150"))).lignes())
                .extracting(RegistryLine::numero).containsExactly(numero);
        fire(timer(convention.getId(), ConventionProcess.TIMER_RENEWAL));
        assertThat(line(numero).prochainAnniversaire()).isEqualTo(LocalDate.parse("2031-01-10"));
        assertThat(line(numero).limiteDenonciation()).isEqualTo(LocalDate.parse("2030-10-10"));

        runtimeService.deleteProcessInstance(convention.getId(), "annulée par l'administrateur");
        assertThat(registry.page(DACES, RegistryFilter.of(Map.of())).total())
                .as("une convention supprimée par un administrateur sort du registre").isZero();
    }

    @Test
    void aRejectedConventionShowsTheCorrectionStep() {
        moveClockTo("2026-09-01", 9);
        ProcessInstance convention = startConvention("92050");
        taskService.complete(openTask(convention).getId(), SampleConventions.completion("92050", "Nanterre", 1));
        taskService.complete(openTask(convention).getId(), Circuits.signedCopies());
        taskService.complete(openTask(convention).getId(), Circuits.reject("Il manque une école"));
        RegistryLine rejected = line(numero(convention));
        assertThat(rejected.etape()).isEqualTo(openTask(convention).getName());
    }
}
