package dev.automations.platform.boundary;

import dev.automations.platform.control.ApiException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        return Errors.response(e.status(), new ErrorBody(e.getMessage(), e.detail(), e.validations()));
    }
}
