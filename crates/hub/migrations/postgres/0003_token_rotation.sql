-- Kumppani hub, schema 3: device tokens rotate in two steps. A device asks for a new
-- token (kept as `next_token_hash`); the first time it signs in with it, the new token
-- becomes its token and the one before keeps working until `old_token_until`, for other
-- tabs of the same browser that read it before. Until then the current token works on,
-- so a device that never got the answer is not locked out. A next token is not replaced
-- for a while after it was given (`next_token_at`): two tabs asking at once get one.
ALTER TABLE devices ADD COLUMN next_token_hash BYTEA NULL;
ALTER TABLE devices ADD COLUMN next_token_at BIGINT NULL;
ALTER TABLE devices ADD COLUMN old_token_hash BYTEA NULL;
ALTER TABLE devices ADD COLUMN old_token_until BIGINT NULL;
CREATE INDEX devices_next_token ON devices(next_token_hash);
CREATE INDEX devices_old_token ON devices(old_token_hash);
