package fr.conventionent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.conventionent.config.guard.VariableWriteRefusedException;
import fr.conventionent.kernel.InvalidSubmissionException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The engine wraps an exception thrown by a task listener in its own ("Cannot submit task form
 * …: Exception while invoking TaskListener: …") and answers 500. For a refused submission the
 * user must read only our French message, and the client must get 400 (403 for a write refused by
 * the variable guard): this filter does that, for the REST API and for the API behind Tasklist.
 * The refusals themselves happen in the engine; this only shapes the answer.
 */
@Configuration
public class RefusedSubmissionFilter {

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> refusedSubmissionFilterRegistration(
            ObjectProvider<ProcessEngine> engine) {
        Supplier<String> passwordRefusal = () -> PasswordRules.refusal(
                ((ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration()).getPasswordPolicy());
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(passwordRefusal));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }

    /** Our two refusals, told apart by the start of their French message; the type names no Java class. */
    enum Refusal {
        SUBMISSION(InvalidSubmissionException.PREFIX, "SaisieRefusee", HttpServletResponse.SC_BAD_REQUEST),
        WRITE(VariableWriteRefusedException.PREFIX, "ModificationRefusee", HttpServletResponse.SC_FORBIDDEN);

        final String prefix;
        final String type;
        final int status;

        Refusal(String prefix, String type, int status) {
            this.prefix = prefix;
            this.type = type;
            this.status = status;
        }

        static Refusal in(String body) {
            for (Refusal refusal : values()) {
                if (body.contains(refusal.prefix)) {
                    return refusal;
                }
            }
            return null;
        }
    }

    static class Filter extends OncePerRequestFilter {

        /** The engine's message when a password breaks the policy (answered with 500 by its REST API). */
        private static final String PASSWORD_POLICY = "Password does not match policy";
        private final Supplier<String> passwordRefusal;

        Filter(Supplier<String> passwordRefusal) {
            this.passwordRefusal = passwordRefusal;
        }

        private static final ObjectMapper JSON = new ObjectMapper();
        /** The engine's authorization details: English permission names, of no use to the user. */
        private static final List<String> AUTHORIZATION_DETAILS = List.of("missingAuthorizations",
                "resourceName", "resourceId", "permissionName");
        static final String FORBIDDEN = "Action refusée : vos droits ne permettent pas cette opération.";
        static final String TASK_FORBIDDEN = "Action refusée : sur une tâche, vous pouvez la prendre, la rendre et la"
                + " terminer par son formulaire ; son attribution, ses dates et ses données ne se modifient pas"
                + " autrement.";

        private static void replace(ContentCachingResponseWrapper wrapper, int status, ObjectNode error)
                throws IOException {
            wrapper.resetBuffer();
            wrapper.setStatus(status);
            wrapper.setContentType("application/json;charset=UTF-8");
            wrapper.getOutputStream().write(JSON.writeValueAsBytes(error));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("GET".equals(request.getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
            Refusal refusal = Refusal.in(body);
            if (wrapper.getStatus() >= 400 && refusal != null) {
                ObjectNode error = (ObjectNode) JSON.readTree(body);
                String message = error.path("message").asText();
                error.put("type", refusal.type);
                // the engine quotes the listener's message: 'Exception while invoking TaskListener: Saisie refusée : …'
                String french = message.substring(Math.max(0, message.indexOf(refusal.prefix)));
                error.put("message", french.endsWith("'") ? french.substring(0, french.length() - 1) : french);
                error.remove(AUTHORIZATION_DETAILS);
                replace(wrapper, refusal.status, error);
            } else if (wrapper.getStatus() >= 400 && body.contains(PASSWORD_POLICY)) {
                ObjectNode error = (ObjectNode) JSON.readTree(body);
                error.put("type", "MotDePasseRefuse");
                error.put("message", passwordRefusal.get());
                replace(wrapper, HttpServletResponse.SC_BAD_REQUEST, error);
            } else if (wrapper.getStatus() == HttpServletResponse.SC_FORBIDDEN
                    && body.contains("\"AuthorizationException\"")) {
                // the engine's own refusal lists permissions in English: the user reads what they may do instead
                ObjectNode error = (ObjectNode) JSON.readTree(body);
                error.put("type", "ActionRefusee");
                error.remove(AUTHORIZATION_DETAILS);
                error.put("message", request.getRequestURI().contains("/task/") ? TASK_FORBIDDEN : FORBIDDEN);
                replace(wrapper, HttpServletResponse.SC_FORBIDDEN, error);
            }
            wrapper.copyBodyToResponse();
        }
    }
}
