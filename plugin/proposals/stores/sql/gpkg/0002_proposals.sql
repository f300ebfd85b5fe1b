-- The proposal store: the same logical schema as sql/postgres/ (JSON in TEXT columns,
-- timestamps as ISO 8601 UTC text, geometries as GeoPackage blobs). Rules are applied
-- by gpkg_store.py (advisory: no access control in this mode); only the audit trail's
-- append-only rule is also enforced here, by triggers.

-- The convention, written by GeoPackageStore.sync_convention.
CREATE TABLE partners (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT '',
  departements TEXT NOT NULL DEFAULT '[]',
  communes TEXT NOT NULL DEFAULT '[]',
  everywhere INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE members (
  login TEXT PRIMARY KEY,
  partner TEXT NOT NULL REFERENCES partners(id),
  name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  roles TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE datasets (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  approval TEXT NOT NULL DEFAULT '["steward"]',
  personal_data INTEGER NOT NULL DEFAULT 0,
  proposers TEXT NOT NULL DEFAULT '["*"]',
  proposers_own_territory INTEGER NOT NULL DEFAULT 0,
  key_field TEXT NOT NULL DEFAULT ''
);
CREATE TABLE stewardships (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset TEXT NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
  partner TEXT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
  departements TEXT NOT NULL DEFAULT '[]',
  communes TEXT NOT NULL DEFAULT '[]'
);

-- fid: GDAL wants an integer primary key on a GeoPackage table; ``id`` is the proposal's
-- identity, shared with the PostgreSQL store (a uuid made where the draft is created).
CREATE TABLE proposals (
  fid INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  dataset TEXT NOT NULL,
  target_kind TEXT NOT NULL DEFAULT '',
  target_uri TEXT NOT NULL DEFAULT '',
  target_layer TEXT NOT NULL DEFAULT '',
  target_version TEXT NOT NULL DEFAULT '',
  target_authcfg TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL,
  partner TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  comment TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
    ('draft', 'submitted', 'changes_requested', 'approved', 'rejected', 'applied', 'conflict', 'withdrawn')),
  changeset_meta TEXT NOT NULL DEFAULT '{}',
  validation TEXT NOT NULL DEFAULT '[]',
  departements TEXT NOT NULL DEFAULT '[]',
  round INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  updated_by TEXT NOT NULL
);
CREATE INDEX proposals_dataset_status ON proposals (dataset, status);

CREATE TABLE proposal_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  seq INTEGER NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  feature_key TEXT,
  old_attributes TEXT,
  new_attributes TEXT,
  changed_fields TEXT NOT NULL DEFAULT '[]',
  geometry_changed INTEGER NOT NULL DEFAULT 0,
  base_fingerprint TEXT,
  srs_id INTEGER NOT NULL DEFAULT -1,
  old_geom BLOB,
  new_geom BLOB,
  UNIQUE (proposal_id, seq)
);

CREATE TABLE reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  round INTEGER NOT NULL,
  reviewer TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('steward', 'dpo', 'coordinator')),
  decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject', 'request_changes')),
  comment TEXT NOT NULL DEFAULT '',
  proposal_version INTEGER,
  at TEXT NOT NULL
);
CREATE INDEX reviews_proposal ON reviews (proposal_id);

CREATE TABLE comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  author TEXT NOT NULL,
  body TEXT NOT NULL CHECK (trim(body) <> ''),
  at TEXT NOT NULL
);
CREATE INDEX comments_proposal ON comments (proposal_id);

CREATE TABLE apply_attempts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  actor TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('applied', 'failed', 'conflict', 'unknown', 'undone')),
  details TEXT NOT NULL DEFAULT '{}',
  at TEXT NOT NULL
);

-- Append-only, hash-chained (see audit.py). The triggers stop UPDATE and DELETE through
-- SQLite; anyone holding the file can still drop them and rewrite it: the hash chain then
-- shows the edit, unless the whole chain after it is recomputed.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  proposal_id TEXT,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  row_hash TEXT NOT NULL
);
CREATE INDEX audit_proposal ON audit (proposal_id);
CREATE TABLE audit_head (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'store.append_only: the audit trail is append-only');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE(ABORT, 'store.append_only: the audit trail is append-only');
END;

-- Drafts of the PostgreSQL store kept locally (outbox.py): which are on the server yet.
CREATE TABLE outbox (
  proposal_id TEXT PRIMARY KEY REFERENCES proposals(id),
  state TEXT NOT NULL CHECK (state IN ('local', 'submit_pending', 'synced')),
  server_version INTEGER,
  last_error TEXT,
  updated_at TEXT NOT NULL
);

INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
  ('proposals', 'attributes', 'proposals', 'GeoGov change proposals'),
  ('proposal_changes', 'attributes', 'proposal_changes', 'GeoGov proposed changes, one row per feature'),
  ('reviews', 'attributes', 'reviews', 'GeoGov review decisions'),
  ('comments', 'attributes', 'comments', 'GeoGov proposal discussion threads'),
  ('apply_attempts', 'attributes', 'apply_attempts', 'GeoGov apply attempts'),
  ('audit', 'attributes', 'audit', 'GeoGov audit trail (append-only, hash-chained)');
