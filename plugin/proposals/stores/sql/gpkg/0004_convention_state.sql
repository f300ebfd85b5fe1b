-- The digest of the convention last synced into the file, so every user's QGIS can bring
-- the file up to the convention it loaded without writing (and auditing) when nothing changed.
CREATE TABLE convention_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  digest TEXT NOT NULL,
  synced_at TEXT NOT NULL,
  synced_by TEXT NOT NULL
);
