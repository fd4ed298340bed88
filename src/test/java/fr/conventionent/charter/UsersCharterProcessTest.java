package fr.conventionent.charter;

import static fr.conventionent.charter.UsersCharterProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.PdfText;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** Article 5: each school's conseil d'école adopts the users' charter; the commune records the dates. */
class UsersCharterProcessTest extends ConventionLifeTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void everySchoolIsFollowedUntilItsConseilDEcoleAdoptsTheCharter() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);

        MimeMessage model = mailsAbout("Charte des utilisateurs de l'ENT à adopter").get(0);
        assertThat(recipients(model)).contains("mairie.versailles@demo.example", "referent.ent@versailles.example");
        assertThat(((MimeMultipart) model.getContent()).getBodyPart(1).getFileName())
                .isEqualTo("Modele-charte-utilisateurs-ENT.docx");
        FileValue printable = (FileValue) runtimeService.createVariableInstanceQuery()
                .variableName(UsersCharterProcess.MODELE_CHARTE_PDF).singleResult().getTypedValue();
        assertThat(printable.getFilename()).isEqualTo("Modele-charte-utilisateurs-ENT.pdf");
        assertThat(PdfText.of(printable.getValue().readAllBytes()).flat()).contains("Versailles");

        Task first = task(numero, TASK_RECORD_ADOPTION);
        List<SchoolCharter> shown = JsonVariables.readList(taskService.getVariable(first.getId(), ECOLES_CHARTE),
                SchoolCharter.class);
        assertThat(shown).hasSize(2).allMatch(school -> !school.adopted());
        moveClockTo("2026-11-20", 10);
        taskService.complete(first.getId(), Map.of(ECOLES_CHARTE, submit(shown, "2026-11-12", null)));

        Task second = task(numero, TASK_RECORD_ADOPTION);
        List<SchoolCharter> remaining = JsonVariables.readList(taskService.getVariable(second.getId(), ECOLES_CHARTE),
                SchoolCharter.class);
        assertThat(remaining).extracting(SchoolCharter::uai).containsExactly(shown.get(1).uai());
        taskService.complete(second.getId(), Map.of(ECOLES_CHARTE, submit(remaining, "2026-11-19")));

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
        List<SchoolCharter> recorded = JsonVariables.readList(
                conventionVariable(convention, ConventionVariables.CHARTES), SchoolCharter.class);
        assertThat(recorded).extracting(SchoolCharter::dateAdoption).containsExactly("2026-11-12", "2026-11-19");
    }

    @Test
    void aSubmissionWithoutDateOrWithAFutureDateIsRefused() {
        ProcessInstance convention = signedConvention("2026-09-15");
        Task task = task(numero(convention), TASK_RECORD_ADOPTION);
        List<SchoolCharter> shown = JsonVariables.readList(taskService.getVariable(task.getId(), ECOLES_CHARTE),
                SchoolCharter.class);

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(ECOLES_CHARTE, submit(shown, null, null))))
                .hasMessageContaining("Indiquez la date d'adoption de la charte pour au moins une école");
        assertThatThrownBy(() -> taskService.complete(task.getId(),
                Map.of(ECOLES_CHARTE, submit(shown, "2027-01-10", null))))
                .hasMessageContaining("ne peut pas être dans le futur");

        assertThat(JsonVariables.readList(conventionVariable(convention, ConventionVariables.CHARTES),
                SchoolCharter.class)).noneMatch(SchoolCharter::adopted);
    }

    @Test
    void theCommuneIsRemindedWhileASchoolHasNotAdoptedIt() {
        signedConvention("2026-09-15");
        int before = mailsAbout("Relance – tâche en retard\u00a0: Enregistrer l’adoption de la charte").size();

        moveClockBy(Duration.ofDays(91));
        executeDueJobs();

        assertThat(mailsAbout("Relance – tâche en retard\u00a0: Enregistrer l’adoption de la charte")).hasSize(before + 1);
    }

    @Test
    void theModelCharterCanBeDownloaded() {
        ResponseEntity<byte[]> response = http.getForEntity(MODEL_URL, byte[].class);

        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(response.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("Modele-charte-utilisateurs-ENT.docx");
        assertThat(response.getBody()).startsWith('P', 'K');
    }

    /** The list as the form sends it back, with the given dates in order (null: left empty). */
    private static Object submit(List<SchoolCharter> shown, String... dates) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("uai", shown.get(i).uai());
            row.put("nom", shown.get(i).nom());
            row.put("dateAdoption", i < dates.length ? dates[i] : null);
            rows.add(row);
        }
        return JsonVariables.write(rows);
    }
}
