-- The proposal store's tables (same logical schema as sql/gpkg/0002_proposals.sql).
SET LOCAL ROLE geogov_owner;

-- The convention, written by sync_convention() (postgres_admin.py). Readable by every
-- member: who stewards what is no secret inside the partnership, and the rules need it.
CREATE TABLE geogov.partners (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL DEFAULT '',
  departements text[] NOT NULL DEFAULT '{}',
  communes text[] NOT NULL DEFAULT '{}',
  everywhere boolean NOT NULL DEFAULT false
);
CREATE TABLE geogov.members (
  login text PRIMARY KEY,
  partner text NOT NULL REFERENCES geogov.partners (id),
  name text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  roles text[] NOT NULL DEFAULT '{}'
);
CREATE TABLE geogov.datasets (
  id text PRIMARY KEY,
  title text NOT NULL DEFAULT '',
  approval text[] NOT NULL DEFAULT '{steward}',
  personal_data boolean NOT NULL DEFAULT false,
  proposers text[] NOT NULL DEFAULT '{*}',
  proposers_own_territory boolean NOT NULL DEFAULT false,
  key_field text NOT NULL DEFAULT ''
);
CREATE TABLE geogov.stewardships (
  id serial PRIMARY KEY,
  dataset text NOT NULL REFERENCES geogov.datasets (id) ON DELETE CASCADE,
  partner text NOT NULL REFERENCES geogov.partners (id) ON DELETE CASCADE,
  departements text[] NOT NULL DEFAULT '{}',   -- both empty: everywhere (default steward)
  communes text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX stewardships_dataset ON geogov.stewardships (dataset);

-- No foreign key to partners/datasets: a proposal outlives a partner leaving the convention.
CREATE TABLE geogov.proposals (
  id uuid PRIMARY KEY,                 -- made by the client, so an offline draft keeps it
  dataset text NOT NULL,
  target_kind text NOT NULL DEFAULT '',
  target_uri text NOT NULL DEFAULT '',
  target_layer text NOT NULL DEFAULT '',
  target_version text NOT NULL DEFAULT '',
  target_authcfg text NOT NULL DEFAULT '',
  author text NOT NULL DEFAULT current_user,
  partner text NOT NULL DEFAULT '',
  title text NOT NULL DEFAULT '',
  comment text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN
    ('draft', 'submitted', 'changes_requested', 'approved', 'rejected', 'applied', 'conflict', 'withdrawn')),
  changeset_meta jsonb NOT NULL DEFAULT '{}',
  validation jsonb NOT NULL DEFAULT '[]',
  departements text[] NOT NULL DEFAULT '{}',
  round integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  updated_by text NOT NULL DEFAULT current_user
);
CREATE INDEX proposals_dataset_status ON geogov.proposals (dataset, status);
CREATE INDEX proposals_partner ON geogov.proposals (partner);

-- One row per change; old/new geometries in the target's SRID (mixed SRIDs across
-- proposals, so the column has no typmod: filter on srid to show one as a layer).
CREATE TABLE geogov.proposal_changes (
  id bigserial PRIMARY KEY,
  proposal_id uuid NOT NULL REFERENCES geogov.proposals (id),
  seq integer NOT NULL,
  op text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  feature_key jsonb,
  old_attributes jsonb,
  new_attributes jsonb,
  changed_fields jsonb NOT NULL DEFAULT '[]',
  geometry_changed boolean NOT NULL DEFAULT false,
  base_fingerprint text,
  srid integer NOT NULL DEFAULT 0,
  old_geom geometry,
  new_geom geometry,
  UNIQUE (proposal_id, seq)
);

CREATE TABLE geogov.reviews (
  id bigserial PRIMARY KEY,
  proposal_id uuid NOT NULL REFERENCES geogov.proposals (id),
  round integer NOT NULL DEFAULT 0,
  reviewer text NOT NULL DEFAULT current_user,
  role text CHECK (role IN ('steward', 'dpo', 'coordinator')),
  decision text NOT NULL CHECK (decision IN ('approve', 'reject', 'request_changes')),
  comment text NOT NULL DEFAULT '',
  proposal_version integer,            -- the version the reviewer saw (optimistic lock)
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reviews_proposal ON geogov.reviews (proposal_id);

CREATE TABLE geogov.comments (
  id bigserial PRIMARY KEY,
  proposal_id uuid NOT NULL REFERENCES geogov.proposals (id),
  author text NOT NULL DEFAULT current_user,
  body text NOT NULL CHECK (btrim(body) <> ''),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_proposal ON geogov.comments (proposal_id);

CREATE TABLE geogov.apply_attempts (
  id bigserial PRIMARY KEY,
  proposal_id uuid NOT NULL REFERENCES geogov.proposals (id),
  actor text NOT NULL DEFAULT current_user,
  result text NOT NULL CHECK (result IN ('applied', 'failed', 'conflict', 'unknown', 'undone')),
  details jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now()
);

-- Append-only, hash-chained (plugin/proposals/audit.py). Ids come from audit_head, not a
-- sequence, so they have no gaps and a deleted row shows.
CREATE TABLE geogov.audit (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  proposal_id uuid,
  details jsonb NOT NULL,
  prev_hash text NOT NULL,
  row_hash text NOT NULL
);
CREATE INDEX audit_proposal ON geogov.audit (proposal_id);
CREATE TABLE geogov.audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO geogov.audit_head VALUES (true, 0, repeat('0', 64));
