package fr.conventionent.registry.campaign;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.conventionent.kernel.ConventionDates;
import fr.conventionent.registry.Viewer;

/**
 * Campaigns: the DACES opens conventions for many communes at once, from a file of INSEE codes or for a whole
 * département. The campaign is recorded with its lines, then runs in the background; what could be refused at once
 * is already in its report.
 */
@Service
public class CampaignService {

    public static final String SOURCE_FILE = "fichier";
    private static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}|2A|2B|97\\d");
    private static final int LIST_SIZE = 100;

    private final CampaignPlanner planner;
    private final CampaignRepository repository;
    private final CampaignRunner runner;
    private final TransactionTemplate transaction;

    public CampaignService(CampaignPlanner planner, CampaignRepository repository, CampaignRunner runner,
                           PlatformTransactionManager transactionManager) {
        this.planner = planner;
        this.repository = repository;
        this.runner = runner;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public record Report(Campaign campagne, List<CampaignLine> lignes) {
    }

    public long launchFromFile(Viewer launcher, String fileName, byte[] content, String libelle) {
        checkMayRun(launcher);
        List<SubmittedCode> codes = InseeCsvReader.read(content);
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        return launch(launcher, codes, SOURCE_FILE, firstOf(libelle, name));
    }

    public long launchForDepartement(Viewer launcher, String departement, String libelle) {
        checkMayRun(launcher);
        String code = departement == null ? "" : departement.trim().toUpperCase(Locale.ROOT);
        if (!DEPARTEMENT.matcher(code).matches()) {
            throw CampaignRequestException.badRequest("« " + code + " » n'est pas un code de département"
                    + " (par exemple 78, 91, 2A ou 971).");
        }
        List<SubmittedCode> codes = planner.departement(code);
        if (codes.isEmpty()) {
            throw CampaignRequestException.badRequest("Aucune commune du département " + code
                    + " dans le référentiel de l'académie.");
        }
        return launch(launcher, codes, "département " + code, firstOf(libelle, "Département " + code));
    }

    public List<Campaign> latest() {
        return repository.latest(LIST_SIZE);
    }

    public Optional<Report> report(long id) {
        return repository.find(id).map(campaign -> new Report(campaign, repository.lines(id)));
    }

    private long launch(Viewer launcher, List<SubmittedCode> codes, String source, String libelle) {
        List<CampaignLine> lines = planner.plan(codes);
        Long id = transaction.execute(status -> repository.create(libelle, launcher.userId(), source, lines));
        runner.submit(id);
        return id;
    }

    private static void checkMayRun(Viewer launcher) {
        if (!launcher.mayRunCampaigns()) {
            throw new CampaignRequestException(HttpStatus.FORBIDDEN,
                    "Les campagnes sont réservées à la DACES et aux administrateurs.");
        }
    }

    private static String firstOf(String libelle, String fallback) {
        String chosen = libelle != null && !libelle.isBlank() ? libelle.strip()
                : fallback != null ? fallback
                : "Campagne du " + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                        .format(ClockUtil.getCurrentTime().toInstant().atZone(ConventionDates.ZONE));
        return chosen.length() <= 255 ? chosen : chosen.substring(0, 254) + "…";
    }
}
