package fr.conventionent.identity.delegation;

/** The nightly process that applies the absences to the open tasks (bpmn/suppleance-absences.bpmn). */
public final class AbsenceProcess {

    public static final String KEY = "suppleance-absences";
    public static final String TIMER_NIGHTLY = "StartEvent_DayBegun";
    public static final String TASK_APPLY_ABSENCES = "ServiceTask_ApplyAbsences";

    private AbsenceProcess() {
    }
}
