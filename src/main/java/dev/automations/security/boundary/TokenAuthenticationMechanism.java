package dev.automations.security.boundary;

import dev.automations.platform.boundary.ErrorServlet;
import dev.automations.platform.control.DatabaseFailure;
import dev.automations.security.control.ApiRateLimit;
import dev.automations.security.control.Caller;
import dev.automations.security.control.CurrentCaller;
import dev.automations.security.control.Sessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Authenticates by {@code Coder-Session-Token}, {@code Authorization: Bearer} or the {@code coder_session_token}
 * cookie (§3). Public endpoints are not looked at, so a webhook sender's own bearer token costs no lookup.
 * A database failure is a 503, never a 401: a client must tell "logged out" from "server sick" (§1).
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_HEADER = "Coder-Session-Token";
    public static final String SESSION_COOKIE = "coder_session_token";
    /** What a cookie-authenticated write must carry: no cross-site form can send it, and no CORS policy lets a script. */
    public static final String WRITE_GUARD_HEADER = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String REALM = "Bearer realm=\"automations\"";
    private static final Logger LOG = Logger.getLogger(TokenAuthenticationMechanism.class.getName());

    @Inject
    Sessions sessions;

    @Inject
    ApiRateLimit rateLimit;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        Optional<String> presented = presented(request);
        if (presented.isEmpty()) {
            return unauthorized(request, response, context, REALM, "You are not signed in.");
        }
        Optional<Caller> caller;
        try {
            caller = sessions.authenticate(presented.get());
        } catch (RuntimeException e) {
            if (!DatabaseFailure.isDatabaseFailure(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, "Database unavailable during authentication: {0}", DatabaseFailure.summary(e));
            return unavailable(request, response);
        }
        if (caller.isEmpty()) {
            return unauthorized(request, response, context, REALM + ", error=\"invalid_token\"",
                    "The token is invalid, expired or revoked, or the account is suspended.");
        }
        if (forgeable(request)) {
            return sendError(request, response, HttpServletResponse.SC_FORBIDDEN, null,
                    "A change authenticated by the session cookie needs the " + WRITE_GUARD_HEADER + " header.");
        }
        OptionalLong wait = rateLimit.take(caller.get());
        if (wait.isPresent()) {
            return tooManyRequests(request, response, wait.getAsLong());
        }
        request.setAttribute(CurrentCaller.ATTRIBUTE, caller.get());
        return context.notifyContainerAboutLogin(caller.get().userId().toString(), new HashSet<>(caller.get().roles()));
    }

    static Optional<String> presented(HttpServletRequest request) {
        String header = request.getHeader(SESSION_HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(authorization.substring(7).trim());
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (SESSION_COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A write whose only credential is the cookie, without the header a page of this origin adds: the shape of a
     * cross-site forgery. SameSite=Strict already keeps the cookie off other sites' requests; this holds where a
     * browser ignores SameSite (decisions.md, "The console (#17)"). Token clients send a header and are not affected.
     */
    private static boolean forgeable(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader(SESSION_HEADER) == null
                && request.getHeader("Authorization") == null && request.getHeader(WRITE_GUARD_HEADER) == null;
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context, String challenge, String message) {
        response.setHeader("WWW-Authenticate", challenge);
        request.setAttribute(ErrorServlet.MESSAGE_ATTRIBUTE, message);
        return context.responseUnauthorized();
    }

    private AuthenticationStatus tooManyRequests(HttpServletRequest request, HttpServletResponse response, long seconds) {
        return sendError(request, response, 429, seconds,
                "Rate limit exceeded: at most " + rateLimit.perSecond() + " requests a second per token.");
    }

    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response) {
        return sendError(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, 5L, "The database is unavailable; try again shortly.");
    }

    /** Answered by the error page, in the §1 shape, with the Retry-After set here. */
    private static AuthenticationStatus sendError(HttpServletRequest request, HttpServletResponse response, int status, Long retryAfter,
                                                  String message) {
        try {
            if (retryAfter != null) {
                response.setHeader("Retry-After", Long.toString(retryAfter));
            }
            request.setAttribute(ErrorServlet.MESSAGE_ATTRIBUTE, message);
            response.sendError(status);
        } catch (IOException e) {
            LOG.log(Level.FINE, "Client went away", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
