package fr.conventionent.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

import fr.conventionent.kernel.Groups;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A user's personal calendar (iCalendar): the deadlines of the conventions they may see — next anniversary (tacit
 * renewal), last day to denounce before it, end of a notice or of access, next comité de pilotage — and the CNIL
 * 72-hour deadlines of the personal-data breaches in their scope. The user's groups are read at each request: a
 * user who loses a role loses its dates.
 */
@Component
public class CalendarFeed {

    private final RegistryService registry;
    private final CnilDeadlines cnilDeadlines;
    private final IdentityService identityService;

    public CalendarFeed(RegistryService registry, CnilDeadlines cnilDeadlines, IdentityService identityService) {
        this.registry = registry;
        this.cnilDeadlines = cnilDeadlines;
        this.identityService = identityService;
    }

    public Viewer viewer(String userId) {
        return new Viewer(userId, identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList());
    }

    public void write(Viewer viewer, Writer out) {
        List<CalendarComponent> events = new ArrayList<>();
        registry.forEach(viewer, RegistryFilter.of(java.util.Map.of()), line -> addConventionEvents(line, events));
        boolean allIncidents = viewer.seesAll() || viewer.groups().contains(Groups.RSSI);
        for (CnilDeadlines.CnilDeadline deadline : cnilDeadlines.open()) {
            if (deadline.due() != null && (allIncidents || viewer.seesAny(deadline.communeInsee(),
                    deadline.circonscriptions(), deadline.departement()))) {
                // in UTC: a TZID would need a VTIMEZONE definition in the feed
                java.time.Instant due = deadline.due().toInstant();
                events.add(event(due, due.plusSeconds(1800), "Notification CNIL (72 h) – incident " + deadline.incident(),
                        "Échéance de la notification à la CNIL de la violation de données personnelles (RGPD,"
                                + " article 33), incident " + deadline.incident() + ", commune " + deadline.communeInsee()
                                + ".", "cnil-" + deadline.incident()));
            }
        }
        Calendar calendar = new Calendar(new ComponentList<>(events));
        calendar.add(new ProdId("-//Convention ENT//Registre des conventions//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addConventionEvents(RegistryLine line, List<CalendarComponent> events) {
        String about = "la convention " + line.numero() + " (commune de " + line.communeNom() + ")";
        if (line.prochainAnniversaire() != null) {
            events.add(day(line.prochainAnniversaire(), "Reconduction tacite de " + about,
                    "Sans dénonciation, " + about + " est reconduite pour un an à cette date (article 11).",
                    line.numero() + "-anniversaire-" + line.prochainAnniversaire()));
        }
        if (line.limiteDenonciation() != null) {
            events.add(day(line.limiteDenonciation(), "Dernier jour pour dénoncer " + about,
                    "Dernier jour pour notifier une dénonciation de " + about + " avant sa reconduction du "
                            + fr.conventionent.kernel.FrenchFormats.longDate(line.prochainAnniversaire()) + " (préavis de 3 mois, article 11).",
                    line.numero() + "-limite-denonciation-" + line.limiteDenonciation()));
        }
        if (line.dernierJour() != null && !fr.conventionent.convention.ConventionProcess.STATUT_TERMINEE.equals(line.statut())) {
            events.add(day(line.dernierJour(), "Dernier jour de " + about, line.statutLibelle() + ".",
                    line.numero() + "-dernier-jour-" + line.dernierJour()));
        }
        if (line.prochainComite() != null && fr.conventionent.convention.ConventionProcess.STATUT_EN_VIGUEUR.equals(line.statut())) {
            events.add(day(line.prochainComite(), "Comité de pilotage de " + about,
                    "Comité de pilotage (article 4) de " + about + ".", line.numero() + "-comite-" + line.prochainComite()));
        }
    }

    /** An all-day event (RFC 5545: DTSTART;VALUE=DATE the day itself, DTEND the day after, exclusive). */
    private static VEvent day(LocalDate day, String summary, String description, String uid) {
        return event(day, day.plusDays(1), summary, description, uid);
    }

    private static VEvent event(Temporal start, Temporal end, String summary, String description, String uid) {
        VEvent event = new VEvent(start, end, summary);
        event.add(new Uid(uid + "@convention-ent"));
        event.add(new Description(description));
        return event;
    }
}
