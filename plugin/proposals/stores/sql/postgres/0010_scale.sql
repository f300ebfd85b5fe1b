-- A region's year (10 000 proposals, 1 000 000 audit rows: tests/bench/bench_pg_scale.py):
-- the audit chain verified by one set-based statement instead of a row-by-row loop, an
-- incremental check from the last verified head, and the lists' per-row rules made cheap.
SET LOCAL ROLE geogov_owner;

-- ---------------------------------------------------------------------------- canonical rows
-- The same text as before, now inlinable (a SQL function with a SET clause is never inlined:
-- a call per row cost most of a verification). Without the pinned search_path, every name is
-- schema-qualified so that no one's search_path can change what it means (AT TIME ZONE is
-- pg_catalog.timezone whatever the path).
CREATE OR REPLACE FUNCTION geogov.audit_canonical(p_id bigint, p_at timestamptz, p_actor text, p_action text,
                                                  p_proposal uuid, p_details jsonb) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CAST(pg_catalog.jsonb_build_object(
    'id', p_id,
    'at', pg_catalog.to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'actor', p_actor, 'action', p_action, 'proposal', p_proposal, 'details', p_details) AS pg_catalog.text)
$$;

-- ---------------------------------------------------------------------------- verification
-- The chain after row p_after (whose row_hash is p_after_hash; 0 and 64 zeros: the whole
-- chain) up to the head, in one statement (one snapshot: rows appended meanwhile are
-- neither half seen nor taken for a cut-off end). The first bad row is the first whose id
-- does not follow the previous one ("gap"), whose prev_hash is not the previous row_hash
-- ("link"), or whose row_hash is not the hash of its content ("content"); a chain whose
-- last row is not the head's is "head". What it reports is what the loop of 0004 reported.
CREATE FUNCTION geogov.audit_check(p_after bigint, p_after_hash text)
RETURNS TABLE (ok boolean, checked bigint, head_id bigint, head_hash text, first_bad_id bigint, reason text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH chain AS (
    SELECT a.id, a.prev_hash, a.row_hash,
           lag(a.id, 1, p_after) OVER w AS before_id,
           lag(a.row_hash, 1, p_after_hash) OVER w AS before_hash,
           encode(sha256(convert_to(a.prev_hash || geogov.audit_canonical(
             a.id, a.at, a.actor, a.action, a.proposal_id, a.details), 'UTF8')), 'hex') AS recomputed
    FROM geogov.audit a WHERE a.id > p_after
    WINDOW w AS (ORDER BY a.id)
  ), bad AS (
    SELECT id, before_id, before_hash,
           CASE WHEN id <> before_id + 1 THEN 'gap' WHEN prev_hash <> before_hash THEN 'link'
                ELSE 'content' END AS reason
    FROM chain
    WHERE id <> before_id + 1 OR prev_hash <> before_hash OR recomputed <> row_hash
    ORDER BY id LIMIT 1
  ), last AS (
    SELECT coalesce((SELECT max(id) FROM geogov.audit WHERE id > p_after), p_after) AS id
  ), tip AS (
    SELECT last.id, coalesce((SELECT row_hash FROM geogov.audit a WHERE a.id = last.id AND a.id > p_after),
                             p_after_hash) AS hash
    FROM last
  )
  SELECT false, b.before_id - p_after, b.before_id, b.before_hash, b.id, b.reason FROM bad b
  UNION ALL
  SELECT h.last_id = t.id AND h.last_hash = t.hash, t.id - p_after, t.id, t.hash,
         CASE WHEN h.last_id = t.id AND h.last_hash = t.hash THEN NULL ELSE t.id + 1 END,
         CASE WHEN h.last_id = t.id AND h.last_hash = t.hash THEN '' ELSE 'head' END
  FROM tip t, geogov.audit_head h
  WHERE h.singleton AND NOT EXISTS (SELECT 1 FROM bad)
$$;
REVOKE ALL ON FUNCTION geogov.audit_check(bigint, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION geogov.verify_audit()
RETURNS TABLE (ok boolean, checked bigint, head_id bigint, head_hash text, first_bad_id bigint, reason text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT * FROM geogov.audit_check(0, repeat('0', 64))
$$;

-- Verified heads: written only by geogov.verify_audit_incremental() below, after it has
-- verified the chain up to them (no login may write here: a head a client could record
-- would let it declare a tampered chain verified). Readable by the coordinators.
CREATE TABLE geogov.audit_checkpoints (
  id bigserial PRIMARY KEY,
  last_id bigint NOT NULL,
  last_hash text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  verified_by text NOT NULL DEFAULT session_user
);
ALTER TABLE geogov.audit_checkpoints ENABLE ROW LEVEL SECURITY;
ALTER TABLE geogov.audit_checkpoints FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_checkpoints_owner_read ON geogov.audit_checkpoints FOR SELECT TO geogov_owner USING (true);
CREATE POLICY audit_checkpoints_owner_add ON geogov.audit_checkpoints FOR INSERT TO geogov_owner
  WITH CHECK (true);
CREATE POLICY audit_checkpoints_read ON geogov.audit_checkpoints FOR SELECT TO geogov_coordinator
  USING (true);
GRANT SELECT ON geogov.audit_checkpoints TO geogov_coordinator;
REVOKE UPDATE, DELETE, TRUNCATE ON geogov.audit_checkpoints FROM geogov_owner;

-- The rows after the last verified head, then that head moved to the new end. It costs
-- the new rows only, and still sees any change to them (they are checked in full, and
-- must chain onto the verified head), and a change to the head's own row (its hash must
-- be the one verified: "content", or "gap" when it is gone). Rows before the head are
-- not read again: a superuser who rewrites them *and* every row after (the chain proves
-- nothing against that, see audit.py) is seen by the full geogov.verify_audit() only
-- against a head hash kept elsewhere. from_id: the head the check started from (0: none
-- yet, the whole chain was verified).
CREATE FUNCTION geogov.verify_audit_incremental()
RETURNS TABLE (ok boolean, checked bigint, head_id bigint, head_hash text, first_bad_id bigint, reason text,
               from_id bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_from bigint := 0;
  v_hash text := repeat('0', 64);
  v_row text;
  r record;
BEGIN
  SELECT c.last_id, c.last_hash INTO v_from, v_hash FROM geogov.audit_checkpoints c
  ORDER BY c.last_id DESC, c.id DESC LIMIT 1;
  IF NOT FOUND THEN
    v_from := 0;
    v_hash := repeat('0', 64);
  ELSE
    SELECT a.row_hash INTO v_row FROM geogov.audit a WHERE a.id = v_from;
    IF v_row IS DISTINCT FROM v_hash THEN
      RETURN QUERY SELECT false, 0::bigint, v_from, v_hash, v_from,
                          CASE WHEN v_row IS NULL THEN 'gap' ELSE 'content' END, v_from;
      RETURN;
    END IF;
  END IF;
  SELECT * INTO r FROM geogov.audit_check(v_from, v_hash);
  IF r.ok AND r.head_id > v_from THEN
    INSERT INTO geogov.audit_checkpoints (last_id, last_hash) VALUES (r.head_id, r.head_hash);
  END IF;
  RETURN QUERY SELECT r.ok, r.checked, r.head_id, r.head_hash, r.first_bad_id, r.reason, v_from;
END
$$;
REVOKE ALL ON FUNCTION geogov.verify_audit_incremental() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION geogov.verify_audit_incremental() TO geogov_contributor;

-- ---------------------------------------------------------------------------- lists
-- « Mes propositions » (author = current_user) and the review queue (status = 'submitted')
-- read their rows by index: the policy's rule then runs on those rows only, not on every
-- proposal of the year. The change log reads each entry's apply attempts by proposal.
CREATE INDEX proposals_author ON geogov.proposals (author);
CREATE INDEX proposals_status ON geogov.proposals (status);
CREATE INDEX apply_attempts_proposal ON geogov.apply_attempts (proposal_id);
