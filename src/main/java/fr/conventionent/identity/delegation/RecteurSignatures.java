package fr.conventionent.identity.delegation;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.InvalidSubmissionException;
import fr.conventionent.kernel.SubmittedDates;

/**
 * Signing for the Recteur: a step offered to the {@code recteur} group is also offered to the delegates valid that
 * day for its scope; at completion the signer must still be the Recteur's office or such a delegate.
 */
@Component
public class RecteurSignatures {

    private final DelegationRegister register;
    private final UserDirectory users;

    public RecteurSignatures(DelegationRegister register, UserDirectory users) {
        this.register = register;
        this.users = users;
    }

    /** At the step's creation: the delegates of the day become candidates, besides the {@code recteur} group. */
    public void offerToDelegates(DelegateTask task, DelegationScope scope) {
        for (Delegation delegation : register.validOn(SubmittedDates.today(), scope)) {
            task.addCandidateUser(delegation.utilisateur());
        }
    }

    /**
     * Who signs now, and in what capacity. A command without a user (a timer, the application itself) signs as the
     * Recteur's office, as the step's assignee would; so does an administrator, who records the Recteur's own
     * signature (break-glass, like every task an administrator completes).
     *
     * @throws InvalidSubmissionException when the user is neither of the Recteur's office nor a delegate today
     */
    public Signatory sign(DelegateTask task, DelegationScope scope) {
        String user = users.currentUserId();
        if (user == null || users.isMember(user, Groups.RECTEUR) || users.isMember(user, Groups.ADMIN)) {
            return Signatory.recteur(user != null ? user : task.getAssignee());
        }
        return register.of(user, SubmittedDates.today(), scope)
                .map(delegation -> new Signatory(user, delegation.nom(), delegation.fonction()))
                .orElseThrow(() -> new InvalidSubmissionException("Vous ne pouvez pas signer pour le Recteur : le"
                        + " registre des délégations ne vous donne aujourd'hui aucune délégation pour "
                        + scope.label() + "."));
    }
}
