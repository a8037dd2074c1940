package dev.automations.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Accept header whose quality value is not one is a 400 that names the header, on every server. Jersey (Payara)
 * answers it 400 itself; RESTEasy (WildFly) throws from its matching ({@code RESTEASY003545}), which reached the
 * fallback mapper as a 500 with a stack trace in the log. Webhook deliveries never get here with theirs (§6; the
 * webhook feature hides it from JAX-RS).
 */
@Provider
@PreMatching
public class AcceptHeader implements ContainerRequestFilter {

    /** RFC 9110's qvalue. */
    private static final Pattern QUALITY = Pattern.compile("0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?");

    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        problem(Collections.list(http.getHeaders("Accept"))).ifPresent(problem -> request.abortWith(
                Errors.response(400, new ErrorBody(WebApplicationExceptionMapper.message(400), problem, null))));
    }

    /** What is wrong with the Accept headers of a request, if anything. */
    static Optional<String> problem(List<String> values) {
        for (String value : values) {
            for (String range : value.split(",")) {
                for (String parameter : range.split(";")) {
                    String[] pair = parameter.split("=", 2);
                    if (pair.length == 2 && pair[0].trim().toLowerCase(Locale.ROOT).equals("q")
                            && !QUALITY.matcher(pair[1].trim()).matches()) {
                        return Optional.of("the Accept header's quality value is not a number from 0 to 1");
                    }
                }
            }
        }
        return Optional.empty();
    }
}
