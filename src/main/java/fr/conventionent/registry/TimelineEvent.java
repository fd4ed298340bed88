package fr.conventionent.registry;

import java.time.OffsetDateTime;

/** One line of a convention's timeline: when, what, who, and the decision and reason of a review step. */
public record TimelineEvent(OffsetDateTime date, String processus, String etape, String acteur, String decision,
                            String motif) {
}
