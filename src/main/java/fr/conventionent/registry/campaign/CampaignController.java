package fr.conventionent.registry.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;

import fr.conventionent.registry.CurrentViewer;
import fr.conventionent.registry.Viewer;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The campaigns' API behind registre/campagnes.html, with the Tasklist login. Launching needs the header
 * {@code X-Requested-With: XMLHttpRequest}: a form posted from another site cannot send it (CSRF defence).
 */
@RestController
@RequestMapping(CampaignController.PATH)
public class CampaignController {

    public static final String PATH = "/registre/api/campagnes";
    private static final String AJAX_HEADER = "X-Requested-With";
    private static final String AJAX_VALUE = "XMLHttpRequest";

    private final CurrentViewer currentViewer;
    private final CampaignService campaigns;

    public CampaignController(CurrentViewer currentViewer, CampaignService campaigns) {
        this.currentViewer = currentViewer;
        this.campaigns = campaigns;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> launch(HttpServletRequest request,
                                                      @RequestParam(name = "fichier", required = false) MultipartFile fichier,
                                                      @RequestParam(name = "departement", required = false) String departement,
                                                      @RequestParam(name = "libelle", required = false) String libelle) {
        Viewer viewer = campaigner(request);
        if (!AJAX_VALUE.equalsIgnoreCase(request.getHeader(AJAX_HEADER))) {
            throw new CampaignRequestException(HttpStatus.FORBIDDEN,
                    "Requête refusée : lancez la campagne depuis la page des campagnes.");
        }
        boolean withFile = fichier != null && !fichier.isEmpty();
        boolean withDepartement = departement != null && !departement.isBlank();
        if (withFile == withDepartement) {
            throw CampaignRequestException.badRequest(
                    "Choisissez soit un fichier de codes INSEE, soit un département.");
        }
        long id = withFile ? campaigns.launchFromFile(viewer, fichier.getOriginalFilename(), bytes(fichier), libelle)
                : campaigns.launchForDepartement(viewer, departement, libelle);
        return ResponseEntity.accepted().location(URI.create(PATH + "/" + id))
                .body(Map.of("id", id, "message", "Campagne lancée : les conventions démarrent."));
    }

    @GetMapping
    public List<Campaign> list(HttpServletRequest request) {
        campaigner(request);
        return campaigns.latest();
    }

    @GetMapping("/{id}")
    public CampaignService.Report get(HttpServletRequest request, @PathVariable long id) {
        campaigner(request);
        return report(id);
    }

    @GetMapping("/{id}/rapport.csv")
    public ResponseEntity<byte[]> csv(HttpServletRequest request, @PathVariable long id) {
        campaigner(request);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("campagne-" + id + "-rapport.csv").build().toString())
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(CampaignReportCsv.write(report(id)));
    }

    @ExceptionHandler(CampaignRequestException.class)
    public ResponseEntity<Map<String, String>> refused(CampaignRequestException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Map<String, String>> badId(MethodArgumentTypeMismatchException e) {
        return refused(new CampaignRequestException(HttpStatus.NOT_FOUND, "Campagne « " + e.getValue() + " » introuvable."));
    }

    private CampaignService.Report report(long id) {
        return campaigns.report(id).orElseThrow(() -> new CampaignRequestException(HttpStatus.NOT_FOUND,
                "Campagne n° " + id + " introuvable."));
    }

    private Viewer campaigner(HttpServletRequest request) {
        Viewer viewer = currentViewer.of(request).orElseThrow(() -> new CampaignRequestException(
                HttpStatus.UNAUTHORIZED, "Connectez-vous d'abord à Tasklist : les campagnes utilisent la même connexion."));
        if (!viewer.mayRunCampaigns()) {
            throw new CampaignRequestException(HttpStatus.FORBIDDEN,
                    "Les campagnes sont réservées à la DACES et aux administrateurs.");
        }
        return viewer;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
