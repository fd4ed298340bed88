package fr.conventionent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.conventionent.convention.InvalidSubmissionException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The engine wraps an exception thrown by a task listener in its own ("Cannot submit task form
 * …: Exception while invoking TaskListener: …") and answers 500. For a refused submission the
 * user must read only our French message, and the client must get 400: this filter does that,
 * for the REST API and for the API behind Tasklist.
 */
@Configuration
public class RefusedSubmissionFilter {

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> refusedSubmissionFilterRegistration() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }

    static class Filter extends OncePerRequestFilter {

        private static final ObjectMapper JSON = new ObjectMapper();

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
            int start = body.indexOf(InvalidSubmissionException.PREFIX);
            if (wrapper.getStatus() >= 500 && start >= 0) {
                ObjectNode error = (ObjectNode) JSON.readTree(body);
                String message = error.path("message").asText();
                error.put("type", InvalidSubmissionException.class.getSimpleName());
                // the engine quotes the listener's message: 'Exception while invoking TaskListener: Saisie refusée : …'
                String refusal = message.substring(message.indexOf(InvalidSubmissionException.PREFIX));
                error.put("message", refusal.endsWith("'") ? refusal.substring(0, refusal.length() - 1) : refusal);
                wrapper.resetBuffer();
                wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                wrapper.setContentType("application/json;charset=UTF-8");
                wrapper.getOutputStream().write(JSON.writeValueAsBytes(error));
            }
            wrapper.copyBodyToResponse();
        }
    }
}
