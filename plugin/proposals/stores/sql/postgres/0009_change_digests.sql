-- A draft saved again with the same change set (its title or comment changed) keeps its
-- change rows instead of writing every one of them again (issue 16). The client compares
-- the digest of the change set it is saving (proposal_rows.changes_digest) with the one it
-- claimed when it last wrote the rows, and writes them only when they differ. The database
-- makes that claim worth relying on for the one who relies on it:
--
-- - every INSERT or DELETE of change rows (by anyone, through GeoGov or plain SQL) replaces
--   the proposal's entry with (the login that wrote them, this transaction, no digest);
-- - geogov.claim_changes(proposal, digest) sets the digest only for that login, in that
--   transaction, after its last write of the rows;
-- - geogov.changes_digest(proposal) gives each login its own claim, nobody else's.
--
-- A login that claims a false digest for its own rows misleads itself alone. Nothing here
-- decides a right or skips a check: every change row was judged by the guards when it was
-- written, as before, and no row is written without them.
SET LOCAL ROLE geogov_owner;

CREATE TABLE geogov.change_digests (
  proposal_id uuid PRIMARY KEY REFERENCES geogov.proposals (id),
  login text NOT NULL,
  xact xid8 NOT NULL,
  digest text
);
ALTER TABLE geogov.change_digests ENABLE ROW LEVEL SECURITY;
ALTER TABLE geogov.change_digests FORCE ROW LEVEL SECURITY;
CREATE POLICY change_digests_owner ON geogov.change_digests FOR ALL TO geogov_owner
  USING (true) WITH CHECK (true);

-- One call per statement (not per row): who wrote the rows of each proposal it touched.
CREATE FUNCTION geogov.changes_written() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM geogov.audit_trigger_on('proposal_changes', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  INSERT INTO geogov.change_digests (proposal_id, login, xact, digest)
  SELECT DISTINCT w.proposal_id, session_user, pg_current_xact_id(), NULL::text FROM written w
  ON CONFLICT (proposal_id) DO UPDATE
    SET login = EXCLUDED.login, xact = EXCLUDED.xact, digest = NULL;
  RETURN NULL;
END
$$;
CREATE TRIGGER proposal_changes_30_written_insert AFTER INSERT ON geogov.proposal_changes
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION geogov.changes_written();
CREATE TRIGGER proposal_changes_30_written_delete AFTER DELETE ON geogov.proposal_changes
  REFERENCING OLD TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION geogov.changes_written();

-- TRUNCATE (the owner only): no entry describes rows any more.
CREATE FUNCTION geogov.changes_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM geogov.audit_trigger_on('proposal_changes', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  DELETE FROM geogov.change_digests;
  RETURN NULL;
END
$$;
CREATE TRIGGER proposal_changes_30_truncated AFTER TRUNCATE ON geogov.proposal_changes
  FOR EACH STATEMENT EXECUTE FUNCTION geogov.changes_truncated();

-- True when the digest is recorded: the caller wrote the proposal's rows in this very
-- transaction and has not written them since.
CREATE FUNCTION geogov.claim_changes(p_proposal uuid, p_digest text) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  WITH claimed AS (
    UPDATE geogov.change_digests SET digest = p_digest
    WHERE proposal_id = p_proposal AND login = session_user AND xact = pg_current_xact_id_if_assigned()
    RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM claimed)
$$;

-- The caller's own claim on the proposal's current rows (NULL: none, or another wrote them).
CREATE FUNCTION geogov.changes_digest(p_proposal uuid) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT digest FROM geogov.change_digests WHERE proposal_id = p_proposal AND login = session_user
$$;

REVOKE ALL ON FUNCTION geogov.changes_written(), geogov.changes_truncated(),
  geogov.claim_changes(uuid, text), geogov.changes_digest(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION geogov.claim_changes(uuid, text), geogov.changes_digest(uuid) TO geogov_contributor;
