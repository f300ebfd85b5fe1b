-- A 100 000-change proposal (issue 19, tests/bench/bench_big_proposal.py): its change rows
-- cost ~170-230 µs each in the database, half of it in three row-level triggers that ask
-- the same questions for every row of one statement — is the proposal there and may I
-- write it (changes_guard), are the rows in the dataset's SRID (changes_srid), note me as
-- a writer of the round (changes_writer). They now run once per statement, over its rows
-- (transition tables), once per proposal the statement touched:
--
-- - INSERT and DELETE: the same checks, the same refusals (codes, messages, order: the
--   SRID before the right to write, as trigger 05 before 10), the same FOR SHARE lock on
--   the proposal row, taken after the rows instead of before the first one. A refusal
--   still aborts the whole statement, so no row of it is ever kept. A submit that commits
--   while a statement is writing is seen by its check (READ COMMITTED re-reads the locked
--   row; REPEATABLE READ fails with 40001), so rows never land in a submitted proposal.
-- - A proposal the caller cannot see: the row-level security policy of the INSERT
--   refuses the row itself (GG404 store.not_found, as the guard said before, instead of
--   the bare 42501 of a policy), before any row is written.
-- - UPDATE (never allowed) keeps its row-level guard.
--
-- Nothing is checked less, or by anyone else: the functions are the trigger functions'
-- own logic, set-based; the per-row functions stay (unused) so their names keep meaning
-- what they meant. Measured: tests/bench/bench_big_proposal.py's docstring.
SET LOCAL ROLE geogov_owner;

-- ---------------------------------------------------------------------------- the policy
-- A row for a proposal one cannot see is refused with the store's own code (the guard's
-- GG404 used to come first, from a BEFORE ROW trigger).
CREATE FUNCTION geogov.refuse_unseen_proposal() RETURNS boolean
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM geogov.refuse('GG404', 'store.not_found', 'no such proposal');
  RETURN false;
END
$$;
REVOKE ALL ON FUNCTION geogov.refuse_unseen_proposal() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION geogov.refuse_unseen_proposal() TO geogov_contributor;

DROP POLICY proposal_changes_add ON geogov.proposal_changes;
CREATE POLICY proposal_changes_add ON geogov.proposal_changes FOR INSERT TO geogov_contributor
  WITH CHECK (EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id)
              OR geogov.refuse_unseen_proposal());

-- ---------------------------------------------------------------------------- the guard
-- changes_srid and changes_guard (0007) for every proposal the statement's rows belong to.
CREATE FUNCTION geogov.changes_checked() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_id uuid;
  v_srid integer;
  p record;
BEGIN
  FOR v_id IN SELECT DISTINCT w.proposal_id FROM written w LOOP
    IF TG_OP = 'INSERT' THEN
      SELECT d.target_srid INTO v_srid FROM geogov.proposals pr JOIN geogov.datasets d ON d.id = pr.dataset
      WHERE pr.id = v_id;
      IF coalesce(v_srid, 0) <> 0 AND EXISTS (
          SELECT 1 FROM written w WHERE w.proposal_id = v_id
            AND (w.srid <> v_srid OR (w.old_geom IS NOT NULL AND ST_SRID(w.old_geom) <> v_srid)
                 OR (w.new_geom IS NOT NULL AND ST_SRID(w.new_geom) <> v_srid))) THEN
        PERFORM geogov.refuse('GG422', 'store.wrong_srid',
                              format('the changes must be in EPSG:%s, the dataset''s CRS', v_srid),
                              jsonb_build_object('srid', v_srid));
      END IF;
    END IF;
    SELECT status, author, dataset, stewards INTO p FROM geogov.proposals WHERE id = v_id FOR SHARE;
    IF NOT FOUND THEN
      PERFORM geogov.refuse('GG404', 'store.not_found', 'no such proposal');
    END IF;
    IF p.status IN ('draft', 'changes_requested') THEN
      IF p.author <> current_user THEN
        PERFORM geogov.refuse('GG403', 'store.not_author', 'only the proposal''s author may edit it');
      END IF;
    ELSIF p.status = 'conflict' THEN
      IF p.author <> current_user AND NOT geogov.may_apply(p.dataset, p.stewards) THEN
        PERFORM geogov.refuse('GG403', 'store.not_applier',
                              'only the author, a steward of the dataset or a coordinator may rebase');
      END IF;
    ELSE
      PERFORM geogov.refuse('GG422', 'store.not_editable', format('a %s proposal cannot be edited', p.status),
                            jsonb_build_object('status', p.status));
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

-- changes_writer (0008): the writer of the round, once per proposal written.
CREATE FUNCTION geogov.changes_writers() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_id uuid;
BEGIN
  PERFORM geogov.audit_trigger_on('proposal_changes', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  FOR v_id IN SELECT DISTINCT w.proposal_id FROM written w LOOP
    PERFORM geogov.note_writer(v_id);
  END LOOP;
  RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION geogov.changes_checked(), geogov.changes_writers() FROM PUBLIC;

DROP TRIGGER proposal_changes_05_srid ON geogov.proposal_changes;
DROP TRIGGER proposal_changes_10_guard ON geogov.proposal_changes;
DROP TRIGGER proposal_changes_20_writer ON geogov.proposal_changes;
CREATE TRIGGER proposal_changes_10_guard BEFORE UPDATE ON geogov.proposal_changes
  FOR EACH ROW EXECUTE FUNCTION geogov.changes_guard();
CREATE TRIGGER proposal_changes_10_checked_insert AFTER INSERT ON geogov.proposal_changes
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION geogov.changes_checked();
CREATE TRIGGER proposal_changes_10_checked_delete AFTER DELETE ON geogov.proposal_changes
  REFERENCING OLD TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION geogov.changes_checked();
CREATE TRIGGER proposal_changes_20_writers_insert AFTER INSERT ON geogov.proposal_changes
  REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION geogov.changes_writers();
CREATE TRIGGER proposal_changes_20_writers_delete AFTER DELETE ON geogov.proposal_changes
  REFERENCING OLD TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION geogov.changes_writers();
