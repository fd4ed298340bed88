package fr.conventionent.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.conventionent.convention.ConventionCirconscriptions;
import fr.conventionent.convention.ConventionRecords;
import fr.conventionent.identity.Commune;
import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.identity.SchoolDirectory;
import fr.conventionent.incident.IncidentReportValidator;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.Ecole;
import fr.conventionent.kernel.FrenchFormats;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The schools of a commune's convention (its Annexe 1) with their circonscription, for the incident report's
 * school picker: to those who may report an incident for that commune (its agents, the académie's services).
 */
@RestController
@RequestMapping("/registre/api")
public class SchoolPickerController {

    private final CurrentViewer currentViewer;
    private final CommuneDirectory communes;
    private final SchoolDirectory schools;
    private final ConventionCirconscriptions circonscriptions;
    private final ConventionRecords records;

    public SchoolPickerController(CurrentViewer currentViewer, CommuneDirectory communes, SchoolDirectory schools,
                                  ConventionCirconscriptions circonscriptions, ConventionRecords records) {
        this.currentViewer = currentViewer;
        this.communes = communes;
        this.schools = schools;
        this.circonscriptions = circonscriptions;
        this.records = records;
    }

    @GetMapping("/communes/{insee}/ecoles")
    public Map<String, Object> schools(HttpServletRequest request, @PathVariable String insee) {
        Viewer viewer = currentViewer.of(request).orElseThrow(RegistryNotLoggedInException::new);
        if (!FrenchFormats.isInsee(insee)) {
            throw new InvalidRegistryRequestException("Code INSEE invalide : 5 caractères, par exemple 78646.");
        }
        Commune commune = communes.find(insee).orElseThrow(() -> new RegistryNotFoundException(
                "La commune de code INSEE " + insee + " ne fait pas partie des communes de l'académie."));
        if (!viewer.communes().contains(insee)
                && viewer.groups().stream().noneMatch(IncidentReportValidator::isAcademieGroup)) {
            throw new RegistryForbiddenException("Les écoles de " + commune.nom() + " sont proposées à ses agents et"
                    + " aux services de l'académie.");
        }
        Optional<String> numero = circonscriptions.conventionOf(insee);
        List<Map<String, String>> ecoles = new ArrayList<>();
        for (Ecole ecole : numero.flatMap(records::current).map(ConventionData::ecoles).orElse(List.of())) {
            String circonscription = schools.circonscriptionOf(ecole.uai(), commune);
            Map<String, String> line = new LinkedHashMap<>();
            line.put("uai", ecole.uai());
            line.put("nom", ecole.nom());
            line.put("circonscription", circonscription);
            line.put("libelleCirconscription", schools.labelOf(circonscription));
            ecoles.add(line);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("convention", numero.orElse(null));
        result.put("ecoles", ecoles);
        return result;
    }
}
