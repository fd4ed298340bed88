package fr.conventionent.convention;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import fr.conventionent.identity.UserDirectory;
import fr.conventionent.kernel.Contact;
import fr.conventionent.kernel.ConventionData;
import fr.conventionent.kernel.ConventionVariables;
import fr.conventionent.kernel.Groups;
import fr.conventionent.kernel.JsonVariables;
import fr.conventionent.kernel.Party;

/**
 * Who is told what about a convention: its commune's agents (routing variable communeInsee), its référent and its
 * correspondants (its record).
 */
@Component
public class ConventionRecipients {

    private final UserDirectory users;
    private final ConventionRecords records;

    public ConventionRecipients(UserDirectory users, ConventionRecords records) {
        this.users = users;
        this.records = records;
    }

    /** The commune's référent ENT in office today (Annexe 2, or declared since), if known. */
    public List<String> referent(VariableScope scope) {
        Object numero = scope.getVariable(ConventionVariables.CONVENTION_NUMERO);
        // the record (with the référent declared since); the process's copy for a convention not recorded yet
        Contact referent = (numero == null ? Optional.<ConventionData>empty() : records.current(numero.toString()))
                .map(ConventionData::referentEnt)
                .orElseGet(() -> JsonVariables.readObject(scope.getVariable(ConventionVariables.REFERENT_ENT),
                        Contact.class));
        return emailOf(referent);
    }

    /** The commune: its agents (group commune-INSEE) and its référent ENT. */
    public List<String> commune(VariableScope scope) {
        return commune((String) scope.getVariable(ConventionVariables.COMMUNE_INSEE), referent(scope));
    }

    /** The commune of a recorded convention: its agents and its référent ENT in office today. */
    public List<String> commune(ConventionRef convention) {
        return commune(convention.communeInsee(), emailOf(records.current(convention.numero())
                .map(ConventionData::referentEnt).orElse(null)));
    }

    public List<String> groups(String... groupIds) {
        return List.copyOf(users.emailsOfGroups(List.of(groupIds)));
    }

    /** One party: the commune (agents and référent) or the académie (DACES). */
    public List<String> party(VariableScope scope, Party party) {
        return party == Party.COMMUNE ? commune(scope) : groups(Groups.DACES);
    }

    /** One party of a recorded convention. */
    public List<String> party(ConventionRef convention, Party party) {
        return party == Party.COMMUNE ? commune(convention) : groups(Groups.DACES);
    }

    /** Both parties: the commune (agents and référent) and the DACES. */
    public List<String> bothParties(VariableScope scope) {
        return withDaces(commune(scope));
    }

    /** Both parties of a recorded convention. */
    public List<String> bothParties(ConventionRef convention) {
        return withDaces(commune(convention));
    }

    /** Everyone concerned by the end of a convention: both parties, DSI, DPO and the operator's correspondents. */
    public List<String> everyone(VariableScope scope) {
        return withEndRecipients(bothParties(scope), correspondents(scope));
    }

    /** Everyone concerned by the end of a recorded convention. */
    public List<String> everyone(ConventionRef convention) {
        return withEndRecipients(bothParties(convention), records.current(convention.numero())
                .map(ConventionData::correspondantsTechniques).orElse(List.of()));
    }

    /**
     * The operator's technical correspondents of the convention as it stands (after its avenants), from its record;
     * from the process's copy for a convention not recorded yet.
     */
    public List<Contact> correspondents(VariableScope scope) {
        Object numero = scope.getVariable(ConventionVariables.CONVENTION_NUMERO);
        return (numero == null ? Optional.<ConventionData>empty() : records.current(numero.toString()))
                .map(ConventionData::correspondantsTechniques)
                .orElseGet(() -> JsonVariables.readList(scope.getVariable(ConventionVariables.CORRESPONDANTS_TECHNIQUES),
                        Contact.class));
    }

    private List<String> commune(String insee, List<String> referent) {
        Set<String> to = new LinkedHashSet<>(users.emailsOfGroups(List.of(Groups.commune(insee))));
        to.addAll(referent);
        return List.copyOf(to);
    }

    private List<String> withDaces(List<String> commune) {
        Set<String> to = new LinkedHashSet<>(commune);
        to.addAll(groups(Groups.DACES));
        return List.copyOf(to);
    }

    private List<String> withEndRecipients(List<String> parties, List<Contact> correspondents) {
        Set<String> to = new LinkedHashSet<>(parties);
        to.addAll(groups(Groups.DSI, Groups.DPO));
        correspondents.stream().flatMap(contact -> emailOf(contact).stream()).forEach(to::add);
        return new ArrayList<>(to);
    }

    private static List<String> emailOf(Contact contact) {
        return contact == null || contact.email() == null || contact.email().isBlank() ? List.of()
                : List.of(contact.email());
    }
}
