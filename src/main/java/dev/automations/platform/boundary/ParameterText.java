package dev.automations.platform.boundary;

import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.FieldError;
import dev.automations.platform.control.StorableText;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.util.List;

/**
 * Path and query parameters reach SQL as text: one holding U+0000 or an unpaired surrogate is a 400 here, not a
 * statement error (500) in the database. Resources that must answer anything alike opt out ({@link AcceptsAnyInput}).
 */
@Provider
public class ParameterText implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(AcceptsAnyInput.class)) {
            return;
        }
        check(request.getUriInfo().getPathParameters(), "path");
        check(request.getUriInfo().getQueryParameters(), "query");
    }

    private static void check(MultivaluedMap<String, String> parameters, String where) {
        parameters.forEach((name, values) -> values.forEach(value -> StorableText.problem(value).ifPresent(problem -> {
            throw ApiException.badRequest("Invalid " + where + " parameter.", List.of(new FieldError(name, problem)));
        })));
    }
}
