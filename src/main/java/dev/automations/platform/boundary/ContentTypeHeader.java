package dev.automations.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request whose Content-Type cannot be read is a 400 that names the header, on every server. The JAX-RS
 * implementations disagree: Jersey (Payara) refuses two Content-Type headers and {@code application/json; charset=},
 * RESTEasy (WildFly) reads the first header and ignores the empty parameter. So the header is checked here, against
 * RFC 9110's grammar, before either looks at it. Webhook deliveries never get here with theirs (§6; the webhook
 * feature hides it from JAX-RS).
 * <p>
 * A POST, PUT or PATCH with neither a body nor a Content-Type is given {@code application/json}: the readers read the
 * empty body as {@code {}} and validate it like any other. Jersey matches such a request to the resource and
 * {@link EmptyBodyInterceptor} does the rest; RESTEasy refused it with 415 while matching, before any reader ran.
 */
@Provider
@PreMatching
public class ContentTypeHeader implements ContainerRequestFilter {

    private static final Set<String> CARRY_BODIES = Set.of("POST", "PUT", "PATCH");
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final String QUOTED = "\"(?:[^\"\\\\\\p{Cntrl}]|\\\\[^\\p{Cntrl}])*\"";
    private static final Pattern MEDIA_TYPE = Pattern.compile(
            TOKEN + "/" + TOKEN + "(?:[ \t]*;[ \t]*" + TOKEN + "=(?:" + TOKEN + "|" + QUOTED + "))*[ \t]*");

    /** The servlet request's headers as sent: RESTEasy's header map keeps only the first Content-Type. */
    @Context
    HttpServletRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> values = Collections.list(http.getHeaders("Content-Type"));
        problem(values).ifPresent(problem -> request.abortWith(
                Errors.response(400, new ErrorBody(WebApplicationExceptionMapper.message(400), problem, null))));
        if (values.isEmpty() && CARRY_BODIES.contains(request.getMethod()) && !hasBody()) {
            request.getHeaders().putSingle("Content-Type", MediaType.APPLICATION_JSON);
        }
    }

    private boolean hasBody() {
        return http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null;
    }

    /** What is wrong with the Content-Type headers of a request, if anything. */
    static Optional<String> problem(List<String> values) {
        if (values.size() > 1) {
            return Optional.of("more than one Content-Type header");
        }
        if (values.size() == 1 && !MEDIA_TYPE.matcher(values.get(0)).matches()) {
            return Optional.of("the Content-Type header is not a valid media type");
        }
        return Optional.empty();
    }
}
