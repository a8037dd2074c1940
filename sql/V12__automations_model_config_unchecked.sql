-- Under automations.chat.bridge=coder an automation's model_config_id names a model config of the Coder deployment
-- (§17), which no row here holds. The embedded bridge's rule (§15) is kept by the application instead: an automation
-- write and a config's delete both take the config's row lock, so neither can slip past the other.
ALTER TABLE automations DROP CONSTRAINT automations_model_config_fkey;
