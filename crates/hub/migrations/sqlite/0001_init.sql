-- Kumppani hub, schema 1. Run once, at startup, when PRAGMA user_version is 0.
CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE codes (
    code TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    kind TEXT NOT NULL CHECK (kind IN ('join', 'organiser', 'link')),
    member_id TEXT NULL REFERENCES members(id),
    expires_at INTEGER NULL,
    used_at INTEGER NULL
);

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('resident', 'organiser')),
    member_doc TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX members_project ON members(project_id);

CREATE TABLE devices (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES members(id),
    token_hash BLOB NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER NULL
);
CREATE INDEX devices_member ON devices(member_id);

CREATE TABLE docs (
    doc_id TEXT PRIMARY KEY,
    kind INTEGER NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects(id),
    member_id TEXT NULL REFERENCES members(id)
);

CREATE TABLE doc_snapshots (
    doc_id TEXT PRIMARY KEY,
    data BLOB NOT NULL,
    through_seq INTEGER NOT NULL
);

CREATE TABLE doc_chunks (
    doc_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE sync_states (
    doc_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (doc_id, device_id)
);
