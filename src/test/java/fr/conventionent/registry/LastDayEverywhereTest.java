package fr.conventionent.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.conventionent.denonciation.DenonciationProcess;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.FrenchFormats;
import fr.conventionent.resiliation.Commitment;
import fr.conventionent.resiliation.ResiliationProcess;
import fr.conventionent.support.ConventionLifeTest;
import fr.conventionent.support.ConventionTables;
import fr.conventionent.support.DocxText;
import fr.conventionent.support.WebSession;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * One convention, one end: the registry (API and CSV), the calendar, the dashboard, the mails and the closure
 * sheet all give the same last day in force, inclusive. Dates come from the engine clock.
 */
class LastDayEverywhereTest extends ConventionLifeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyRegistry() {
        ConventionTables.empty(jdbc);
        jdbc.update("DELETE FROM registre_calendrier");
    }

    @Test
    void accessKeptAfterAResiliationEndsOnSaturdayFourthOfJuly2026Everywhere() throws Exception {
        ProcessInstance convention = signedConvention("2025-03-03");
        String numero = numero(convention);
        moveClockTo("2026-01-12", 9);
        actAsDaces();
        ProcessInstance resiliation = runtimeService.startProcessInstanceByKey(ResiliationProcess.KEY,
                Map.of(ConventionVariables.CONVENTION_NUMERO, numero));
        actAsNobody();
        Map<String, Object> breach = new HashMap<>();
        breach.put(ResiliationProcess.NATURE_MANQUEMENT, ResiliationProcess.NATURE_FAUTE_GRAVE);
        breach.put(ResiliationProcess.ENGAGEMENT, Commitment.COMMUNE_SECURITE.code());
        breach.put(ResiliationProcess.DESCRIPTION, "Comptes des enseignants partagés entre écoles.");
        breach.put(ResiliationProcess.PAS_FORCE_MAJEURE, true);
        taskService.complete(task(numero, ResiliationProcess.TASK_STATE_BREACH).getId(), breach);
        signLetterIfWaiting(numero);
        taskService.complete(task(numero, ResiliationProcess.TASK_SEND_FORMAL_NOTICE).getId(), Map.of(
                ResiliationProcess.DECISION_ENVOI, ResiliationProcess.DECISION_ENVOYEE,
                ResiliationProcess.DATE_ENVOI_LRAR, "2026-01-12", ResiliationProcess.NUMERO_LRAR, "1A 234 567 8901 2"));
        sendMails();
        moveClockTo("2026-04-12", 9);
        fire(timer(resiliation.getId(), ResiliationProcess.TIMER_FORMAL_NOTICE_EXPIRED));
        sendMails();

        LocalDate lastDay = LocalDate.of(2026, 7, 4);
        assertThat(lastDay.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        String libelle = registryLine(numero).get("statutLibelle").asText();
        assertThat(libelle).isEqualTo("résiliée, ENT accessible jusqu'au 4 juillet 2026 inclus");
        assertThat(body(mailsAbout("Convention " + numero + " résiliée de plein droit le 12 avril 2026").get(0)))
                .contains("soit jusqu'au 4 juillet 2026 inclus");
        assertSameLastDayBeforeTheEnd(numero, lastDay);

        endsAt(timer(resiliation.getId(), ResiliationProcess.TIMER_ACCESS_ENDS), "2026-07-05");
        assertSameLastDayAfterTheEnd(numero, lastDay);
    }

    @Test
    void aConventionSignedOnTwentyNinthOfFebruaryAndDenouncedOnTheLastDayEndsWithItsInitialTerm() throws Exception {
        ProcessInstance convention = signedConvention("2028-02-29");
        String numero = numero(convention);
        ProcessInstance denonciation = denounceOn(numero, "2031-11-30");

        LocalDate lastDay = LocalDate.of(2032, 2, 28);
        JsonNode line = registryLine(numero);
        assertThat(line.get("dernierJourPeriodeInitiale").asText()).as("veille du 29 février 2032")
                .isEqualTo(lastDay.toString());
        assertThat(line.get("statutLibelle").asText()).isEqualTo("en préavis jusqu'au 28 février 2032 inclus");
        assertSameLastDayBeforeTheEnd(numero, lastDay);
        assertThat(body(mailsAbout("Convention " + numero + " dénoncée\u00a0: en vigueur jusqu'au 28 février 2032"
                + " inclus").get(0))).contains("reste en vigueur jusqu'au 28 février 2032 inclus");

        endsAt(timer(denonciation.getId(), DenonciationProcess.TIMER_NOTICE_ENDS), "2032-02-29");
        assertSameLastDayAfterTheEnd(numero, lastDay);
    }

    @Test
    void aDenonciationNotifiedOnThirtyFirstOfMayKeepsTheConventionUntilThirtiethOfAugust() throws Exception {
        ProcessInstance convention = signedConvention("2026-09-15");
        String numero = numero(convention);
        ProcessInstance denonciation = denounceOn(numero, "2027-05-31");

        LocalDate lastDay = LocalDate.of(2027, 8, 30);
        assertThat(registryLine(numero).get("statutLibelle").asText())
                .isEqualTo("en préavis jusqu'au 30 août 2027 inclus");
        assertSameLastDayBeforeTheEnd(numero, lastDay);
        assertThat(body(mailsAbout("Convention " + numero + " dénoncée\u00a0: en vigueur jusqu'au 30 août 2027"
                + " inclus").get(0))).contains("notifiée le 31 mai 2027", "jusqu'au 30 août 2027 inclus");

        endsAt(timer(denonciation.getId(), DenonciationProcess.TIMER_NOTICE_ENDS), "2027-08-31");
        assertSameLastDayAfterTheEnd(numero, lastDay);
    }

    private ProcessInstance denounceOn(String numero, String notification) {
        moveClockTo(notification, 10);
        actAsVersailles();
        ProcessInstance denonciation = runtimeService.startProcessInstanceByKey(DenonciationProcess.KEY, Map.of(
                ConventionVariables.CONVENTION_NUMERO, numero,
                DenonciationProcess.MOTIF_DENONCIATION, "La commune rejoint l'ENT départemental."));
        actAsNobody();
        taskService.complete(task(numero, DenonciationProcess.TASK_NOTIFY).getId(), Map.of(
                DenonciationProcess.DECISION_DENONCIATION, DenonciationProcess.DECISION_NOTIFIER,
                DenonciationProcess.DATE_NOTIFICATION, notification));
        sendMails();
        return denonciation;
    }

    /** The timer that ends the convention is due on the first day no longer in force, at 00:00. */
    private void endsAt(Job timer, String firstDayOut) {
        assertThat(timer.getDuedate()).isEqualTo(day(firstDayOut));
        fire(timer);
        sendMails();
    }

    /** Registry API and CSV, calendar and dashboard while the end is still to come. */
    private void assertSameLastDayBeforeTheEnd(String numero, LocalDate lastDay) throws Exception {
        assertThat(registryLine(numero).get("dernierJour").asText()).isEqualTo(lastDay.toString());
        assertThat(csvLastDay(numero)).isEqualTo(String.format("%02d/%02d/%d", lastDay.getDayOfMonth(),
                lastDay.getMonthValue(), lastDay.getYear()));

        VEvent end = calendarOfDaces().<VEvent>getComponents().stream()
                .filter(event -> event.getSummary().getValue().equals("Dernier jour de la convention " + numero
                        + " (commune de Versailles)")).findFirst().orElseThrow();
        String ics = end.toString();
        assertThat(ics).as("événement d'une journée, RFC 5545").contains("DTSTART;VALUE=DATE:" + basic(lastDay),
                "DTEND;VALUE=DATE:" + basic(lastDay.plusDays(1)));

        JsonNode month = null;
        for (JsonNode line : dashboard().get("lignes")) {
            if (line.get("moisIso").asText().equals(lastDay.toString().substring(0, 7))) {
                month = line;
            }
        }
        assertThat(month).as("mois du dernier jour dans les 12 prochains mois").isNotNull();
        assertThat(month.get("fins").asLong()).isEqualTo(1);
    }

    /** The mail and the closure sheet (DOCX) once the convention has ended; the registry keeps the same day. */
    private void assertSameLastDayAfterTheEnd(String numero, LocalDate lastDay) throws Exception {
        String words = "jusqu'au " + FrenchFormats.longDate(lastDay) + " inclus";
        assertThat(mailsAbout("Convention " + numero + " terminée (" + words + ")")).hasSize(1);
        byte[] sheet = Files.readAllBytes(Path.of("target/test-data/archives", numero, "Cloture-" + numero + ".docx"));
        assertThat(DocxText.of(sheet)).contains(words);
        JsonNode line = registryLine(numero);
        assertThat(line.get("dernierJour").asText()).isEqualTo(lastDay.toString());
        assertThat(line.get("statutLibelle").asText()).isEqualTo("terminée (" + words + ")");
        assertThat(csvLastDay(numero)).isEqualTo(String.format("%02d/%02d/%d", lastDay.getDayOfMonth(),
                lastDay.getMonthValue(), lastDay.getYear()));
    }

    /** Runs the mails and other asynchronous steps, not the timers. */
    private void sendMails() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    private JsonNode registryLine(String numero) throws Exception {
        HttpResponse<String> response = WebSession.loggedIn(port, "daces").get("/registre/api/conventions?tri=numero");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode line : JSON.readTree(response.body()).get("lignes")) {
            if (line.get("numero").asText().equals(numero)) {
                return line;
            }
        }
        throw new AssertionError("Convention absente du registre : " + numero);
    }

    private String csvLastDay(String numero) {
        byte[] bytes = WebSession.loggedIn(port, "daces").getBytes("/registre/api/conventions.csv").body();
        String[] lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        int column = Arrays.asList(lines[0].split(";")).indexOf("Dernier jour (inclus)");
        assertThat(column).isPositive();
        String line = Arrays.stream(lines).filter(l -> l.startsWith(numero + ";")).findFirst().orElseThrow();
        return line.split(";", -1)[column];
    }

    private Calendar calendarOfDaces() throws Exception {
        WebSession daces = WebSession.loggedIn(port, "daces");
        String address = JSON.readTree(daces.send("POST", "/registre/api/calendrier", true).body()).get("adresse")
                .asText();
        String feed = new WebSession(port).get(address.substring(address.indexOf("/registre/calendrier/"))).body();
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
        calendar.validate();
        return calendar;
    }

    private JsonNode dashboard() throws Exception {
        HttpResponse<String> response = WebSession.loggedIn(port, "daces").get("/registre/api/tableau-de-bord/echeances");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String basic(LocalDate day) {
        return day.toString().replace("-", "");
    }
}
