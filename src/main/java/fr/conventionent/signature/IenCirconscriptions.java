package fr.conventionent.signature;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import fr.conventionent.convention.ConventionCirconscriptions;
import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.identity.SchoolDirectory;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.JsonVariables;

/**
 * Who transmits the text in the circuit (Annexe 2 §1): the IEN of every circonscription of a school of its Annexe 1,
 * each in their own task. The text in the circuit names its schools (an avenant may add some); a circuit without
 * them takes the convention's recorded circonscriptions, else its commune's.
 */
@Component("ienCirconscriptions")
public class IenCirconscriptions {

    private final CommuneDirectory communes;
    private final SchoolDirectory schools;
    private final ConventionCirconscriptions conventions;

    public IenCirconscriptions(CommuneDirectory communes, SchoolDirectory schools,
                               ConventionCirconscriptions conventions) {
        this.communes = communes;
        this.schools = schools;
        this.conventions = conventions;
    }

    /** The collection of the IEN step; also kept as the circuit's {@code circonscriptions}, for Cockpit. */
    public List<String> of(DelegateExecution execution) {
        List<String> circonscriptions = fromSchools(execution)
                .or(() -> recorded(execution))
                .orElseGet(() -> List.of((String) execution.getVariable(CIRCONSCRIPTION)));
        execution.getProcessInstance().setVariable(CIRCONSCRIPTIONS, JsonVariables.write(circonscriptions));
        return circonscriptions;
    }

    private Optional<List<String>> fromSchools(DelegateExecution execution) {
        Optional<Commune> commune = communes.find((String) execution.getVariable(COMMUNE_INSEE));
        List<Ecole> ecoles = JsonVariables.readList(execution.getVariable(ECOLES), Ecole.class);
        if (commune.isEmpty() || ecoles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(schools.circonscriptionsOf(commune.get(), ecoles.stream().map(Ecole::uai).toList()));
    }

    private Optional<List<String>> recorded(DelegateExecution execution) {
        Object numero = execution.getVariable(CONVENTION_NUMERO);
        List<String> recorded = numero == null ? List.of() : conventions.of(numero.toString());
        return recorded.isEmpty() ? Optional.empty() : Optional.of(recorded);
    }
}
