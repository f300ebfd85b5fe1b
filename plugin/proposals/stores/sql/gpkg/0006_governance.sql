-- The GeoPackage store's part of issue 14 (advisory: gpkg_store.py applies it in code): the
-- dataset's target from the convention, and who wrote each round's change set.
ALTER TABLE datasets ADD COLUMN target_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN target_uri TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN target_layer TEXT NOT NULL DEFAULT '';
ALTER TABLE datasets ADD COLUMN target_srid INTEGER NOT NULL DEFAULT 0;
CREATE TABLE round_writers (
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  round INTEGER NOT NULL,
  login TEXT NOT NULL,
  PRIMARY KEY (proposal_id, round, login)
);
