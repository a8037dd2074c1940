-- When an event was fired: the rolling one-hour window of §9 counts over it.
ALTER TABLE automation_events ADD COLUMN fired_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX automation_events_fired_idx ON automation_events (automation_id, fired_at);

-- The embedded chat bridge's store (§9, §11). A deleted automation leaves its chats, unlinked.
CREATE TABLE chats (
    id               UUID PRIMARY KEY,
    owner_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id  UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    automation_id    UUID REFERENCES automations (id) ON DELETE SET NULL,
    title            VARCHAR(256) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    client_type      VARCHAR(16)  NOT NULL,
    model_config_id  UUID,
    mcp_server_ids   VARCHAR(65536) NOT NULL,
    archived         BOOLEAN      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chats_owner_idx ON chats (owner_id, archived, updated_at DESC);

-- Labels as rows, so "has every one of these labels" is a portable query on an index.
CREATE TABLE chat_labels (
    id           UUID PRIMARY KEY,
    chat_id      UUID NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    label_key    VARCHAR(64)  NOT NULL,
    label_value  VARCHAR(256) NOT NULL,
    CONSTRAINT chat_labels_key UNIQUE (chat_id, label_key)
);
CREATE INDEX chat_labels_pair_idx ON chat_labels (label_key, label_value);

CREATE TABLE chat_messages (
    id                   UUID PRIMARY KEY,
    chat_id              UUID NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    role                 VARCHAR(16) NOT NULL,
    content              VARCHAR(1048576) NOT NULL,
    created_by           UUID,
    automation_event_id  UUID,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX chat_messages_chat_idx ON chat_messages (chat_id, created_at, id);
