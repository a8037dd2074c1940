package dev.automations.webhook.boundary;

import dev.automations.platform.boundary.Endpoint;
import dev.automations.platform.boundary.Operations;

import java.util.List;

import static dev.automations.platform.boundary.Endpoint.PUBLIC;

/** Webhook delivery (§6) for the OpenAPI document. */
public class WebhookOperations implements Operations {

    /** The answer, always {@code {}}. */
    record Acknowledged() {
    }

    @Override
    public List<Endpoint> operations() {
        return List.of(new Endpoint(WebhookResource.class, "deliver", "deliverWebhook", "A webhook delivery: 200 for any body and "
                + "headers, with X-Automation-Event-Id when the signature verified; 503 with Retry-After asks the sender to retry",
                PUBLIC, 200, Acknowledged.class, null));
    }
}
