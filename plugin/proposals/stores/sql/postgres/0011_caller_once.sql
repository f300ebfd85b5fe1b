-- The caller's partner and roles read once per statement, not once per row.
--
-- Every rule that depends on who is asking (row visibility, the roles one may decide in,
-- whether a proposal awaits one's decision, the approval state) read geogov.my_partner()
-- and geogov.my_roles() itself, per row and again in every nested policy (a change row's,
-- a review's policy looks its proposal up under the proposal's policy), and
-- approval_state() looked the proposal's reviews up once more per row: a steward's queue
-- of 10 000 proposals made thousands of calls (tests/bench/bench_pg_scale.py).
--
-- Each rule is now a function of plain values (*_as / *_of: the caller's partner and roles,
-- the proposal's columns, the round's approvals as JSON), with no table read of its own.
-- The policies hand it the caller as uncorrelated scalar subqueries, which PostgreSQL
-- evaluates once per statement (InitPlan); the list queries (postgres_rows.py) hand it
-- the round's approvals read in the same statement. The former functions keep their names
-- and signatures (the triggers call them) and are now these rules applied to the caller.
-- What each rule decides is unchanged (rules.py holds the Python side; the parity is
-- tested by tests/integration/test_rules_parity.py).
SET LOCAL ROLE geogov_owner;

-- ---------------------------------------------------------------------------- visibility
-- One's partner's proposals; a coordinator all; a steward or DPO the submitted ones it
-- stewards (drafts stay private to their partner).
CREATE FUNCTION geogov.may_see_as(me_partner text, me_roles text[], p_partner text, p_author text,
                                  p_status text, p_stewards text[]) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT p_author = current_user
      OR coalesce(p_partner = me_partner, false)
      OR 'coordinator' = ANY (me_roles)
      OR (p_status <> 'draft'
          AND me_roles && ARRAY['steward', 'dpo']
          AND coalesce(me_partner = ANY (p_stewards), false))
$$;

CREATE OR REPLACE FUNCTION geogov.may_see(p_partner text, p_author text, p_dataset text, p_status text,
                                          p_stewards text[]) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT geogov.may_see_as(geogov.my_partner(), geogov.my_roles(), p_partner, p_author, p_status, p_stewards)
$$;

ALTER POLICY proposals_read ON geogov.proposals
  USING (geogov.may_see_as((SELECT geogov.my_partner()), (SELECT geogov.my_roles()),
                           partner, author, status, stewards));
ALTER POLICY proposals_change ON geogov.proposals
  USING (geogov.may_see_as((SELECT geogov.my_partner()), (SELECT geogov.my_roles()),
                           partner, author, status, stewards))
  WITH CHECK (geogov.may_see_as((SELECT geogov.my_partner()), (SELECT geogov.my_roles()),
                                partner, author, status, stewards));
ALTER POLICY audit_read ON geogov.audit
  USING ((SELECT 'coordinator' = ANY (geogov.my_roles()))
         OR (proposal_id IS NOT NULL AND EXISTS (SELECT 1 FROM geogov.proposals p WHERE p.id = proposal_id)));

-- ---------------------------------------------------------------------------- approvals
-- The round's approvals, as the rules below take them: [{role, partner, reviewer}].
-- (postgres_rows.GIVEN reads the same inside the list queries' statement.)
CREATE FUNCTION geogov.approvals_given(p_proposal uuid, p_round integer) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(jsonb_agg(jsonb_build_object('role', v.role, 'partner', v.partner, 'reviewer', v.reviewer)
                            ORDER BY v.id), '[]'::jsonb)
  FROM geogov.reviews v
  WHERE v.proposal_id = p_proposal AND v.round = p_round AND v.decision = 'approve'
$$;

-- {role: given} (rules.approval_state): the steward approval needs one from each steward
-- group (or a coordinator's; a proposal without groups — a draft — any steward's); a
-- coordinator's never stands in for the DPO's.
CREATE FUNCTION geogov.approval_state_of(p_required text[], p_groups jsonb, p_given jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH given AS (
    SELECT g.role, g.partner FROM jsonb_to_recordset(coalesce(p_given, '[]'::jsonb)) AS g(role text, partner text)
  )
  SELECT coalesce(jsonb_object_agg(r, CASE
           WHEN r = 'steward' THEN
             EXISTS (SELECT 1 FROM given WHERE role = 'coordinator')
             OR (CASE WHEN jsonb_array_length(coalesce(p_groups, '[]'::jsonb)) > 0
                      THEN NOT EXISTS (
                        SELECT 1 FROM jsonb_array_elements(p_groups) AS grp(partners)
                        WHERE NOT EXISTS (SELECT 1 FROM given g
                                          WHERE g.role = 'steward' AND grp.partners ? g.partner))
                      ELSE EXISTS (SELECT 1 FROM given WHERE role = 'steward') END)
           ELSE EXISTS (SELECT 1 FROM given WHERE role = r) END), '{}'::jsonb)
  FROM unnest(p_required) AS r
$$;

CREATE OR REPLACE FUNCTION geogov.approval_state(p_proposal uuid, p_round integer, p_dataset text)
RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT geogov.approval_state_of(
    geogov.required_approvals(p_dataset),
    (SELECT steward_groups FROM geogov.proposals WHERE id = p_proposal),
    geogov.approvals_given(p_proposal, p_round))
$$;

-- Whether a steward of partner me_partner still has an approval to give: a group holding
-- it lacks one this round (rules.steward_pending_for).
CREATE FUNCTION geogov.steward_pending_of(me_partner text, p_groups jsonb, p_given jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM jsonb_array_elements(coalesce(p_groups, '[]'::jsonb)) AS grp(partners)
    WHERE grp.partners ? me_partner
      AND NOT EXISTS (SELECT 1 FROM jsonb_to_recordset(coalesce(p_given, '[]'::jsonb)) AS g(role text, partner text)
                      WHERE g.role = 'steward' AND grp.partners ? g.partner))
$$;

CREATE OR REPLACE FUNCTION geogov.my_steward_pending(p_proposal uuid, p_round integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT geogov.steward_pending_of(
    geogov.my_partner(),
    (SELECT steward_groups FROM geogov.proposals WHERE id = p_proposal),
    geogov.approvals_given(p_proposal, p_round))
$$;

-- ---------------------------------------------------------------------------- deciders
-- The roles in which a login of me_partner holding me_roles may decide a proposal routed
-- to p_stewards that needs p_required (rules.reviewer_roles).
CREATE FUNCTION geogov.reviewer_roles_as(me_partner text, me_roles text[], p_required text[],
                                         p_stewards text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT array_remove(ARRAY[
    CASE WHEN 'steward' = ANY (me_roles) AND coalesce(me_partner = ANY (p_stewards), false)
         THEN 'steward' END,
    CASE WHEN 'dpo' = ANY (me_roles) AND coalesce(me_partner = ANY (p_stewards), false)
              AND 'dpo' = ANY (p_required) THEN 'dpo' END,
    CASE WHEN 'coordinator' = ANY (me_roles) THEN 'coordinator' END], NULL)
$$;

CREATE OR REPLACE FUNCTION geogov.reviewer_roles(p_dataset text, p_stewards text[]) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT geogov.reviewer_roles_as(geogov.my_partner(), geogov.my_roles(),
                                  geogov.required_approvals(p_dataset), p_stewards)
$$;

-- Whether login me_login (of me_partner, holding me_roles) may take a decision the
-- proposal still needs (rules.awaits_decision): submitted, not its author nor the round's
-- rebaser, no approval of its own this round (one key per person), and a role of its
-- whose approval is still missing (a steward: one of its own steward groups lacks one).
CREATE FUNCTION geogov.awaits_decision_as(me_login text, me_partner text, me_roles text[],
                                          p_status text, p_author text, p_rebased_by text,
                                          p_required text[], p_stewards text[], p_groups jsonb,
                                          p_given jsonb) RETURNS boolean
-- PL/pgSQL: it returns at the first test that settles it (most rows of a queue are not
-- the login's to decide); as one SQL query it cost 4.5x more (700 rows: 60-75 -> 13-17 ms).
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_roles text[];
  v_state jsonb;
  v_role text;
BEGIN
  IF p_status IS DISTINCT FROM 'submitted' OR p_author = me_login OR p_rebased_by = me_login THEN
    RETURN false;
  END IF;
  IF coalesce(p_given, '[]'::jsonb) @> jsonb_build_array(jsonb_build_object('reviewer', me_login)) THEN
    RETURN false;                                   -- one key per person: approved already
  END IF;
  v_roles := geogov.reviewer_roles_as(me_partner, me_roles, p_required, p_stewards);
  IF cardinality(v_roles) = 0 THEN
    RETURN false;
  END IF;
  v_state := geogov.approval_state_of(p_required, p_groups, p_given);
  FOREACH v_role IN ARRAY v_roles LOOP
    IF (v_role = 'steward' AND v_state ->> 'steward' = 'false'
        AND geogov.steward_pending_of(me_partner, p_groups, p_given))
       OR (v_role = 'dpo' AND v_state ->> 'dpo' = 'false')
       OR (v_role = 'coordinator' AND (v_state ->> 'steward' = 'false' OR v_state ->> 'coordinator' = 'false')) THEN
      RETURN true;
    END IF;
  END LOOP;
  RETURN false;
END
$$;
-- The policies and list queries call these as the contributor; no one else may (a
-- schema's default privileges cannot take PUBLIC's EXECUTE away: said per function).
REVOKE ALL ON FUNCTION
  geogov.may_see_as(text, text[], text, text, text, text[]),
  geogov.approvals_given(uuid, integer),
  geogov.approval_state_of(text[], jsonb, jsonb),
  geogov.steward_pending_of(text, jsonb, jsonb),
  geogov.reviewer_roles_as(text, text[], text[], text[]),
  geogov.awaits_decision_as(text, text, text[], text, text, text, text[], text[], jsonb, jsonb)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  geogov.may_see_as(text, text[], text, text, text, text[]),
  geogov.approvals_given(uuid, integer),
  geogov.approval_state_of(text[], jsonb, jsonb),
  geogov.steward_pending_of(text, jsonb, jsonb),
  geogov.reviewer_roles_as(text, text[], text[], text[]),
  geogov.awaits_decision_as(text, text, text[], text, text, text, text[], text[], jsonb, jsonb)
  TO geogov_contributor;
