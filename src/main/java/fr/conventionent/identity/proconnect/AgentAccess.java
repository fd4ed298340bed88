package fr.conventionent.identity.proconnect;

import fr.conventionent.identity.Commune;

/** What a ProConnect login leads to. */
public sealed interface AgentAccess {

    /** The agent is in their commune's group: on to Tasklist. */
    record Granted(String userId, Commune commune) implements AgentAccess {
    }

    /** The organisation (SIRET) is no commune of the referential: nothing was created. */
    record UnknownOrganisation(String siret) implements AgentAccess {
    }

    /** The DACES has not approved this agent yet: the account exists, without any group. */
    record AwaitingApproval(String userId, Commune commune) implements AgentAccess {
    }
}
