-- Roles, extension and schema. Run by an administrator (superuser, or a role that may
-- create roles and extensions), never by the plugin's users.
--
-- geogov_owner owns every object and cannot log in. The four group roles carry the
-- table privileges; sync_convention() grants them to login roles from the convention
-- (login -> partner, roles). Roles are cluster-wide: several GeoGov databases in one
-- cluster share them (their members tables still differ per database).
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['geogov_owner', 'geogov_contributor', 'geogov_steward', 'geogov_dpo',
                           'geogov_coordinator'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
  -- Stewards, DPOs and coordinators are contributors too (they may propose changes).
  FOREACH r IN ARRAY ARRAY['geogov_steward', 'geogov_dpo', 'geogov_coordinator'] LOOP
    IF NOT pg_catalog.pg_has_role(r, 'geogov_contributor', 'MEMBER') THEN
      EXECUTE format('GRANT geogov_contributor TO %I', r);
    END IF;
  END LOOP;
END
$$;

CREATE EXTENSION IF NOT EXISTS postgis;

DO $$
BEGIN
  EXECUTE format('GRANT CREATE ON DATABASE %I TO geogov_owner', current_database());
END
$$;

CREATE SCHEMA IF NOT EXISTS geogov AUTHORIZATION geogov_owner;
REVOKE ALL ON SCHEMA geogov FROM PUBLIC;
GRANT USAGE ON SCHEMA geogov TO geogov_contributor;

SET LOCAL ROLE geogov_owner;
CREATE TABLE IF NOT EXISTS geogov.schema_version (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
