package fr.conventionent.pilotage;

import static fr.conventionent.pilotage.SteeringCommitteeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import fr.conventionent.convention.ConventionProcess;
import fr.conventionent.demo.MinimalPdf;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.ConventionLifeTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Article 4: the commune convenes a comité de pilotage twice a year from the signature, then files its minutes. */
class SteeringCommitteeProcessTest extends ConventionLifeTest {

    @Test
    void steeringCommitteeIsDueTwiceAYearFromTheSignatureForTenYears() throws Exception {
        // signed on 31 August: every due date is counted from the signature, so February's comité
        // falls on the 28th (29th in leap years) and August's stays on the 31st
        ProcessInstance convention = signedConvention("2026-08-31");
        String numero = numero(convention);
        List<String> due = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            String dueDay = localDay(fire(timer(convention.getId(), ConventionProcess.TIMER_STEERING_COMMITTEE)))
                    .toString();
            due.add(dueDay);
            Task convene = task(numero, TASK_CONVENE);
            assertThat(candidateGroupOf(convene)).isEqualTo("commune-78646");
            assertThat(taskService.getVariable(convene.getId(), NUMERO_COMITE)).isEqualTo(n);

            String meeting = java.time.LocalDate.parse(dueDay).plusDays(20).toString();
            actAsVersailles();
            taskService.complete(convene.getId(), convening(meeting, participants()));
            actAsNobody();
            executeDueJobs();
            String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                    .processInstanceBusinessKey(numero).singleResult().getId();
            assertThat(localDay(fire(timer(instance, TIMER_MEETING_DAY)))).hasToString(meeting);
            taskService.complete(task(numero, TASK_FILE_MINUTES).getId(), Map.of(COMPTE_RENDU,
                    Variables.fileValue("compte-rendu-" + n + ".pdf").file(MinimalPdf.withText("Compte rendu"))
                            .mimeType("application/pdf").create()));
            executeDueJobs();
            if (n == 1) {
                MimeMessage invitation = mailsAbout("Invitation au comité de pilotage du").get(0);
                assertThat(recipients(invitation)).contains("marie.dupont@versailles.example",
                        "paul.martin@ac-versailles.example", "mairie.versailles@demo.example", "daces@demo.example");
                // the académie's natural members are invited without being listed by the commune
                assertThat(recipients(invitation)).contains("ien.versailles@demo.example", "tice.78@demo.example",
                        "dane@demo.example").doesNotContain("ien.nanterre@demo.example", "tice.92@demo.example");
                assertThat(body(invitation)).contains("l'IEN de la circonscription, l'IEN chargé de la mission TICE"
                        + " du département et la DANE");
                assertThat(body(invitation)).contains("comité de pilotage n° 1", "Point d'étape du déploiement",
                        "Date\u00a0: 20 mars 2027");
                MimeMessage minutes = mailsAbout("Compte rendu du comité de pilotage").get(0);
                assertThat(recipients(minutes)).contains("marie.dupont@versailles.example",
                        "mairie.versailles@demo.example", "daces@demo.example", "ien.versailles@demo.example",
                        "tice.78@demo.example", "dane@demo.example");
                assertThat(((MimeMultipart) minutes.getContent()).getBodyPart(1).getFileName())
                        .isEqualTo("compte-rendu-1.pdf");
            }
        }
        List<String> expected = new ArrayList<>();
        for (int year = 2027; year <= 2036; year++) {
            expected.add(year + (java.time.Year.isLeap(year) ? "-02-29" : "-02-28"));
            expected.add(year + "-08-31");
        }
        assertThat(due).isEqualTo(expected);
        assertThat(mailsAbout("Invitation au comité de pilotage du")).hasSize(20);
        assertThat(timer(convention.getId(), ConventionProcess.TIMER_STEERING_COMMITTEE).getDuedate())
                .isEqualTo(day("2037-02-28"));
        assertThat(JsonVariables.readList(conventionVariable(convention, ConventionVariables.COMITES), Object.class))
                .hasSize(20);
        assertThat(JsonVariables.read(conventionVariable(convention, ConventionVariables.COMITES)).get(0)
                .path("date").asText()).isEqualTo("2027-03-20");
    }

    @Test
    void aLateComiteDoesNotShiftTheNextOne() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        fire(timer(convention.getId(), ConventionProcess.TIMER_STEERING_COMMITTEE));
        moveClockTo("2027-10-01", 10); // the first comité, due in March, is convened in October
        executeDueJobs();
        taskService.complete(task(numero, TASK_CONVENE).getId(), convening("2027-10-20", participants()));
        executeDueJobs();
        moveClockTo("2027-10-20", 12);
        executeDueJobs();
        taskService.complete(task(numero, TASK_FILE_MINUTES).getId(), Map.of(COMPTE_RENDU,
                Variables.fileValue("cr.pdf").file(MinimalPdf.withText("CR")).create()));
        executeDueJobs();

        // the second was due on 15 September 2027: it is asked for at once; the third stays on 15 March 2028
        assertThat(task(numero, TASK_CONVENE)).isNotNull();
        assertThat(taskService.getVariable(task(numero, TASK_CONVENE).getId(), NUMERO_COMITE)).isEqualTo(2);
    }

    @Test
    void conveningIsCheckedOnTheServerAndARefusalChangesNothing() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        fire(timer(convention.getId(), ConventionProcess.TIMER_STEERING_COMMITTEE));
        Task convene = task(numero, TASK_CONVENE);

        List<Map<String, Object>> communeOnly = List.of(participant("Marie Dupont", "commune", "marie.dupont@versailles.example"));
        assertThatThrownBy(() -> taskService.complete(convene.getId(), convening("2027-04-04", communeOnly)))
                .hasMessageContaining("ajoutez au moins un participant de l'académie");
        assertThatThrownBy(() -> taskService.complete(convene.getId(), convening("2027-03-01", participants())))
                .hasMessageContaining("La date du comité (1er mars 2027) ne peut pas être dans le passé");
        List<Map<String, Object>> badMail = List.of(participant("Marie Dupont", "commune", "marie.dupont"),
                participant("Paul Martin", "academie", "paul.martin@ac-versailles.example"));
        assertThatThrownBy(() -> taskService.complete(convene.getId(), convening("2027-04-04", badMail)))
                .hasMessageContaining("l'adresse de messagerie « marie.dupont » n'est pas valide");

        assertThat(task(numero, TASK_CONVENE).getId()).isEqualTo(convene.getId());
        assertThat(taskService.getVariable(convene.getId(), DATE_COMITE)).isNull();
    }

    @Test
    void anOverdueConveningIsRemindedToTheCommune() {
        ProcessInstance convention = signedConvention("2026-09-15");
        fire(timer(convention.getId(), ConventionProcess.TIMER_STEERING_COMMITTEE));
        int before = mailsAbout("Relance – tâche en retard\u00a0: Convoquer le comité de pilotage").size();

        moveClockBy(Duration.ofDays(31));
        executeDueJobs();

        List<MimeMessage> reminders = mailsAbout("Relance – tâche en retard\u00a0: Convoquer le comité de pilotage");
        assertThat(reminders).hasSize(before + 1);
        assertThat(recipients(reminders.get(before))).containsExactly("mairie.versailles@demo.example");
    }

    @Test
    void minutesMustBeAPdfOrAnOfficeDocument() {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        fire(timer(convention.getId(), ConventionProcess.TIMER_STEERING_COMMITTEE));
        taskService.complete(task(numero, TASK_CONVENE).getId(), convening("2027-04-04", participants()));
        executeDueJobs();
        moveClockTo("2027-04-04", 18);
        executeDueJobs();
        Task minutes = task(numero, TASK_FILE_MINUTES);

        assertThatThrownBy(() -> taskService.complete(minutes.getId(), Map.of(COMPTE_RENDU,
                Variables.fileValue("cr.exe").file("MZ pas un document".getBytes()).create())))
                .hasMessageContaining("n'est ni un PDF ni un document bureautique");
        assertThatThrownBy(() -> taskService.complete(minutes.getId(), Map.of()))
                .hasMessageContaining("Déposez le compte rendu du comité de pilotage");
        assertThat(task(numero, TASK_FILE_MINUTES)).isNotNull();
    }

    static Map<String, Object> convening(String date, List<Map<String, Object>> participants) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DATE_COMITE, date);
        variables.put(LIEU, "Hôtel de ville de Versailles, salle du conseil");
        variables.put(ORDRE_DU_JOUR, "1. Point d'étape du déploiement\n2. Usages dans les écoles\n3. Formation");
        variables.put(PARTICIPANTS, JsonVariables.write(participants));
        return variables;
    }

    static List<Map<String, Object>> participants() {
        return List.of(participant("Marie Dupont", "commune", "Marie.Dupont@versailles.example"),
                participant("Paul Martin", "academie", "paul.martin@ac-versailles.example"));
    }

    static Map<String, Object> participant(String nom, String partie, String email) {
        return Map.of("nom", nom, "fonction", "membre du comité", "partie", partie, "email", email);
    }
}
