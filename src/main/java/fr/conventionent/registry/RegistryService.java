package fr.conventionent.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Service;

import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.kernel.ConventionDates;

/** The registry as a viewer sees it: pages of conventions, exports, and one convention's file. */
@Service
public class RegistryService {

    private final RegistryRepository repository;
    private final OpenIncidents openIncidents;
    private final ConventionFile files;
    private final ConventionRecords records;

    public RegistryService(RegistryRepository repository, OpenIncidents openIncidents, ConventionFile files,
                           ConventionRecords records) {
        this.repository = repository;
        this.openIncidents = openIncidents;
        this.files = files;
        this.records = records;
    }

    public record Page(long total, int page, int taille, List<RegistryLine> lignes) {
    }

    /** Today in Paris, by the engine's clock (which tests move). */
    public static LocalDate today() {
        return ConventionDates.toLocalDate(ClockUtil.getCurrentTime());
    }

    public Page page(Viewer viewer, RegistryFilter filter) {
        LocalDate today = today();
        RegistryRepository.Page page = repository.find(viewer, filter, today);
        Map<String, Integer> incidents = openIncidents.perCommune();
        List<RegistryLine> lines = new ArrayList<>();
        page.entries().forEach(entry -> lines.add(RegistryLine.of(entry, today,
                incidents.getOrDefault(entry.communeInsee(), 0))));
        return new Page(page.total(), filter.page(), filter.taille(), lines);
    }

    public void forEach(Viewer viewer, RegistryFilter filter, Consumer<RegistryLine> consumer) {
        LocalDate today = today();
        Map<String, Integer> incidents = openIncidents.perCommune();
        repository.forEach(viewer, filter.allRows(), today, entry -> consumer.accept(
                RegistryLine.of(entry, today, incidents.getOrDefault(entry.communeInsee(), 0))));
    }

    public ConventionDetail detail(Viewer viewer, String numero) {
        RegistryEntry entry = visible(viewer, numero);
        List<HistoricProcessInstance> instances = files.instances(numero);
        List<ConventionDetail.CockpitLink> cockpit = new ArrayList<>();
        if (viewer.isAdmin()) {
            instances.stream().filter(instance -> instance.getEndTime() == null).forEach(instance -> cockpit.add(
                    new ConventionDetail.CockpitLink(instance.getProcessDefinitionName(),
                            "/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime")));
        }
        int incidents = openIncidents.perCommune().getOrDefault(entry.communeInsee(), 0);
        return new ConventionDetail(RegistryLine.of(entry, today(), incidents), records.current(numero).orElse(null),
                records.versions(numero), files.documents(instances), files.timeline(numero, instances), cockpit);
    }

    public Optional<FileValue> document(Viewer viewer, String numero, String documentId) {
        visible(viewer, numero);
        return files.document(files.instances(numero), documentId);
    }

    /** The convention, if this viewer may see it; otherwise the same answer as for a number that does not exist. */
    private RegistryEntry visible(Viewer viewer, String numero) {
        return repository.find(viewer, numero).orElseThrow(() -> new RegistryNotFoundException(
                "Aucune convention n° « " + numero + " » dans votre registre"));
    }
}
