-- Kumppani hub, schema 4: an account deletion not finished yet. The member's own data
-- goes in the transaction that adds the row; the rest (the staff document forgetting
-- them, the project's documents rewritten without history) follows, and the row goes
-- when that is done. A hub that stopped in between finishes it at its next start.
CREATE TABLE pending_erasures (
    member_id TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(id)
);
