-- Kumppani hub, schema 2: each project's project and staff documents, the secret seed of
-- its ticket key, and the receipt log of sign-ups (the order the hub first saw them).
ALTER TABLE projects ADD COLUMN project_doc TEXT NULL;
ALTER TABLE projects ADD COLUMN staff_doc TEXT NULL;
-- 32 random bytes; never sent anywhere. Tickets are signed with the key made from it.
ALTER TABLE projects ADD COLUMN ticket_seed BLOB NULL;

CREATE TABLE signup_receipts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT NOT NULL REFERENCES projects(id),
    event_id TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL CHECK (kind IN ('request', 'cancel')),
    received_at INTEGER NOT NULL
);
CREATE INDEX signup_receipts_event ON signup_receipts(project_id, event_id, seq);
