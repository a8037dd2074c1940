package dev.automations.platform.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (unknown route, wrong method, wrong content type…) in the §1 shape, keeping their headers. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorBody.of(message(status)));
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "Bad request.";
            case 401 -> "You are not signed in.";
            case 403 -> "Forbidden.";
            case 404 -> "Resource not found or you do not have access to this resource.";
            case 405 -> "Method not allowed.";
            case 406 -> "Not acceptable: this API produces application/json.";
            case 413 -> "Request body too large.";
            case 415 -> "Unsupported content type: send application/json.";
            case 429 -> "Too many requests; try again after Retry-After seconds.";
            case 503 -> "Service unavailable; try again shortly.";
            default -> status >= 500 ? "Internal server error." : "Request failed.";
        };
    }
}
