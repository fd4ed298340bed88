package fr.conventionent.config.guard;

/** What a form field accepts, as its form declares it (Camunda Forms component type or cam-variable-type). */
enum FieldKind {
    TEXT("du texte"),
    NUMBER("un nombre"),
    BOOLEAN("oui ou non (booléen)"),
    /** A day as the date pickers send it: "AAAA-MM-JJ" text, or a date. */
    DAY("une date (AAAA-MM-JJ)"),
    TIME("une heure (HH:MM)"),
    DATE_TIME("une date et une heure (AAAA-MM-JJTHH:MM)"),
    /** One of the values the form offers (radio buttons, list). */
    CHOICE("une des valeurs proposées"),
    /** Several of the values the form offers (checklist, tags). */
    CHOICES("une liste de valeurs proposées"),
    /** A list or an object (annexes, participants…), as JSON. */
    JSON("une liste ou un objet JSON"),
    FILE("un fichier");

    private final String expected;

    FieldKind(String expected) {
        this.expected = expected;
    }

    String expected() {
        return expected;
    }
}
