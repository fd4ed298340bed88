package fr.conventionent.registry;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The registry's JSON API, for the page /registre/ and for scripts: the same Tasklist login (HTTP session), each
 * user seeing only the conventions of their role.
 */
@RestController
@RequestMapping("/registre/api")
public class RegistryController {

    private final CurrentViewer currentViewer;
    private final RegistryService registry;
    private final CalendarTokens calendarTokens;

    public RegistryController(CurrentViewer currentViewer, RegistryService registry, CalendarTokens calendarTokens) {
        this.currentViewer = currentViewer;
        this.registry = registry;
        this.calendarTokens = calendarTokens;
    }

    @GetMapping("/moi")
    public Map<String, Object> me(HttpServletRequest request) {
        Viewer viewer = viewer(request);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("utilisateur", viewer.userId());
        me.put("perimetre", viewer.scope());
        me.put("administrateur", viewer.isAdmin());
        me.put("campagnes", viewer.mayRunCampaigns());
        me.put("delegations", viewer.keepsDelegations());
        me.put("absences", viewer.declaresAbsences());
        me.put("tableauDeBord", viewer.mayReadDashboard());
        me.put("statuts", RegistryFilter.STATUTS);
        me.put("calendrierCreeLe", calendarTokens.createdAt(viewer.userId()).orElse(null));
        return me;
    }

    @GetMapping("/conventions")
    public RegistryService.Page conventions(HttpServletRequest request, @RequestParam Map<String, String> parameters) {
        return registry.page(viewer(request), RegistryFilter.of(parameters));
    }

    @GetMapping("/conventions.csv")
    public ResponseEntity<StreamingResponseBody> csv(HttpServletRequest request,
                                                     @RequestParam Map<String, String> parameters) {
        Viewer viewer = viewer(request);
        RegistryFilter filter = RegistryFilter.of(parameters);
        StreamingResponseBody body = out -> {
            RegistryCsv csv = new RegistryCsv(out);
            registry.forEach(viewer, filter, csv::print);
            csv.finish();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("registre-des-conventions-" + RegistryService.today() + ".csv").build().toString())
                .body(body);
    }

    @GetMapping("/conventions/{numero}")
    public ConventionDetail detail(HttpServletRequest request, @PathVariable String numero) {
        return registry.detail(viewer(request), numero);
    }

    @GetMapping("/conventions/{numero}/documents/{document}")
    public ResponseEntity<byte[]> document(HttpServletRequest request, @PathVariable String numero,
                                           @PathVariable String document) {
        FileValue file = registry.document(viewer(request), numero, document)
                .orElseThrow(() -> new RegistryNotFoundException("Document introuvable pour la convention " + numero));
        byte[] content;
        try (var in = file.getValue()) {
            content = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(file.getMimeType() == null ? MediaType.APPLICATION_OCTET_STREAM
                        : MediaType.parseMediaType(file.getMimeType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFilename(), StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    /** A new personal calendar address (the earlier one stops working): shown once. */
    @PostMapping("/calendrier")
    public Map<String, Object> newCalendar(HttpServletRequest request) {
        Viewer viewer = viewer(request);
        RegistryCsrf.check(request);
        String token = calendarTokens.renew(viewer.userId());
        return Map.of("adresse", baseUrl(request) + "/registre/calendrier/" + token + ".ics");
    }

    @DeleteMapping("/calendrier")
    public ResponseEntity<Void> revokeCalendar(HttpServletRequest request) {
        Viewer viewer = viewer(request);
        RegistryCsrf.check(request);
        calendarTokens.revoke(viewer.userId());
        return ResponseEntity.noContent().build();
    }

    private Viewer viewer(HttpServletRequest request) {
        return currentViewer.of(request).orElseThrow(RegistryNotLoggedInException::new);
    }

    private static String baseUrl(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .build().toUriString();
    }
}
