-- Agent turns (§15): the chat's turn state, message order, and the token usage of answers.
ALTER TABLE chats ADD COLUMN last_error VARCHAR(1024);
ALTER TABLE chats ADD COLUMN last_seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE chats ADD COLUMN turn_token UUID;
ALTER TABLE chats ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE chats ADD COLUMN failed_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE chats ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;

ALTER TABLE chat_messages ADD COLUMN seq BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE chat_messages ADD COLUMN prompt_tokens INTEGER;
ALTER TABLE chat_messages ADD COLUMN completion_tokens INTEGER;

-- Messages written before this version are numbered in the order they were shown (created_at, id).
UPDATE chat_messages SET seq = (SELECT COUNT(*) FROM chat_messages o WHERE o.chat_id = chat_messages.chat_id
    AND (o.created_at < chat_messages.created_at OR (o.created_at = chat_messages.created_at AND o.id <= chat_messages.id)));
UPDATE chats SET last_seq = (SELECT COUNT(*) FROM chat_messages m WHERE m.chat_id = chats.id);

DROP INDEX chat_messages_chat_idx;
CREATE INDEX chat_messages_seq_idx ON chat_messages (chat_id, seq);
-- The sweep looks for pending chats and running ones whose lease ran out.
CREATE INDEX chats_turn_idx ON chats (status, updated_at);
