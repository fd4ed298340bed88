package fr.conventionent.dashboard;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.conventionent.registry.RegistryNotLoggedInException;

/** The dashboard's errors as the registry's: JSON {@code {"message": "…"}} in French, with the matching status. */
@RestControllerAdvice(basePackageClasses = DashboardErrors.class)
public class DashboardErrors {

    @ExceptionHandler(DashboardRequestException.class)
    ResponseEntity<Map<String, String>> refused(DashboardRequestException e) {
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(RegistryNotLoggedInException.class)
    ResponseEntity<Map<String, String>> notLoggedIn(RegistryNotLoggedInException e) {
        return error(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
}
