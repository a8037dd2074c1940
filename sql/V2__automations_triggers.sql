CREATE TABLE automations (
    id                         UUID PRIMARY KEY,
    owner_id                   UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id            UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name                       VARCHAR(128) NOT NULL,
    description                VARCHAR(4096),
    instructions               VARCHAR(65536),
    model_config_id            UUID,
    mcp_server_ids             VARCHAR(65536) NOT NULL,
    allowed_tools              VARCHAR(65536) NOT NULL,
    status                     VARCHAR(16)  NOT NULL,
    max_chat_creates_per_hour  INTEGER      NOT NULL,
    max_messages_per_hour      INTEGER      NOT NULL,
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT automations_name_key UNIQUE (owner_id, organization_id, name)
);
CREATE INDEX automations_owner_idx ON automations (owner_id, created_at DESC, id DESC);
CREATE INDEX automations_organization_idx ON automations (organization_id, created_at DESC, id DESC);

-- Secrets are stored only as AES-256-GCM ciphertext beside the id of the key that sealed them (§13).
CREATE TABLE automation_triggers (
    id                          UUID PRIMARY KEY,
    automation_id               UUID NOT NULL REFERENCES automations (id) ON DELETE CASCADE,
    type                        VARCHAR(16)  NOT NULL,
    signature_scheme            VARCHAR(32),
    secret_key_id               VARCHAR(32),
    secret_sealed               VARCHAR(2048),
    previous_secret_key_id      VARCHAR(32),
    previous_secret_sealed      VARCHAR(2048),
    secret_rotated_at           TIMESTAMP WITH TIME ZONE,
    previous_secret_expires_at  TIMESTAMP WITH TIME ZONE,
    cron_schedule               VARCHAR(256),
    next_fire_at                TIMESTAMP WITH TIME ZONE,
    last_triggered_at           TIMESTAMP WITH TIME ZONE,
    filter                      VARCHAR(65536),
    label_paths                 VARCHAR(16384),
    created_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX automation_triggers_automation_idx ON automation_triggers (automation_id, created_at, id);
-- A cron tick reads only the due rows (§10): its cost follows the number of due triggers.
CREATE INDEX automation_triggers_next_fire_idx ON automation_triggers (next_fire_at);
CREATE INDEX automation_triggers_secret_key_idx ON automation_triggers (secret_key_id);
