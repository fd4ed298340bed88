package fr.conventionent.identity.directory;

import java.util.List;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** A user query answered by the local accounts and the directory together ({@link DirectoryIdentityProvider}). */
public class DirectoryUserQuery extends UserQueryImpl {

    public DirectoryUserQuery() {
    }

    public DirectoryUserQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    /** The process definition of {@code potentialStarter}, which the parent class keeps without a getter. */
    public String getPotentialStarter() {
        return procDefId;
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        checkQueryOk();
        return provider(commandContext).findUsers(this, null).size();
    }

    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
        checkQueryOk();
        return provider(commandContext).findUsers(this, page);
    }

    private static DirectoryIdentityProvider provider(CommandContext commandContext) {
        CommandContext context = commandContext != null ? commandContext : Context.getCommandContext();
        return (DirectoryIdentityProvider) context.getReadOnlyIdentityProvider();
    }
}
