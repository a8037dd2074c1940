-- MCP servers (§16), organization-scoped like model configs. The headers (Authorization and the like) are stored only
-- sealed (AES-256-GCM), as one JSON object, beside the id of the key that sealed them (§13). Automations name them in
-- their mcp_server_ids (a JSON list, checked by the service when set); a turn skips a server deleted or disabled since.
-- Numbered after V12, not in the V10 gap: databases already at V12 exist, and Flyway refuses a pending version below
-- the current one.
CREATE TABLE mcp_servers (
    id                 UUID PRIMARY KEY,
    organization_id    UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name               VARCHAR(64)   NOT NULL,
    url                VARCHAR(2048) NOT NULL,
    headers_key_id     VARCHAR(32),
    headers_sealed     VARCHAR(65536),
    enabled            BOOLEAN NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT mcp_servers_name_key UNIQUE (organization_id, name),
    CONSTRAINT mcp_servers_headers_sealed CHECK ((headers_key_id IS NULL) = (headers_sealed IS NULL))
);
CREATE INDEX mcp_servers_organization_idx ON mcp_servers (organization_id, created_at DESC, id DESC);
CREATE INDEX mcp_servers_headers_idx ON mcp_servers (headers_key_id);
