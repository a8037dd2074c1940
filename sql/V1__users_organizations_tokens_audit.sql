-- Portable across H2 2.x and PostgreSQL 13+: UUID keys, TIMESTAMP WITH TIME ZONE, no vendor functions.

CREATE TABLE organizations (
    id          UUID PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    is_default  BOOLEAN      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT organizations_name_key UNIQUE (name)
);

-- A fixed id lets every instance agree on the default organization without a race at first start.
INSERT INTO organizations (id, name, is_default, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'default', TRUE, CURRENT_TIMESTAMP);

CREATE TABLE users (
    id             UUID PRIMARY KEY,
    email          VARCHAR(320) NOT NULL,
    username       VARCHAR(64)  NOT NULL,
    name           VARCHAR(128),
    password_hash  VARCHAR(512) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    roles          VARCHAR(128) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_username_key UNIQUE (username)
);

CREATE TABLE organization_members (
    id               UUID PRIMARY KEY,
    organization_id  UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id          UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    roles            VARCHAR(128) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT organization_members_key UNIQUE (organization_id, user_id)
);
CREATE INDEX organization_members_user_idx ON organization_members (user_id);

-- key_id is the public half of a token; only a SHA-256 of the secret half is kept.
CREATE TABLE api_keys (
    id                UUID PRIMARY KEY,
    key_id            VARCHAR(10)  NOT NULL,
    user_id           UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    hashed_secret     VARCHAR(64)  NOT NULL,
    login_type        VARCHAR(16)  NOT NULL,
    token_name        VARCHAR(64),
    lifetime_seconds  BIGINT       NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT api_keys_key_id_key UNIQUE (key_id),
    CONSTRAINT api_keys_token_name_key UNIQUE (user_id, token_name)
);
CREATE INDEX api_keys_user_idx ON api_keys (user_id);

-- No foreign keys: the audit trail outlives the users and resources it mentions.
CREATE TABLE audit_log (
    id               UUID PRIMARY KEY,
    time             TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id          UUID,
    organization_id  UUID,
    action           VARCHAR(32)  NOT NULL,
    resource_type    VARCHAR(32)  NOT NULL,
    resource_id      VARCHAR(64),
    resource_name    VARCHAR(256),
    diff             VARCHAR(1048576) NOT NULL,
    ip               VARCHAR(64),
    user_agent       VARCHAR(512),
    status_code      INTEGER      NOT NULL
);
CREATE INDEX audit_log_time_idx ON audit_log (time DESC, id DESC);
CREATE INDEX audit_log_resource_idx ON audit_log (resource_type, resource_id);
