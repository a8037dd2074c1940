package dev.automations.platform.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds error responses in one shape for every mapper. */
final class Errors {

    static final String RETRY_AFTER_SECONDS = "5";

    private Errors() {
    }

    static Response response(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static Response unavailable() {
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(ErrorBody.of("The database is unavailable; try again shortly.")).build();
    }
}
