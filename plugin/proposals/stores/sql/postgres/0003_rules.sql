-- The workflow rules as functions (mirrored in Python by plugin/proposals/rules.py for
-- the GeoPackage store; the shared behaviour tests check both agree).
--
-- These helpers are SECURITY INVOKER: current_user is the login acting, and they only
-- read the convention tables (granted to every member) and rows the login may see.
-- Every function pins search_path so a user's own schema cannot shadow what it calls.
SET LOCAL ROLE geogov_owner;

-- Refusals carry a custom SQLSTATE (GG403 permission, GG404 not found, GG409 concurrent
-- update, GG422 invalid request), in DETAIL the stable code the UI translates, and in
-- HINT a JSON object of the values its sentence names (status, version, by…).
CREATE FUNCTION geogov.refuse(p_sqlstate text, p_code text, p_message text,
                              p_params jsonb DEFAULT '{}') RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = p_sqlstate, MESSAGE = p_message, DETAIL = p_code,
                        HINT = p_params::text;
END
$$;

-- model.TRANSITIONS
CREATE FUNCTION geogov.legal_transition(p_old text, p_new text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT (p_old, p_new) IN (
    ('draft', 'submitted'), ('draft', 'withdrawn'),
    ('submitted', 'changes_requested'), ('submitted', 'approved'), ('submitted', 'rejected'),
    ('submitted', 'withdrawn'),
    ('changes_requested', 'submitted'), ('changes_requested', 'withdrawn'),
    ('approved', 'applied'), ('approved', 'conflict'),
    ('conflict', 'submitted'))
$$;

CREATE FUNCTION geogov.my_partner() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT partner FROM geogov.members WHERE login = current_user
$$;

-- The convention's roles of the login; steward/dpo/coordinator count only while the login
-- also holds the matching group role (a DBA revoking it takes the right away at once).
CREATE FUNCTION geogov.my_roles() RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(r ORDER BY r), '{}')
  FROM geogov.members m, unnest(m.roles) AS r
  WHERE m.login = current_user
    AND (r NOT IN ('steward', 'dpo', 'coordinator')
         OR pg_has_role(current_user, 'geogov_' || r, 'MEMBER'))
$$;

-- Convention.stewards_for: assignments whose territory holds every touched département
-- win; otherwise the assignments covering everywhere.
CREATE FUNCTION geogov.steward_partners(p_dataset text, p_departements text[]) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH s AS (
    SELECT id, partner, departements, communes FROM geogov.stewardships WHERE dataset = p_dataset
  ), local AS (
    SELECT partner, min(id) AS first FROM s
    WHERE (cardinality(departements) > 0 OR cardinality(communes) > 0)
      AND cardinality(p_departements) > 0 AND p_departements <@ departements
    GROUP BY partner
  ), everywhere AS (
    SELECT partner, min(id) AS first FROM s
    WHERE cardinality(departements) = 0 AND cardinality(communes) = 0
    GROUP BY partner
  )
  SELECT CASE WHEN EXISTS (SELECT 1 FROM local)
              THEN (SELECT array_agg(partner ORDER BY first) FROM local)
              ELSE coalesce((SELECT array_agg(partner ORDER BY first) FROM everywhere), '{}') END
$$;

-- The roles whose approval the dataset needs (DPO added for personal data).
CREATE FUNCTION geogov.required_approvals(p_dataset text) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH wanted AS (
    SELECT coalesce(
      (SELECT CASE WHEN cardinality(approval) = 0 THEN ARRAY['steward'] ELSE approval END
              || CASE WHEN personal_data THEN ARRAY['dpo'] ELSE '{}'::text[] END
       FROM geogov.datasets WHERE id = p_dataset),
      ARRAY['steward']) AS roles
  )
  SELECT coalesce(array_agg(r ORDER BY n), '{}')
  FROM wanted, unnest(ARRAY['steward', 'dpo', 'coordinator']) WITH ORDINALITY AS o(r, n)
  WHERE r = ANY (wanted.roles)
$$;

-- {role: given} for a round; a coordinator's approval stands in for the steward's.
CREATE FUNCTION geogov.approval_state(p_proposal uuid, p_round integer, p_dataset text) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(jsonb_object_agg(r, EXISTS (
           SELECT 1 FROM geogov.reviews v
           WHERE v.proposal_id = p_proposal AND v.round = p_round AND v.decision = 'approve'
             AND (v.role = r OR (r = 'steward' AND v.role = 'coordinator')))), '{}'::jsonb)
  FROM unnest(geogov.required_approvals(p_dataset)) AS r
$$;

CREATE FUNCTION geogov.approvals_complete(p_state jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT NOT EXISTS (SELECT 1 FROM jsonb_each(p_state) WHERE value = 'false'::jsonb)
$$;

-- The roles in which the current login may decide a proposal on this dataset/place.
CREATE FUNCTION geogov.reviewer_roles(p_dataset text, p_departements text[]) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH me AS (
    SELECT geogov.my_roles() AS roles,
           coalesce(geogov.my_partner() = ANY (geogov.steward_partners(p_dataset, p_departements)),
                    false) AS stewards
  )
  SELECT array_remove(ARRAY[
    CASE WHEN 'steward' = ANY (roles) AND stewards THEN 'steward' END,
    CASE WHEN 'dpo' = ANY (roles) AND stewards AND 'dpo' = ANY (geogov.required_approvals(p_dataset))
         THEN 'dpo' END,
    CASE WHEN 'coordinator' = ANY (roles) THEN 'coordinator' END], NULL)
  FROM me
$$;

-- Who may record apply attempts, mark applied/conflict and rebase.
CREATE FUNCTION geogov.may_apply(p_dataset text, p_departements text[]) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT 'coordinator' = ANY (geogov.my_roles())
      OR ('steward' = ANY (geogov.my_roles())
          AND coalesce(geogov.my_partner() = ANY (geogov.steward_partners(p_dataset, p_departements)), false))
$$;

-- Row visibility (the SELECT policy): one's partner's proposals; a coordinator all; a
-- steward or DPO the submitted ones it stewards (drafts stay private to their partner).
CREATE FUNCTION geogov.may_see(p_partner text, p_author text, p_dataset text, p_status text,
                               p_departements text[]) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT p_author = current_user
      OR coalesce(p_partner = geogov.my_partner(), false)
      OR 'coordinator' = ANY (geogov.my_roles())
      OR (p_status <> 'draft'
          AND geogov.my_roles() && ARRAY['steward', 'dpo']
          AND coalesce(geogov.my_partner() = ANY (geogov.steward_partners(p_dataset, p_departements)), false))
$$;

-- The départements a partner's territory touches: its own and those of its communes
-- (INSEE: 97x overseas codes have 3 characters). Mirrors rules.reach().
CREATE FUNCTION geogov.partner_reach(p_partner text) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(DISTINCT d), '{}')
  FROM geogov.partners p,
       LATERAL (SELECT unnest(p.departements)
                UNION
                SELECT CASE WHEN c LIKE '97%' THEN left(c, 3) ELSE left(c, 2) END
                FROM unnest(p.communes) AS c) AS r(d)
  WHERE p.id = p_partner
$$;

-- May this partner propose on this dataset, at these places? (Checked at département
-- level; commune-level containment is the validation step's, see rules.reach().)
CREATE FUNCTION geogov.check_proposer(p_partner text, p_dataset text, p_departements text[]) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  d geogov.datasets%ROWTYPE;
  p geogov.partners%ROWTYPE;
BEGIN
  SELECT * INTO p FROM geogov.partners WHERE id = p_partner;
  IF NOT FOUND THEN
    PERFORM geogov.refuse('GG403', 'store.unknown_member', 'this login is not a member of the convention');
  END IF;
  SELECT * INTO d FROM geogov.datasets WHERE id = p_dataset;
  IF NOT FOUND OR NOT ('*' = ANY (d.proposers) OR p_partner = ANY (d.proposers)) THEN
    PERFORM geogov.refuse('GG403', 'store.not_proposer',
                          format('partner %s may not propose changes to dataset %s', p_partner, p_dataset),
                          jsonb_build_object('partner', p_partner, 'dataset', p_dataset));
  END IF;
  IF d.proposers_own_territory AND NOT p.everywhere
     AND (cardinality(p_departements) = 0 OR NOT p_departements <@ geogov.partner_reach(p_partner)) THEN
    PERFORM geogov.refuse('GG403', 'store.outside_territory',
                          format('the changes (départements %s) lie outside the territory of %s',
                                 p_departements, p_partner),
                          jsonb_build_object('partner', p_partner,
                                             'departements', array_to_string(p_departements, ', ')));
  END IF;
END
$$;
