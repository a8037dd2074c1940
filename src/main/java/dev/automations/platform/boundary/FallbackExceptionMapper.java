package dev.automations.platform.boundary;

import dev.automations.platform.control.DatabaseFailure;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unexpected: a sick database is 503 with Retry-After (§1), everything else a logged 500 without internals. */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (DatabaseFailure.isDatabaseFailure(e)) {
            LOG.log(Level.WARNING, "Database unavailable: {0}", DatabaseFailure.summary(e));
            return Errors.unavailable();
        }
        LOG.log(Level.SEVERE, "Unhandled failure", e);
        return Errors.response(500, ErrorBody.of("Internal server error."));
    }
}
