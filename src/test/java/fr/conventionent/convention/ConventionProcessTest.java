package fr.conventionent.convention;

import static fr.conventionent.convention.ConventionProcess.*;
import static fr.conventionent.convention.ConventionVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;

import fr.conventionent.charter.UsersCharterProcess;
import fr.conventionent.cnil.CnilFormalitiesProcess;
import fr.conventionent.support.ConventionLifeTest;
import jakarta.mail.internet.MimeMessage;

/**
 * The convention in force (article 11): 4 years from the signature, then tacit renewal every year,
 * each renewal recorded and announced, and a reminder one month before the last day to denounce.
 * The engine clock is moved across ten years; every expected date was worked out by hand.
 */
class ConventionProcessTest extends ConventionLifeTest {

    @Test
    void signedConventionComesIntoForceWithItsFollowUp() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);

        assertThat(convention).isWaitingAt(TIMER_DENUNCIATION_REMINDER, TIMER_STEERING_COMMITTEE)
                .hasPassed(TASK_RECORD_IN_FORCE, TASK_REQUEST_USERS_CHARTER);
        assertThat(conventionVariable(convention, DATE_FIN_PERIODE)).isEqualTo(day("2030-09-14"));
        assertThat(conventionVariable(convention, DATE_LIMITE_DENONCIATION)).isEqualTo(day("2030-06-15"));
        assertThat(timer(convention.getId(), TIMER_DENUNCIATION_REMINDER).getDuedate()).isEqualTo(day("2030-05-15"));
        assertThat(timer(convention.getId(), TIMER_STEERING_COMMITTEE).getDuedate()).isEqualTo(day("2027-03-15"));
        assertThat(task(numero, CnilFormalitiesProcess.TASK_CONFIRM_COMMUNE)).isNotNull();
        assertThat(task(numero, CnilFormalitiesProcess.TASK_CONFIRM_ACADEMIE)).isNotNull();
        assertThat(task(numero, UsersCharterProcess.TASK_RECORD_ADOPTION)).isNotNull();

        List<Map<String, Object>> versions = ConventionVersions.read(conventionVariable(convention, VERSIONS));
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0)).containsEntry("version", 1).containsEntry("depuis", "2026-09-15");
        FileValue v1 = runtimeService.getVariableTyped(convention.getId(), ConventionVersions.docxVariable(1));
        assertThat(v1.getFilename()).isEqualTo("Convention-ENT-" + numero + ".docx");
    }

    @Test
    void renewalsFollowTheAnniversariesForTenYears() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        List<String> renewals = new ArrayList<>();
        for (int year = 2030; year <= 2036; year++) {
            Date reminder = fire(timer(convention.getId(), TIMER_DENUNCIATION_REMINDER));
            assertThat(reminder).as("rappel avant la reconduction de " + year).isEqualTo(day(year + "-05-15"));
            MimeMessage reminderMail = last(mailsAbout("dénonciation possible jusqu'au 15 juin " + year));
            assertThat(recipients(reminderMail)).contains("mairie.versailles@demo.example",
                    "referent.ent@versailles.example", "daces@demo.example");
            assertThat(body(reminderMail)).contains("reconduite tacitement le 15 septembre " + year,
                    "jusqu'au 14 septembre " + (year + 1) + " inclus", "au plus tard le 15 juin " + year);

            Date renewal = fire(timer(convention.getId(), TIMER_RENEWAL));
            renewals.add(localDay(renewal).toString());
            MimeMessage renewalMail = last(mailsAbout("Convention " + numero + " reconduite jusqu'au 14 septembre "
                    + (year + 1)));
            assertThat(recipients(renewalMail)).containsExactlyInAnyOrder("referent.ent@versailles.example",
                    "daces@demo.example");
            assertThat(conventionVariable(convention, DATE_FIN_PERIODE)).isEqualTo(day((year + 1) + "-09-14"));
        }
        assertThat(renewals).containsExactly("2030-09-15", "2031-09-15", "2032-09-15", "2033-09-15", "2034-09-15",
                "2035-09-15", "2036-09-15");
        List<Object> recorded = JsonVariables.readList(conventionVariable(convention, RECONDUCTIONS), Object.class);
        assertThat(recorded).hasSize(7);
        assertThat(JsonVariables.read(conventionVariable(convention, RECONDUCTIONS)).get(0).toString())
                .isEqualTo("{\"numero\":1,\"dateEffet\":\"2030-09-15\",\"jusquAu\":\"2031-09-14\"}");
        assertThat(conventionVariable(convention, STATUT)).isEqualTo(STATUT_EN_VIGUEUR);
    }

    @Test
    void conventionSignedOn29FebruaryIsRenewedOn28FebruaryOutsideLeapYears() {
        ProcessInstance convention = signedConvention("2024-02-29");
        String numero = numero(convention);
        List<String> reminders = new ArrayList<>();
        List<String> renewals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            reminders.add(localDay(fire(timer(convention.getId(), TIMER_DENUNCIATION_REMINDER))).toString());
            renewals.add(localDay(fire(timer(convention.getId(), TIMER_RENEWAL))).toString());
        }
        assertThat(renewals).containsExactly("2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29",
                "2033-02-28", "2034-02-28");
        // last day to denounce: 30 November (a notice of 3 months ends on 28 or 29 February at the latest)
        assertThat(reminders).containsExactly("2027-10-30", "2028-10-30", "2029-10-30", "2030-10-30", "2031-10-30",
                "2032-10-30", "2033-10-30");
        // each period ends the day before the next anniversary: 28 February when it falls on the 29th
        assertThat(mailsAbout("Convention " + numero + " reconduite jusqu'au 27 février 2029")).hasSize(1);
        assertThat(mailsAbout("Convention " + numero + " reconduite jusqu'au 28 février 2032")).hasSize(1);
        assertThat(mailsAbout("Convention " + numero + " reconduite jusqu'au 27 février 2033")).hasSize(1);
        assertThat(mailsAbout("dénonciation possible jusqu'au 30 novembre 2027")).hasSize(1);
    }

    private static MimeMessage last(List<MimeMessage> messages) {
        assertThat(messages).isNotEmpty();
        return messages.get(messages.size() - 1);
    }
}
