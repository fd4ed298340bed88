package fr.conventionent.denonciation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The letter of dénonciation (DOCX), from the initiating party to the other. */
@Component("generateDenonciationLetterDelegate")
public class GenerateDenonciationLetterDelegate implements JavaDelegate {

    private final Denonciations denonciations;

    public GenerateDenonciationLetterDelegate(Denonciations denonciations) {
        this.denonciations = denonciations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        denonciations.generateLetter(execution);
    }
}
