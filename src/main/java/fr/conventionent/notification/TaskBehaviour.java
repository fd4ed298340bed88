package fr.conventionent.notification;

/**
 * What the house adds to one user task, whatever its process: the mail to its candidates when it is created, its due
 * date, its reminders and the links to the convention's documents. Declared in {@link TaskBehaviours}, added at
 * deployment by {@link TaskBehaviourParseListener}: the BPMN keeps only the business flow.
 *
 * @param dueDate       expression of the due date (a {@code java.util.Date} or ISO 8601 text), {@code null}: none
 * @param reminderCycle expression of the reminders' timer cycle, {@code null}: no reminder
 */
public record TaskBehaviour(String processKey, String taskId, boolean creationMail, String dueDate,
                            String reminderCycle, boolean documentLinks) {

    private static final String TASK_PREFIX = "UserTask_";

    /**
     * The usual step: mailed at creation, due after the step's configured time ({@code convention.delais.etapes}),
     * reminded when overdue and after each further period ({@link TaskDeadlines}).
     */
    public static TaskBehaviour step(String processKey, String taskId, String step) {
        return new TaskBehaviour(processKey, taskId, true, "${taskDeadlines.dueDate('" + step + "')}",
                "${taskDeadlines.reminderCycle('" + step + "')}", false);
    }

    /** Mailed at creation, due when a business rule says, never reminded (a legal deadline has its own timers). */
    public static TaskBehaviour dueOn(String processKey, String taskId, String dueDateExpression) {
        return new TaskBehaviour(processKey, taskId, true, dueDateExpression, null, false);
    }

    /** Explicitly nothing: a task that must go without mail, due date or reminder says so here. */
    public static TaskBehaviour exempt(String processKey, String taskId) {
        return new TaskBehaviour(processKey, taskId, false, null, null, false);
    }

    /** The task's form shows links to the convention's documents (task-local variables). */
    public TaskBehaviour withDocumentLinks() {
        return new TaskBehaviour(processKey, taskId, creationMail, dueDate, reminderCycle, true);
    }

    /** A short step (a signature) that is not reminded. */
    public TaskBehaviour withoutReminders() {
        return new TaskBehaviour(processKey, taskId, creationMail, dueDate, null, documentLinks);
    }

    /** Id of the timeout listener: part of every reminder job's configuration, so it must not change. */
    public String reminderId() {
        return "Reminder_" + (taskId.startsWith(TASK_PREFIX) ? taskId.substring(TASK_PREFIX.length()) : taskId);
    }
}
