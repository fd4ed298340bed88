package fr.conventionent.incident;

import static fr.conventionent.incident.IncidentProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.Groups;

/**
 * Article 6: who handles an incident depends on its field. In the académie's field (and for incidents reported
 * before the field was asked) the académie's RSSI qualifies, its DSI decides and its DPO notifies the CNIL. In the
 * commune's field (operation and maintenance of the ENT, its providers) the commune, controller of the data,
 * qualifies, decides and notifies. In the shared field (governance of the ENT) the académie qualifies, both decide,
 * and the CNIL is notified once, by the party the académie's DPO designates. The BPMN asks this bean.
 */
@Component("incidentCompetence")
public class IncidentCompetence {

    /** The incident's field; académie for an incident reported before the field existed. */
    public static String of(VariableScope scope) {
        Object competence = scope.getVariable(COMPETENCE);
        return competence == null ? ACADEMIE : competence.toString();
    }

    public static boolean isCommune(VariableScope scope) {
        return COMMUNE.equals(of(scope));
    }

    public static boolean isShared(VariableScope scope) {
        return PARTAGE.equals(of(scope));
    }

    /** The BPMN's conditions: true in the shared field. */
    public boolean sharedField(VariableScope scope) {
        return isShared(scope);
    }

    /** The BPMN's conditions: true in the commune's field. */
    public boolean communeField(VariableScope scope) {
        return isCommune(scope);
    }

    /** "Qualifier l'incident". */
    public String qualifiers(VariableScope scope) {
        return isCommune(scope) ? communeGroup(scope) : Groups.RSSI;
    }

    /** "Décider des mesures": the commune in its field, the académie's DSI otherwise. */
    public String deciders(VariableScope scope) {
        return isCommune(scope) ? communeGroup(scope) : Groups.DSI;
    }

    /** The party that notifies the CNIL: académie or commune. */
    public static String cnilNotifier(VariableScope scope) {
        if (isShared(scope)) {
            Object designated = scope.getVariable(NOTIFIANT_CNIL);
            return designated == null ? ACADEMIE : designated.toString();
        }
        return isCommune(scope) ? COMMUNE : ACADEMIE;
    }

    /** "Notifier la CNIL": the académie's DPO, or the commune's agents (their DPO has no account: he gets a mail). */
    public String cnilNotifiers(VariableScope scope) {
        return COMMUNE.equals(cnilNotifier(scope)) ? communeGroup(scope) : Groups.DPO;
    }

    /** Commune's field: the académie's RSSI, DPO and the IEN of each circonscription concerned may comment. */
    public List<String> commentators(VariableScope scope) {
        return academieObservers(scope);
    }

    /** The académie's RSSI and DPO, and the IEN of each circonscription of the incident (article 7). */
    public static List<String> academieObservers(VariableScope scope) {
        List<String> groups = new java.util.ArrayList<>(List.of(Groups.RSSI, Groups.DPO));
        IncidentCirconscriptions.of(scope).forEach(circonscription -> groups.add(Groups.ienCirco(circonscription)));
        return groups;
    }

    public String communeGroup(VariableScope scope) {
        return Groups.commune((String) scope.getVariable(COMMUNE_INSEE));
    }
}
