package fr.conventionent.convention;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.InstanceAccess;
import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.Party;
import fr.conventionent.kernel.SubmittedDates;

/**
 * Opens a procedure about a convention in force (dénonciation, résiliation, avenant), from the
 * convention number typed in its start form: checks that the convention exists, that the user
 * acts for one of its parties (a commune for its own convention, the DACES for any), that it is
 * in force and that no conflicting procedure runs; then takes the convention's business key,
 * copies what the procedure shows and lets the commune read it.
 *
 * <p>Concurrency: the check-and-lock writes a variable that exists on every convention in force
 * ({@code procedureFin}, {@code avenantEnCours}); two procedures opened at the same moment update
 * the same row, and the engine's optimistic locking makes the second one fail: it never starts.
 */
@Component
public class ConventionProcedures {

    /**
     * What a procedure takes from the convention: what it routes on (commune, département, circonscription), the
     * dates and version its letters cite, and the locks. What the convention says is read from ConventionRecords.
     */
    static final List<String> SUMMARY = List.of(COMMUNE_INSEE, COMMUNE_LIBELLE, DEPARTEMENT, CIRCONSCRIPTION, VERSION,
            DATE_SIGNATURE, STATUT, PROCEDURE_FIN, AVENANT_EN_COURS);

    public enum Kind {
        DENONCIATION("denonciation", "dénoncer", "de dénonciation"),
        RESILIATION("resiliation", "résilier", "de résiliation"),
        AVENANT("avenant", "modifier par un avenant", "d'avenant");

        private final String code;
        private final String verb;
        private final String ofKind;

        Kind(String code, String verb, String ofKind) {
            this.code = code;
            this.verb = verb;
            this.ofKind = ofKind;
        }

        public String code() {
            return code;
        }
    }

    private final ConventionRegistry registry;
    private final UserDirectory users;
    private final InstanceAccess instanceAccess;

    public ConventionProcedures(ConventionRegistry registry, UserDirectory users, InstanceAccess instanceAccess) {
        this.registry = registry;
        this.users = users;
        this.instanceAccess = instanceAccess;
    }

    /** Checks everything, then locks the convention for this procedure; nothing is changed if refused. */
    public ConventionRef open(DelegateExecution execution, Kind kind) {
        String numero = execution.getVariable(CONVENTION_NUMERO) == null ? ""
                : execution.getVariable(CONVENTION_NUMERO).toString().trim().toUpperCase();
        if (numero.isEmpty()) {
            throw new InvalidSubmissionException("Indiquez le numéro de la convention (par exemple CONV-78646-2026-01).");
        }
        ConventionRef convention = registry.find(numero).orElseThrow(() -> new InvalidSubmissionException(
                "Aucune convention en cours ne porte le numéro « " + numero + " » : vérifiez le numéro"
                        + " (il figure sur la convention, par exemple CONV-78646-2026-01)."));
        Party party = initiator(convention, execution.getVariable(PARTIE_INITIATRICE), kind);
        Map<String, Object> summary = registry.variables(convention, SUMMARY);
        requireInForce(convention, summary, kind);
        lock(convention, summary, kind, execution.getProcessInstanceId());

        execution.setProcessBusinessKey(numero);
        Map<String, Object> copy = new LinkedHashMap<>(summary);
        copy.remove(STATUT);
        copy.remove(PROCEDURE_FIN);
        copy.remove(AVENANT_EN_COURS);
        copy.put(DATE_SIGNATURE_CONVENTION, copy.remove(DATE_SIGNATURE));
        copy.put(CONVENTION_NUMERO, numero);
        copy.put(PARTIE_INITIATRICE, party.code());
        copy.put(GROUPE_INITIATEUR, party.group(convention.communeInsee()));
        copy.put(INITIATEUR, users.currentUserId());
        copy.put(DATE_OUVERTURE, SubmittedDates.toDate(SubmittedDates.today()));
        copy.forEach((name, value) -> {
            if (value != null) {
                execution.setVariable(name, value);
            }
        });
        instanceAccess.grantRead(Groups.commune(convention.communeInsee()), execution.getProcessInstanceId());
        return convention;
    }

    /** The end of a procedure of dénonciation or résiliation that did not end the convention. */
    public void releaseEnd(String numero) {
        registry.find(numero).ifPresent(convention -> registry.set(convention, PROCEDURE_FIN, ""));
    }

    /** The end of an avenant, whatever its outcome. */
    public void releaseAvenant(String numero, String avenantInstanceId) {
        registry.find(numero).ifPresent(convention -> {
            if (avenantInstanceId.equals(registry.variable(convention, AVENANT_EN_COURS))) {
                registry.set(convention, AVENANT_EN_COURS, "");
            }
        });
    }

    /** Who opens the procedure: a commune agent for its own convention, the DACES (or an administrator) for any. */
    private Party initiator(ConventionRef convention, Object declared, Kind kind) {
        String userId = users.currentUserId();
        if (userId == null) {
            // opened by the application itself (tests of the engine, scripts): the party is declared
            return declared == null ? Party.ACADEMIE : Party.of(declared);
        }
        List<String> groups = users.currentGroupIds();
        if (groups.contains(Groups.commune(convention.communeInsee()))) {
            return Party.COMMUNE;
        }
        if (groups.contains(Groups.DACES) || groups.contains(Groups.ADMIN)) {
            return Party.ACADEMIE;
        }
        throw new InvalidSubmissionException("La convention " + convention.numero() + " n'est pas celle de votre"
                + " commune : seuls les agents de la commune signataire et la DACES peuvent la " + kind.verb + ".");
    }

    private static void requireInForce(ConventionRef convention, Map<String, Object> summary, Kind kind) {
        String statut = (String) summary.get(STATUT);
        if (ConventionProcess.STATUT_EN_VIGUEUR.equals(statut)) {
            return;
        }
        String numero = convention.numero();
        String why = switch (statut == null ? "" : statut) {
            case ConventionProcess.STATUT_EN_PREPARATION, ConventionProcess.STATUT_DANS_LE_CIRCUIT ->
                    "n'est pas encore en vigueur (elle n'a pas été signée)";
            case ConventionProcess.STATUT_EN_PREAVIS -> "a déjà été dénoncée : elle est en préavis";
            case ConventionProcess.STATUT_RESILIEE -> "a été résiliée";
            default -> "n'est pas en vigueur (statut « " + statut + " »)";
        };
        throw new InvalidSubmissionException("La convention " + numero + " " + why + " : on ne peut pas la "
                + kind.verb + ".");
    }

    private void lock(ConventionRef convention, Map<String, Object> summary, Kind kind, String procedureId) {
        String endProcedure = text(summary.get(PROCEDURE_FIN));
        if (!endProcedure.isEmpty()) {
            String running = Kind.DENONCIATION.code.equals(endProcedure) ? Kind.DENONCIATION.ofKind
                    : Kind.RESILIATION.ofKind;
            throw new InvalidSubmissionException("Une procédure " + running + " est déjà en cours pour la convention "
                    + convention.numero() + " : on ne peut pas en ouvrir une autre "
                    + (kind == Kind.AVENANT ? "ni proposer d'avenant " : "") + "tant qu'elle n'est pas close.");
        }
        if (kind == Kind.AVENANT) {
            if (!text(summary.get(AVENANT_EN_COURS)).isEmpty()) {
                throw new InvalidSubmissionException("Un avenant à la convention " + convention.numero()
                        + " est déjà en cours : attendez qu'il soit signé, refusé ou abandonné avant d'en proposer un autre.");
            }
            registry.set(convention, AVENANT_EN_COURS, procedureId);
        } else {
            registry.set(convention, PROCEDURE_FIN, kind.code);
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Today, as every date variable: 00:00 in Paris. */
    public static Date today() {
        return SubmittedDates.toDate(SubmittedDates.today());
    }
}
