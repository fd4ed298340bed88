package fr.conventionent.convention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.support.ConventionLifeTest;

/** A convention started by an earlier release keeps its end dates, under names that say how they count. */
class LegacyDateVariablesTest extends ConventionLifeTest {

    @Autowired
    LegacyDateVariables legacyDateVariables;

    @Test
    void formerEndDatesOfARunningConventionAreRenamedAndTheInitialTermBecomesItsLastDay() {
        ProcessInstance convention = signedConvention("2028-02-29");
        String id = convention.getId();
        for (String name : new String[] {ConventionVariables.DERNIER_JOUR_PERIODE,
                ConventionVariables.DERNIER_JOUR_PERIODE_INITIALE}) {
            runtimeService.removeVariable(id, name);
        }
        // what the earlier release left: S + 4 years (exclusive), the period's last day, a notice's end
        runtimeService.setVariables(id, Map.of("dateFinInitiale", day("2032-02-29"),
                "dateFinPeriode", day("2032-02-28"), "dateFin", day("2031-09-01"), "dateFinAcces", day("2026-07-05")));

        legacyDateVariables.run(null);
        legacyDateVariables.run(null); // a second start (or a second node) changes nothing

        Map<String, Object> variables = runtimeService.getVariables(id);
        assertThat(variables).doesNotContainKeys("dateFinInitiale", "dateFinPeriode", "dateFin", "dateFinAcces")
                .containsEntry(ConventionVariables.DERNIER_JOUR_PERIODE_INITIALE, day("2032-02-28"))
                .containsEntry(ConventionVariables.DERNIER_JOUR_PERIODE, day("2032-02-28"))
                .containsEntry(ConventionVariables.DATE_FIN_EXCLUSIVE, day("2031-09-01"))
                .containsEntry(ConventionVariables.DATE_FIN_ACCES_EXCLUSIVE, day("2026-07-05"));
    }

    @Test
    void aConventionSignedTodayGetsItsInclusiveLastDaysDirectly() {
        ProcessInstance convention = signedConvention("2028-02-29");

        assertThat(conventionVariable(convention, ConventionVariables.DERNIER_JOUR_PERIODE_INITIALE))
                .as("29 février 2032 exclu : veille du 4e anniversaire").isEqualTo(day("2032-02-28"));
        assertThat(conventionVariable(convention, ConventionVariables.DERNIER_JOUR_PERIODE)).isEqualTo(day("2032-02-28"));
    }
}
