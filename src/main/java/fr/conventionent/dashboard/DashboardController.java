package fr.conventionent.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import fr.conventionent.identity.CommuneDirectory;
import fr.conventionent.identity.SchoolDirectory;
import fr.conventionent.registry.CurrentViewer;
import fr.conventionent.registry.RegistryNotLoggedInException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The dashboard's API, for the page /registre/tableau-de-bord.html and for scripts: each chart as JSON
 * ({@code /registre/api/tableau-de-bord/<graphique>}) and as CSV ({@code …/<graphique>.csv}), with the filters of the
 * page as query parameters; the registry's login and scoping.
 */
@RestController
@RequestMapping("/registre/api/tableau-de-bord")
public class DashboardController {

    private final CurrentViewer currentViewer;
    private final DashboardService dashboard;
    private final CommuneDirectory communes;
    private final SchoolDirectory schools;

    public DashboardController(CurrentViewer currentViewer, DashboardService dashboard, CommuneDirectory communes,
                               SchoolDirectory schools) {
        this.currentViewer = currentViewer;
        this.dashboard = dashboard;
        this.communes = communes;
        this.schools = schools;
    }

    /** Who looks, what they may see, and the choices of the filters (only the départements and circonscriptions in scope). */
    @GetMapping("/perimetre")
    public Map<String, Object> perimeter(HttpServletRequest request, @RequestParam Map<String, String> parameters) {
        DashboardScope scope = scope(request, parameters);
        TreeSet<String> departements = new TreeSet<>();
        Map<String, String> circonscriptions = new java.util.TreeMap<>();
        DashboardScope unfiltered = DashboardScope.of(scope.viewer(), DashboardFilter.of(Map.of(), DashboardService.today()));
        // the circonscriptions of the schools: a commune split between two offers both
        communes.all().forEach(commune -> schools.circonscriptionsOf(commune).stream()
                .filter(circonscription -> unfiltered.showsGroup(circonscription, commune.departement()))
                .forEach(circonscription -> {
                    departements.add(commune.departement());
                    circonscriptions.put(circonscription, schools.labelOf(circonscription));
                }));
        List<Map<String, String>> circos = new ArrayList<>();
        circonscriptions.forEach((code, label) -> circos.add(Map.of("code", code, "libelle", label)));
        Map<String, Object> perimeter = new LinkedHashMap<>();
        perimeter.put("utilisateur", scope.viewer().userId());
        perimeter.put("perimetre", scope.viewer().scope());
        perimeter.put("departements", departements);
        perimeter.put("circonscriptions", circos);
        perimeter.put("filtres", scope.filter().asParameters());
        perimeter.put("graphiques", dashboard.names());
        return perimeter;
    }

    @GetMapping("/{graphique:[a-z-]+}")
    public DashboardTable chart(HttpServletRequest request, @PathVariable String graphique,
                                @RequestParam Map<String, String> parameters) {
        return dashboard.chart(graphique, scope(request, parameters));
    }

    @GetMapping("/{graphique:[a-z-]+}.csv")
    public ResponseEntity<StreamingResponseBody> csv(HttpServletRequest request, @PathVariable String graphique,
                                                     @RequestParam Map<String, String> parameters) {
        DashboardTable table = dashboard.chart(graphique, scope(request, parameters));
        StreamingResponseBody body = out -> DashboardCsv.write(table, out);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("tableau-de-bord-" + graphique + "-" + DashboardService.today() + ".csv").build()
                        .toString())
                .body(body);
    }

    private DashboardScope scope(HttpServletRequest request, Map<String, String> parameters) {
        var viewer = currentViewer.of(request).orElseThrow(RegistryNotLoggedInException::new);
        return DashboardScope.of(viewer, DashboardFilter.of(parameters, DashboardService.today()));
    }
}
