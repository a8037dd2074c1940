package dev.automations.security.control;

import dev.automations.platform.control.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The authenticated caller of the current request (placed there by {@code TokenAuthenticationMechanism}). */
@RequestScoped
public class CurrentCaller {

    public static final String ATTRIBUTE = Caller.class.getName();

    @Inject
    HttpServletRequest request;

    public Caller get() {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw ApiException.unauthorized("You are not signed in.");
    }

    public void requireSiteOwner() {
        if (!get().isSiteOwner()) {
            throw ApiException.forbidden("Only a site owner may do this.");
        }
    }
}
