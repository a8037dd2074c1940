-- The event log (§11). No foreign key to the trigger: deleting a trigger keeps its history; deleting the
-- automation takes both along.
CREATE TABLE automation_events (
    id                  UUID PRIMARY KEY,
    automation_id       UUID NOT NULL REFERENCES automations (id) ON DELETE CASCADE,
    trigger_id          UUID NOT NULL,
    delivery_id         VARCHAR(200),
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    payload             VARCHAR(1048576) NOT NULL,
    raw_payload         BOOLEAN      NOT NULL,
    filter_matched      BOOLEAN      NOT NULL,
    resolved_labels     VARCHAR(65536) NOT NULL,
    matched_chat_id     UUID,
    created_chat_id     UUID,
    status              VARCHAR(16)  NOT NULL,
    error               VARCHAR(1024),
    reason              VARCHAR(4096),
    signature_verified  BOOLEAN      NOT NULL,
    verified_with       VARCHAR(16),
    -- Only signature-verified deliveries carry a delivery id, so a forged request cannot claim a real one.
    CONSTRAINT automation_events_delivery_key UNIQUE (trigger_id, delivery_id)
);
CREATE INDEX automation_events_automation_idx ON automation_events (automation_id, received_at DESC, id DESC);
CREATE INDEX automation_events_received_idx ON automation_events (received_at);
CREATE INDEX automation_events_status_idx ON automation_events (status, received_at);
