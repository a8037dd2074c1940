package dev.automations.webhook.boundary;

import dev.automations.platform.entity.JsonText;
import dev.automations.platform.boundary.AcceptsAnyInput;
import dev.automations.platform.control.DatabaseFailure;
import dev.automations.platform.control.Ids;
import dev.automations.webhook.control.ReceivedBody;
import dev.automations.webhook.control.WebhookCapacity;
import dev.automations.webhook.control.WebhookIntake;
import dev.automations.webhook.control.WebhookIntake.Outcome;
import dev.automations.webhook.control.WebhookMetrics;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

/**
 * §6: unauthenticated (the signature is the authentication). The answer is the same for every 200, so it
 * never tells whether a trigger exists; only a verified delivery learns its event id.
 */
@Path("v2/automations/triggers/{trigger}/webhook")
@AcceptsAnyInput
public class WebhookResource {

    static final String EVENT_ID_HEADER = "X-Automation-Event-Id";
    private static final String ACKNOWLEDGED = JsonText.JSON.createObjectBuilder().build().toString();
    private static final String AT_CAPACITY = JsonText.JSON.createObjectBuilder()
            .add("message", "Too many deliveries at once; try again shortly.").build().toString();

    @Inject
    WebhookIntake intake;

    @Inject
    WebhookMetrics metrics;

    @Inject
    WebhookCapacity capacity;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @SuppressWarnings("unchecked")
    public Response deliver(@PathParam("trigger") String trigger, @Context HttpServletRequest request, InputStream entity) throws IOException {
        long start = System.nanoTime();
        if (!capacity.tryEnter()) {
            metrics.delivery("unavailable", Duration.ofNanos(System.nanoTime() - start));
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", WebhookCapacity.RETRY_AFTER_SECONDS).entity(AT_CAPACITY).build();
        }
        Map<String, String> headers = (Map<String, String>) request.getAttribute(SenderHeadersFilter.AS_SENT);
        Outcome outcome;
        try {
            ReceivedBody body = ReceivedBody.read(entity, intake.maxBodyBytes());
            outcome = intake.receive(Ids.parse(trigger), headers, headers.get(HttpHeaders.CONTENT_TYPE), body);
        } catch (RuntimeException e) {
            if (DatabaseFailure.isDatabaseFailure(e)) {
                metrics.delivery("unavailable", Duration.ofNanos(System.nanoTime() - start));
            }
            throw e;
        } finally {
            capacity.leave();
        }
        metrics.delivery(outcome.outcome(), Duration.ofNanos(System.nanoTime() - start));
        Response.ResponseBuilder ok = Response.ok(ACKNOWLEDGED, MediaType.APPLICATION_JSON_TYPE);
        return outcome.eventId() == null ? ok.build() : ok.header(EVENT_ID_HEADER, outcome.eventId()).build();
    }
}
