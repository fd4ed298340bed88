package fr.conventionent.identity.delegation;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.InvalidSubmissionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The register of delegations (kept by the Recteur's office and administrators) and the absences (each user declares
 * their own; the office and administrators anyone's), as JSON with the Tasklist login. Writes need the header
 * {@code X-Requested-With: XMLHttpRequest}, which a form posted from another site cannot send (CSRF defence).
 */
@RestController
public class DelegationController {

    public static final String DELEGATIONS = "/registre/api/delegations";
    public static final String ABSENCES = "/registre/api/absences";

    private final ProcessEngine engine;
    private final DelegationRegister register;
    private final AbsenceSubstitutes substitutes;

    public DelegationController(ProcessEngine engine, DelegationRegister register, AbsenceSubstitutes substitutes) {
        this.engine = engine;
        this.register = register;
        this.substitutes = substitutes;
    }

    /** The user of the Tasklist session, and whether they keep the register. */
    record User(String id, boolean keepsRegister) {
    }

    @GetMapping(DELEGATIONS)
    public List<Delegation> delegations(HttpServletRequest request) {
        cabinet(request);
        return register.delegations();
    }

    @PostMapping(DELEGATIONS)
    public ResponseEntity<Delegation> addDelegation(HttpServletRequest request, @RequestBody Map<String, Object> body) {
        User user = cabinet(write(request));
        Delegation added = register.add(new DelegationRegister.DelegationForm(text(body.get("utilisateur")),
                text(body.get("nom")), text(body.get("fonction")), body.get("debut"), body.get("fin"),
                yes(body.get("conventions")), yes(body.get("avenants")), yes(body.get("lettres"))), user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(added);
    }

    @DeleteMapping(DELEGATIONS + "/{id}")
    public ResponseEntity<Void> removeDelegation(HttpServletRequest request, @PathVariable long id) {
        cabinet(write(request));
        if (!register.removeDelegation(id)) {
            throw refused(HttpStatus.NOT_FOUND, "Délégation n° " + id + " introuvable.");
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping(ABSENCES)
    public List<Absence> absences(HttpServletRequest request) {
        User user = loggedIn(request);
        return register.absences().stream()
                .filter(a -> user.keepsRegister() || a.utilisateur().equals(user.id()) || a.suppleant().equals(user.id()))
                .toList();
    }

    @PostMapping(ABSENCES)
    public ResponseEntity<Absence> declareAbsence(HttpServletRequest request, @RequestBody Map<String, Object> body) {
        User user = loggedIn(write(request));
        String absent = body.get("utilisateur") == null ? user.id() : text(body.get("utilisateur"));
        if (!absent.equals(user.id()) && !user.keepsRegister()) {
            throw refused(HttpStatus.FORBIDDEN, "Vous ne pouvez déclarer que vos propres absences.");
        }
        Absence declared = substitutes.declare(absent, body.get("debut"), body.get("fin"),
                text(body.get("suppleant")), user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(declared);
    }

    @DeleteMapping(ABSENCES + "/{id}")
    public ResponseEntity<Void> removeAbsence(HttpServletRequest request, @PathVariable long id) {
        User user = loggedIn(write(request));
        Absence absence = register.absence(id)
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "Absence n° " + id + " introuvable."));
        if (!absence.utilisateur().equals(user.id()) && !user.keepsRegister()) {
            throw refused(HttpStatus.FORBIDDEN, "Vous ne pouvez retirer que vos propres absences.");
        }
        substitutes.withdraw(id);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidSubmissionException.class)
    public ResponseEntity<Map<String, Object>> invalid(InvalidSubmissionException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", String.join(" ", e.errors()), "erreurs", e.errors()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", "Requête illisible : envoyez un objet JSON (dates au format AAAA-MM-JJ)."));
    }

    /** Another node was changing the same task at the same moment: nothing was saved, the user tries again. */
    @ExceptionHandler(OptimisticLockingException.class)
    public ResponseEntity<Map<String, Object>> concurrent(OptimisticLockingException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", "Une tâche concernée changeait au même moment : rien n'a été enregistré,"
                        + " réessayez."));
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<Map<String, Object>> refusedRequest(ResponseStatusException e) {
        return ResponseEntity.status(e.getStatusCode()).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("message", e.getReason()));
    }

    private User cabinet(HttpServletRequest request) {
        User user = loggedIn(request);
        if (!user.keepsRegister()) {
            throw refused(HttpStatus.FORBIDDEN,
                    "Le registre des délégations est tenu par le cabinet du Recteur et les administrateurs.");
        }
        return user;
    }

    private User loggedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null
                && authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication u) {
            List<String> groups = u.getGroupIds() == null ? List.of() : List.copyOf(u.getGroupIds());
            return new User(u.getIdentityId(), groups.contains(Groups.RECTEUR) || groups.contains(Groups.ADMIN));
        }
        throw refused(HttpStatus.UNAUTHORIZED, "Connectez-vous d'abord à Tasklist : le registre utilise la même"
                + " connexion.");
    }

    private static HttpServletRequest write(HttpServletRequest request) {
        if (!"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
            throw refused(HttpStatus.FORBIDDEN, "Requête refusée : utilisez la page du registre des délégations.");
        }
        return request;
    }

    private static ResponseStatusException refused(HttpStatus status, String message) {
        return new ResponseStatusException(status, message);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static boolean yes(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value) || "on".equals(value);
    }
}
