package fr.conventionent.support;

import static fr.conventionent.kernel.ConventionVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

import fr.conventionent.demo.MinimalPdf;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.signature.ReviewChecklist;
import fr.conventionent.signature.SignatureCircuitProcess;

/** Submissions of the circuit's steps, as Tasklist sends them. */
public final class Circuits {

    private Circuits() {
    }

    public static Map<String, Object> signedCopies() {
        return Map.of(SignatureCircuitProcess.EXEMPLAIRES_SIGNES, true);
    }

    /**
     * A reviewer passes the document on, every point of the checklist ticked. Through the Java API (no logged-in
     * user, no form check) one submission serves every review step: each step reads only its own checklist.
     */
    public static Map<String, Object> approve() {
        Map<String, Object> variables = SampleConventions.decision(DECISION_VALIDER, null);
        for (String step : SignatureCircuitProcess.REVIEW_STEPS) {
            variables.putAll(checklist(step));
        }
        return variables;
    }

    /** Every point of a review step's checklist ticked, as its form sends them. */
    public static Map<String, Object> checklist(String reviewStep) {
        Map<String, Object> ticked = new HashMap<>();
        ReviewChecklist.of(reviewStep).forEach(item -> ticked.put(item.key(), true));
        return ticked;
    }

    public static Map<String, Object> reject(String motif) {
        return SampleConventions.decision(DECISION_REJETER, motif);
    }

    public static Map<String, Object> recteurSigns(String isoDate) {
        Map<String, Object> variables = new HashMap<>(approve());
        variables.put(DATE_SIGNATURE, isoDate);
        return variables;
    }

    public static Map<String, Object> recteurSignsToday() {
        Map<String, Object> variables = new HashMap<>(approve());
        variables.put(DATE_SIGNATURE, new Date(ClockUtil.getCurrentTime().getTime()));
        return variables;
    }

    public static FileValue scan(String text) {
        return Variables.fileValue("convention-signee.pdf").file(MinimalPdf.withText(text))
                .mimeType("application/pdf").create();
    }

    public static Map<String, Object> scanUploaded() {
        return Map.of(CONVENTION_SIGNEE_SCAN, scan("Convention signee"));
    }
}
