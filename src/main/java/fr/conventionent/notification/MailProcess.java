package fr.conventionent.notification;

/** Key, element ids and variables of bpmn/envoi-courriel.bpmn: one instance per mail. */
public final class MailProcess {

    public static final String KEY = "envoi-courriel";
    public static final String TASK_SEND = "ServiceTask_SendMail";

    public static final String DESTINATAIRES = "destinataires";
    public static final String OBJET = "objet";
    public static final String CORPS = "corps";
    /** The HTML alternative; absent from instances queued before mail templates (sent as plain text). */
    public static final String CORPS_HTML = "corpsHtml";
    public static final String PIECE_JOINTE = "pieceJointe";

    private MailProcess() {
    }
}
