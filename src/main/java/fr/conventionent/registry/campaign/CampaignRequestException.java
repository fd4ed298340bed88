package fr.conventionent.registry.campaign;

import org.springframework.http.HttpStatus;

/** A campaign request refused before anything starts, with the HTTP status and the French message to show. */
public class CampaignRequestException extends RuntimeException {

    private final HttpStatus status;

    public CampaignRequestException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public static CampaignRequestException badRequest(String message) {
        return new CampaignRequestException(HttpStatus.BAD_REQUEST, message);
    }

    public HttpStatus status() {
        return status;
    }
}
