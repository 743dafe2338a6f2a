-- Kumppani hub, schema 2: the audit log of organiser actions (who answered, hid, checked
-- in, decided, exported), one row per action, append only.
CREATE TABLE audit_log (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id),
    at BIGINT NOT NULL,
    member_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    -- JSON of core's `OrganiserAction`.
    action TEXT NOT NULL
);
CREATE INDEX audit_log_project ON audit_log(project_id, seq);
