-- Chats this service created in a Coder deployment (§17), keyed by Coder's chat id. §9's continue-by-labels runs
-- over these rows, so firing never lists the deployment's chats. owner_id is the automation's owner here (Coder
-- owns every such chat as the session token's user); organization_id is the Coder organization it was created in.
-- archived is as last seen: set when Coder answered that the chat is gone or archived.
CREATE TABLE coder_chats (
    id               UUID PRIMARY KEY,
    owner_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organization_id  UUID NOT NULL,
    automation_id    UUID REFERENCES automations (id) ON DELETE SET NULL,
    archived         BOOLEAN NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX coder_chats_owner_idx ON coder_chats (owner_id, archived, updated_at DESC);

CREATE TABLE coder_chat_labels (
    id           UUID PRIMARY KEY,
    chat_id      UUID NOT NULL REFERENCES coder_chats (id) ON DELETE CASCADE,
    label_key    VARCHAR(64)  NOT NULL,
    label_value  VARCHAR(256) NOT NULL,
    CONSTRAINT coder_chat_labels_key UNIQUE (chat_id, label_key)
);
CREATE INDEX coder_chat_labels_pair_idx ON coder_chat_labels (label_key, label_value);
