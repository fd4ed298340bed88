package fr.conventionent.dashboard;

import org.springframework.http.HttpStatus;

/** A dashboard request refused (bad filter, no access, unknown chart): its French message is shown as is. */
public class DashboardRequestException extends RuntimeException {

    private final HttpStatus status;

    public DashboardRequestException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public static DashboardRequestException badFilter(String message) {
        return new DashboardRequestException(HttpStatus.BAD_REQUEST, message);
    }

    public HttpStatus status() {
        return status;
    }
}
