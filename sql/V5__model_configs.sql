-- Model configs (§15). An API key is stored only sealed (AES-256-GCM) beside the id of the key that sealed it (§13).
CREATE TABLE model_configs (
    id                 UUID PRIMARY KEY,
    organization_id    UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name               VARCHAR(128)  NOT NULL,
    provider           VARCHAR(32)   NOT NULL,
    base_url           VARCHAR(2048) NOT NULL,
    model              VARCHAR(256)  NOT NULL,
    api_key_key_id     VARCHAR(32),
    api_key_sealed     VARCHAR(8192),
    max_output_tokens  INTEGER,
    temperature        DOUBLE PRECISION,
    system_prompt      VARCHAR(65536),
    enabled            BOOLEAN NOT NULL,
    -- The organization's id while this config is its default, else NULL. A unique index never counts NULLs as equal
    -- on H2 or PostgreSQL, so this holds at most one default per organization on both; a partial index would not
    -- run on H2.
    default_for        UUID,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT model_configs_name_key UNIQUE (organization_id, name),
    CONSTRAINT model_configs_default_key UNIQUE (default_for),
    CONSTRAINT model_configs_default_own CHECK (default_for IS NULL OR default_for = organization_id),
    CONSTRAINT model_configs_organization_id_key UNIQUE (organization_id, id),
    CONSTRAINT model_configs_api_key_sealed CHECK ((api_key_key_id IS NULL) = (api_key_sealed IS NULL))
);
CREATE INDEX model_configs_organization_idx ON model_configs (organization_id, created_at DESC, id DESC);
CREATE INDEX model_configs_api_key_idx ON model_configs (api_key_key_id);

-- Until now model_config_id was stored unchecked, and with no model configs existing every such id named nothing.
UPDATE automations SET model_config_id = NULL WHERE model_config_id IS NOT NULL;
-- An automation's model config is one of its own organization's, and a config in use cannot be deleted (§15).
ALTER TABLE automations ADD CONSTRAINT automations_model_config_fkey
    FOREIGN KEY (organization_id, model_config_id) REFERENCES model_configs (organization_id, id);
CREATE INDEX automations_model_config_idx ON automations (model_config_id);
