package fr.conventionent.support;

import static fr.conventionent.convention.ConventionVariables.*;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

import fr.conventionent.demo.MinimalPdf;
import fr.conventionent.demo.SampleConventions;
import fr.conventionent.signature.SignatureCircuitProcess;

/** Submissions of the circuit's steps, as Tasklist sends them. */
public final class Circuits {

    private Circuits() {
    }

    public static Map<String, Object> signedCopies() {
        return Map.of(SignatureCircuitProcess.EXEMPLAIRES_SIGNES, true);
    }

    public static Map<String, Object> approve() {
        return SampleConventions.decision(DECISION_VALIDER, null);
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
