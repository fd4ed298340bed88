package fr.conventionent.identity.directory;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/**
 * A group query: groups live in the database (created by the identity set-up), but a directory person's
 * membership comes from the mapping, so {@code groupMember(person)} becomes {@code groupIdIn(its groups)}.
 */
public class DirectoryGroupQuery extends DbGroupQueryImpl {

    public DirectoryGroupQuery() {
    }

    public DirectoryGroupQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    /** The same query for the groups among {@code memberOf}, without the membership criterion; null if none. */
    DirectoryGroupQuery amongGroups(Collection<String> memberOf) {
        Set<String> allowed = new TreeSet<>(memberOf);
        if (id != null) {
            allowed.retainAll(Set.of(id));
        }
        if (ids != null) {
            allowed.retainAll(Arrays.asList(ids));
        }
        if (allowed.isEmpty()) {
            return null;
        }
        DirectoryGroupQuery copy = new DirectoryGroupQuery();
        copy.ids = allowed.toArray(String[]::new);
        copy.name = name;
        copy.nameLike = nameLike;
        copy.type = type;
        copy.procDefId = procDefId;
        copy.tenantId = tenantId;
        copy.setOrderingProperties(getOrderingProperties());
        copy.setFirstResult(getFirstResult());
        copy.setMaxResults(getMaxResults());
        return copy;
    }
}
