-- Kumppani hub on PostgreSQL, schema 1: SQLite's schemas 1 and 2 in one. Run once, at
-- startup, under an advisory lock, when schema_version is 0. Ids are the same 32-hex-digit
-- text as on SQLite; times are milliseconds.
CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    project_doc TEXT NULL,
    staff_doc TEXT NULL,
    -- 32 random bytes; never sent anywhere. Tickets are signed with the key made from it.
    ticket_seed BYTEA NULL
);

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('resident', 'organiser')),
    member_doc TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX members_project ON members(project_id);

CREATE TABLE codes (
    code TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    kind TEXT NOT NULL CHECK (kind IN ('join', 'organiser', 'link')),
    member_id TEXT NULL REFERENCES members(id),
    expires_at BIGINT NULL,
    used_at BIGINT NULL
);
CREATE INDEX codes_project ON codes(project_id);

CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    -- Insertion order, to list a member's devices in (SQLite uses its rowid).
    added BIGINT GENERATED ALWAYS AS IDENTITY,
    member_id TEXT NOT NULL REFERENCES members(id),
    token_hash BYTEA NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NULL
);
CREATE INDEX devices_member ON devices(member_id);

CREATE TABLE docs (
    doc_id TEXT PRIMARY KEY,
    kind BIGINT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects(id),
    member_id TEXT NULL REFERENCES members(id)
);

CREATE TABLE doc_snapshots (
    doc_id TEXT PRIMARY KEY,
    data BYTEA NOT NULL,
    through_seq BIGINT NOT NULL
);

-- The highest sequence number a document has handed out. Appends take its row lock, so one
-- document's chunks commit in sequence order; it never goes down, not even on compaction.
CREATE TABLE doc_heads (
    doc_id TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL
);

CREATE TABLE doc_chunks (
    doc_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE sync_states (
    doc_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    state BYTEA NOT NULL,
    PRIMARY KEY (doc_id, device_id)
);

-- The receipt log of sign-ups, in the order the hub first saw them. Identity values are
-- handed out before commit; appends hold a per-project advisory lock so they commit in order.
CREATE TABLE signup_receipts (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    event_id TEXT NOT NULL,
    member_id TEXT NOT NULL REFERENCES members(id),
    kind TEXT NOT NULL CHECK (kind IN ('request', 'cancel')),
    received_at BIGINT NOT NULL
);
CREATE INDEX signup_receipts_event ON signup_receipts(project_id, event_id, seq);
