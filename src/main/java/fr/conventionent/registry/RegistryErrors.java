package fr.conventionent.registry;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The registry's errors as JSON {@code {"message": "…"}} in French, with the matching HTTP status. */
@RestControllerAdvice(basePackageClasses = RegistryErrors.class)
public class RegistryErrors {

    @ExceptionHandler(InvalidRegistryRequestException.class)
    ResponseEntity<Map<String, String>> invalid(InvalidRegistryRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(RegistryNotLoggedInException.class)
    ResponseEntity<Map<String, String>> notLoggedIn(RegistryNotLoggedInException e) {
        return error(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler(RegistryForbiddenException.class)
    ResponseEntity<Map<String, String>> forbidden(RegistryForbiddenException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(RegistryNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(RegistryNotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
    }
}
