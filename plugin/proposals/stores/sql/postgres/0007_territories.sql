-- Territories at commune precision, judged by the database from the change rows' own
-- geometries (plugin/territories/places.py is the same rule in Python, parity-tested by
-- tests/integration/test_territory_parity.py):
--
-- * geogov.communes holds the convention's territory reference (one polygon per commune,
--   in the reference's SRID), written by sync_convention();
-- * a partner's territory is its communes plus an extra geometry; ``area`` is their union
--   grown by the tolerance, computed at sync;
-- * at submit, the store derives from the change rows which communes the changes touch,
--   how many touch none (unplaced) and how many geometries lie outside the proposer's area;
--   it refuses a proposer bound to its territory whose changes leave it, and routes the
--   proposal to the stewards of the touched communes (geogov.steward_partners, mirror of
--   governance/stewardship.py). Whatever the client wrote in these columns is overwritten;
-- * each routed steward partner must approve (a coordinator stands in for them), and each
--   approval is given by a different login;
-- * a change row can only be written while its proposal row is share-locked: a transaction
--   still open at submit, or one whose snapshot predates the submit, cannot slip change rows
--   in or out afterwards.
SET LOCAL ROLE geogov_owner;

-- ---------------------------------------------------------------------------- reference
CREATE TABLE geogov.territory_reference (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  name text NOT NULL,
  srid integer NOT NULL,
  tolerance double precision NOT NULL DEFAULT 0,
  digest text NOT NULL
);
CREATE TABLE geogov.communes (
  code text PRIMARY KEY,
  name text NOT NULL,
  departement text NOT NULL,
  epci text NOT NULL DEFAULT '',
  ept text NOT NULL DEFAULT '',
  geom geometry NOT NULL
);
CREATE INDEX communes_geom ON geogov.communes USING gist (geom);
GRANT SELECT ON geogov.territory_reference, geogov.communes TO geogov_contributor;

ALTER TABLE geogov.partners ADD COLUMN extra_geom geometry;
ALTER TABLE geogov.partners ADD COLUMN area geometry;
ALTER TABLE geogov.stewardships ADD COLUMN everywhere boolean NOT NULL DEFAULT false;
UPDATE geogov.stewardships SET everywhere = cardinality(departements) = 0 AND cardinality(communes) = 0;

ALTER TABLE geogov.proposals ADD COLUMN communes text[] NOT NULL DEFAULT '{}';
ALTER TABLE geogov.proposals ADD COLUMN unplaced integer NOT NULL DEFAULT 0;
ALTER TABLE geogov.proposals ADD COLUMN outside integer NOT NULL DEFAULT 0;
ALTER TABLE geogov.proposals ADD COLUMN stewards text[] NOT NULL DEFAULT '{}';
ALTER TABLE geogov.proposals ADD COLUMN steward_groups jsonb NOT NULL DEFAULT '[]';
CREATE INDEX proposals_stewards ON geogov.proposals USING gin (stewards);
ALTER TABLE geogov.reviews ADD COLUMN partner text NOT NULL DEFAULT '';
-- The client no longer writes where its changes lie.
REVOKE UPDATE (departements) ON geogov.proposals FROM geogov_contributor;

-- ---------------------------------------------------------------------------- rules
-- governance/stewardship.py: one group of steward partners per kind of touched place —
-- the partners of the assignments holding a touched commune, else the everywhere
-- assignments (also for unplaced changes, and when no commune is touched at all). A group
-- lists its partners in convention order; groups are ordered by their first partner. Each
-- group must give one steward approval.
CREATE FUNCTION geogov.steward_groups(p_dataset text, p_communes text[], p_unplaced boolean)
RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH s AS (
    SELECT id, partner, communes, everywhere FROM geogov.stewardships WHERE dataset = p_dataset
  ), firsts AS (
    SELECT partner, min(id) AS first FROM s GROUP BY partner
  ), defaults AS (
    SELECT coalesce(array_agg(f.partner ORDER BY f.first), '{}') AS partners
    FROM firsts f WHERE EXISTS (SELECT 1 FROM s WHERE s.partner = f.partner AND s.everywhere)
  ), per_commune AS (
    SELECT c.code,
           (SELECT array_agg(f.partner ORDER BY f.first) FROM firsts f
            WHERE EXISTS (SELECT 1 FROM s WHERE s.partner = f.partner AND NOT s.everywhere
                                            AND c.code = ANY (s.communes))) AS holders
    FROM unnest(p_communes) AS c(code)
  ), groups AS (
    SELECT DISTINCT coalesce(holders, (SELECT partners FROM defaults)) AS partners FROM per_commune
    UNION
    SELECT partners FROM defaults WHERE p_unplaced OR cardinality(p_communes) = 0
  )
  SELECT coalesce(jsonb_agg(to_jsonb(g.partners) ORDER BY
           (SELECT coalesce(array_agg(f.first ORDER BY n), ARRAY[2147483647])
            FROM unnest(g.partners) WITH ORDINALITY AS u(partner, n) JOIN firsts f USING (partner))),
         '[]'::jsonb)
  FROM groups g
$$;

-- Every group's partners, in convention order.
CREATE FUNCTION geogov.steward_partners(p_dataset text, p_communes text[], p_unplaced boolean)
RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce(array_agg(partner ORDER BY first), '{}')
  FROM (SELECT partner, min(id) AS first FROM geogov.stewardships
        WHERE dataset = p_dataset
          AND to_jsonb(partner) <@ ANY (ARRAY(
            SELECT g FROM jsonb_array_elements(geogov.steward_groups(p_dataset, p_communes, p_unplaced)) AS g))
        GROUP BY partner) chosen
$$;

-- A change row's geometry in the reference's SRID; NULL when its SRID is unknown or its
-- coordinates cannot be transformed (a false SRID: such a change lies nowhere known).
CREATE FUNCTION geogov.to_reference(p_geom geometry) RETURNS geometry
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_srid integer;
BEGIN
  IF p_geom IS NULL OR ST_IsEmpty(p_geom) THEN
    RETURN NULL;
  END IF;
  SELECT srid INTO v_srid FROM geogov.territory_reference;
  IF v_srid IS NULL THEN
    RETURN NULL;
  END IF;
  IF ST_SRID(p_geom) = v_srid THEN
    RETURN ST_Force2D(p_geom);
  END IF;
  IF ST_SRID(p_geom) <= 0 OR NOT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = ST_SRID(p_geom)) THEN
    RETURN NULL;
  END IF;
  RETURN ST_Transform(ST_Force2D(p_geom), v_srid);
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END
$$;

-- territories/places.py: the geometries of a change are an insert's new one, a delete's
-- old one, an update's old one and, when it moved, its new one.
CREATE FUNCTION geogov.proposal_places(p_proposal uuid, p_partner text, p_check boolean,
                                       OUT communes text[], OUT unplaced integer, OUT outside integer)
LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  WITH raw AS (
    SELECT c.seq, x.geom
    FROM geogov.proposal_changes c,
         LATERAL (VALUES (CASE WHEN c.op IN ('update', 'delete') THEN c.old_geom END),
                         (CASE WHEN c.op = 'insert' OR (c.op = 'update' AND c.geometry_changed)
                               THEN c.new_geom END)) AS x(geom)
    WHERE c.proposal_id = p_proposal AND x.geom IS NOT NULL AND NOT ST_IsEmpty(x.geom)
  ), g AS (
    SELECT seq, geogov.to_reference(geom) AS geom FROM raw
  ), touched AS (
    SELECT DISTINCT g.seq, m.code FROM g JOIN geogov.communes m ON ST_Intersects(m.geom, g.geom)
  ), area AS (
    SELECT p.area FROM geogov.partners p WHERE p.id = p_partner
  )
  SELECT
    (SELECT coalesce(array_agg(DISTINCT code ORDER BY code), '{}') FROM touched),
    (SELECT count(*)::integer FROM geogov.proposal_changes c
     WHERE c.proposal_id = p_proposal AND NOT EXISTS (SELECT 1 FROM touched t WHERE t.seq = c.seq)),
    CASE WHEN NOT p_check THEN 0 ELSE
      (SELECT count(*)::integer FROM g, area
       WHERE g.geom IS NULL OR area.area IS NULL OR NOT ST_CoveredBy(g.geom, area.area))
      + (SELECT count(*)::integer FROM geogov.proposal_changes c
         WHERE c.proposal_id = p_proposal AND NOT EXISTS (SELECT 1 FROM raw WHERE raw.seq = c.seq))
    END
$$;

-- Member of the convention and proposer of the dataset (where: proposal_places at submit).
DROP FUNCTION geogov.check_proposer(text, text, text[]);
CREATE FUNCTION geogov.check_proposer(p_partner text, p_dataset text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  d geogov.datasets%ROWTYPE;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM geogov.partners WHERE id = p_partner) THEN
    PERFORM geogov.refuse('GG403', 'store.unknown_member', 'this login is not a member of the convention');
  END IF;
  SELECT * INTO d FROM geogov.datasets WHERE id = p_dataset;
  IF NOT FOUND OR NOT ('*' = ANY (d.proposers) OR p_partner = ANY (d.proposers)) THEN
    PERFORM geogov.refuse('GG403', 'store.not_proposer',
                          format('partner %s may not propose changes to dataset %s', p_partner, p_dataset),
                          jsonb_build_object('partner', p_partner, 'dataset', p_dataset));
  END IF;
END
$$;
DROP FUNCTION geogov.partner_reach(text);

-- The rights functions now take the proposal's stewards (derived by the store), not the
-- départements a client wrote: drop them (and the policies that use may_see) to recreate.
DROP POLICY proposals_read ON geogov.proposals;
DROP POLICY proposals_change ON geogov.proposals;
DROP FUNCTION geogov.reviewer_roles(text, text[]);
DROP FUNCTION geogov.may_apply(text, text[]);
DROP FUNCTION geogov.may_see(text, text, text, text, text[]);
DROP FUNCTION geogov.steward_partners(text, text[]);

-- The roles in which the current login may decide a proposal routed to these stewards.
CREATE FUNCTION geogov.reviewer_roles(p_dataset text, p_stewards text[]) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH me AS (
    SELECT geogov.my_roles() AS roles, coalesce(geogov.my_partner() = ANY (p_stewards), false) AS stewards
  )
  SELECT array_remove(ARRAY[
    CASE WHEN 'steward' = ANY (roles) AND stewards THEN 'steward' END,
    CASE WHEN 'dpo' = ANY (roles) AND stewards AND 'dpo' = ANY (geogov.required_approvals(p_dataset))
         THEN 'dpo' END,
    CASE WHEN 'coordinator' = ANY (roles) THEN 'coordinator' END], NULL)
  FROM me
$$;

CREATE FUNCTION geogov.may_apply(p_dataset text, p_stewards text[]) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT 'coordinator' = ANY (geogov.my_roles())
      OR ('steward' = ANY (geogov.my_roles()) AND coalesce(geogov.my_partner() = ANY (p_stewards), false))
$$;

CREATE FUNCTION geogov.may_see(p_partner text, p_author text, p_dataset text, p_status text,
                                          p_stewards text[]) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT p_author = current_user
      OR coalesce(p_partner = geogov.my_partner(), false)
      OR 'coordinator' = ANY (geogov.my_roles())
      OR (p_status <> 'draft'
          AND geogov.my_roles() && ARRAY['steward', 'dpo']
          AND coalesce(geogov.my_partner() = ANY (p_stewards), false))
$$;

-- {role: given}: the steward approval needs one from each steward group (or a
-- coordinator's; a proposal without groups — a draft — any steward's); a coordinator's
-- never stands in for the DPO's.
CREATE OR REPLACE FUNCTION geogov.approval_state(p_proposal uuid, p_round integer, p_dataset text)
RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  WITH given AS (
    SELECT role, partner FROM geogov.reviews
    WHERE proposal_id = p_proposal AND round = p_round AND decision = 'approve'
  ), routed AS (
    SELECT coalesce((SELECT steward_groups FROM geogov.proposals WHERE id = p_proposal), '[]') AS groups
  )
  SELECT coalesce(jsonb_object_agg(r, CASE
           WHEN r = 'steward' THEN
             EXISTS (SELECT 1 FROM given WHERE role = 'coordinator')
             OR (CASE WHEN jsonb_array_length((SELECT groups FROM routed)) > 0
                      THEN NOT EXISTS (
                        SELECT 1 FROM jsonb_array_elements((SELECT groups FROM routed)) AS grp(partners)
                        WHERE NOT EXISTS (SELECT 1 FROM given g
                                          WHERE g.role = 'steward' AND grp.partners ? g.partner))
                      ELSE EXISTS (SELECT 1 FROM given WHERE role = 'steward') END)
           ELSE EXISTS (SELECT 1 FROM given WHERE role = r) END), '{}'::jsonb)
  FROM unnest(geogov.required_approvals(p_dataset)) AS r
$$;

-- Whether a steward of the current login's partner still has an approval to give: a group
-- holding its partner lacks one this round.
CREATE FUNCTION geogov.my_steward_pending(p_proposal uuid, p_round integer) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1 FROM geogov.proposals p, jsonb_array_elements(p.steward_groups) AS grp(partners)
    WHERE p.id = p_proposal AND grp.partners ? geogov.my_partner()
      AND NOT EXISTS (SELECT 1 FROM geogov.reviews v
                      WHERE v.proposal_id = p_proposal AND v.round = p_round AND v.decision = 'approve'
                        AND v.role = 'steward' AND grp.partners ? v.partner))
$$;

-- ---------------------------------------------------------------------------- triggers
CREATE OR REPLACE FUNCTION geogov.proposals_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.author := current_user;
  NEW.partner := geogov.my_partner();
  IF NEW.partner IS NULL THEN
    PERFORM geogov.refuse('GG403', 'store.unknown_member',
                          format('%s is not a member of the convention', current_user),
                          jsonb_build_object('login', current_user));
  END IF;
  IF NEW.status IS DISTINCT FROM 'draft' THEN
    PERFORM geogov.refuse('GG422', 'store.transition',
                          format('a proposal starts as a draft, not %s', NEW.status),
                          jsonb_build_object('old', 'draft', 'new', NEW.status));
  END IF;
  PERFORM geogov.check_proposer(NEW.partner, NEW.dataset);
  NEW.version := 0;
  NEW.round := 0;
  NEW.created_at := now();
  NEW.updated_at := now();
  NEW.updated_by := current_user;
  NEW.submitted_at := NULL;
  -- Where the changes lie is the store's to say, at submit.
  NEW.departements := '{}';
  NEW.communes := '{}';
  NEW.unplaced := 0;
  NEW.outside := 0;
  NEW.stewards := '{}';
  NEW.steward_groups := '[]';
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION geogov.proposals_before_update() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_content boolean;
  v_state jsonb;
BEGIN
  IF (NEW.id, NEW.author, NEW.partner, NEW.dataset, NEW.created_at)
     IS DISTINCT FROM (OLD.id, OLD.author, OLD.partner, OLD.dataset, OLD.created_at) THEN
    PERFORM geogov.refuse('GG422', 'store.immutable',
                          'the id, author, partner, dataset and creation time of a proposal cannot change');
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT geogov.legal_transition(OLD.status, NEW.status) THEN
    PERFORM geogov.refuse('GG422', 'store.transition',
                          format('illegal status transition %s -> %s', OLD.status, NEW.status),
                          jsonb_build_object('old', OLD.status, 'new', NEW.status));
  END IF;
  IF OLD.status IN ('rejected', 'applied', 'withdrawn') THEN
    PERFORM geogov.refuse('GG422', 'store.not_editable', format('a %s proposal is closed', OLD.status),
                          jsonb_build_object('status', OLD.status));
  END IF;
  -- Bookkeeping columns belong to the triggers, whatever the statement wrote; the places
  -- and stewards change only at submit (proposals_25_places) or when the owner reroutes
  -- after a convention change (geogov.reroute_proposals).
  NEW.version := OLD.version + 1;
  NEW.round := OLD.round;
  NEW.submitted_at := OLD.submitted_at;
  NEW.updated_at := now();
  NEW.updated_by := current_user;
  NEW.departements := OLD.departements;
  NEW.communes := OLD.communes;
  NEW.unplaced := OLD.unplaced;
  NEW.outside := OLD.outside;
  IF current_user <> 'geogov_owner' THEN
    NEW.stewards := OLD.stewards;
    NEW.steward_groups := OLD.steward_groups;
  END IF;

  v_content := (NEW.title, NEW.comment, NEW.changeset_meta, NEW.validation,
                NEW.target_kind, NEW.target_uri, NEW.target_layer, NEW.target_version, NEW.target_authcfg)
               IS DISTINCT FROM
               (OLD.title, OLD.comment, OLD.changeset_meta, OLD.validation,
                OLD.target_kind, OLD.target_uri, OLD.target_layer, OLD.target_version, OLD.target_authcfg);
  IF v_content THEN
    IF OLD.status IN ('draft', 'changes_requested') THEN
      IF current_user <> OLD.author THEN
        PERFORM geogov.refuse('GG403', 'store.not_author', 'only the proposal''s author may edit it');
      END IF;
    ELSIF OLD.status = 'conflict' THEN
      IF current_user <> OLD.author AND NOT geogov.may_apply(OLD.dataset, OLD.stewards) THEN
        PERFORM geogov.refuse('GG403', 'store.not_applier',
                              'only the author, a steward of the dataset or a coordinator may rebase');
      END IF;
    ELSE
      PERFORM geogov.refuse('GG422', 'store.not_editable',
                            format('a %s proposal cannot be edited', OLD.status),
                            jsonb_build_object('status', OLD.status));
    END IF;
  END IF;

  IF NEW.status IS DISTINCT FROM OLD.status THEN
    CASE NEW.status
      WHEN 'submitted' THEN
        IF OLD.status = 'conflict' THEN
          IF current_user <> OLD.author AND NOT geogov.may_apply(OLD.dataset, OLD.stewards) THEN
            PERFORM geogov.refuse('GG403', 'store.not_applier',
                                  'only the author, a steward of the dataset or a coordinator may rebase');
          END IF;
        ELSIF current_user <> OLD.author THEN
          PERFORM geogov.refuse('GG403', 'store.not_author', 'only the proposal''s author may submit it');
        END IF;
        NEW.round := OLD.round + 1;         -- a new review round: earlier approvals no longer count
        NEW.submitted_at := now();
      WHEN 'withdrawn' THEN
        IF current_user <> OLD.author THEN
          PERFORM geogov.refuse('GG403', 'store.not_author', 'only the proposal''s author may withdraw it');
        END IF;
      WHEN 'approved' THEN
        v_state := geogov.approval_state(OLD.id, OLD.round, OLD.dataset);
        IF NOT geogov.approvals_complete(v_state) THEN
          PERFORM geogov.refuse('GG403', 'store.approvals_missing',
                                format('approvals required by the dataset''s rule are missing: %s', v_state),
                                jsonb_build_object('approvals', v_state::text));
        END IF;
      WHEN 'rejected', 'changes_requested' THEN
        IF NOT EXISTS (SELECT 1 FROM geogov.reviews
                       WHERE proposal_id = OLD.id AND round = OLD.round
                         AND decision = CASE NEW.status WHEN 'rejected' THEN 'reject'
                                                        ELSE 'request_changes' END) THEN
          PERFORM geogov.refuse('GG403', 'store.not_reviewer',
                                'a decision is recorded as a review by a steward, DPO or coordinator');
        END IF;
      WHEN 'applied', 'conflict' THEN
        IF NOT geogov.may_apply(OLD.dataset, OLD.stewards) THEN
          PERFORM geogov.refuse('GG403', 'store.not_applier',
                                'only a steward of the dataset or a coordinator may do this');
        END IF;
      ELSE
        NULL;
    END CASE;
  END IF;
  RETURN NEW;
END
$$;

-- At submit (and at a rebase's resubmit): where the stored changes lie, the proposer's
-- territory rule, the stewards. SECURITY INVOKER: it reads the change rows the actor sees
-- (the author, or the steward rebasing, sees all of them).
CREATE FUNCTION geogov.proposals_places() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v record;
  v_check boolean;
BEGIN
  IF NEW.status = 'submitted' AND OLD.status IS DISTINCT FROM 'submitted' THEN
    SELECT d.proposers_own_territory AND NOT p.everywhere INTO v_check
    FROM geogov.datasets d, geogov.partners p WHERE d.id = OLD.dataset AND p.id = OLD.partner;
    v_check := coalesce(v_check, false);
    SELECT * INTO v FROM geogov.proposal_places(OLD.id, OLD.partner, v_check);
    IF v_check AND v.outside > 0 THEN
      PERFORM geogov.refuse('GG403', 'store.outside_territory',
                            format('%s change(s) lie outside the territory of %s', v.outside, OLD.partner),
                            jsonb_build_object('partner', OLD.partner, 'count', v.outside));
    END IF;
    NEW.communes := v.communes;
    NEW.unplaced := v.unplaced;
    NEW.outside := v.outside;
    NEW.departements := coalesce((SELECT array_agg(DISTINCT departement ORDER BY departement)
                                  FROM geogov.communes WHERE code = ANY (v.communes)), '{}');
    NEW.stewards := geogov.steward_partners(OLD.dataset, v.communes, v.unplaced > 0);
    NEW.steward_groups := geogov.steward_groups(OLD.dataset, v.communes, v.unplaced > 0);
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER proposals_25_places BEFORE UPDATE ON geogov.proposals
  FOR EACH ROW EXECUTE FUNCTION geogov.proposals_places();

-- The audit's "edited" row no longer looks at the client's départements.
CREATE OR REPLACE FUNCTION geogov.proposals_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_details jsonb;
  v_extra text;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM geogov.audit_append(NEW.author, 'created', NEW.id, jsonb_build_object(
      'dataset', NEW.dataset, 'status', NEW.status, 'partner', NEW.partner, 'title', NEW.title,
      'version', NEW.version));
  ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
    v_details := jsonb_build_object('from', OLD.status, 'to', NEW.status, 'dataset', NEW.dataset,
                                    'status', NEW.status, 'version', NEW.version, 'round', NEW.round);
    IF NEW.status = 'submitted' THEN
      v_details := v_details || jsonb_build_object('counts', geogov.change_counts(NEW.id),
                                                   'communes', cardinality(NEW.communes),
                                                   'unplaced', NEW.unplaced, 'stewards', NEW.stewards);
    END IF;
    IF NEW.status IN ('applied', 'conflict') THEN
      v_extra := nullif(current_setting('geogov.status_details', true), '');
      v_details := v_details || jsonb_build_object('details', coalesce(v_extra::jsonb, '{}'::jsonb));
    END IF;
    PERFORM geogov.audit_append(NEW.updated_by,
                                CASE WHEN OLD.status = 'conflict' THEN 'rebased' ELSE 'status' END,
                                NEW.id, v_details);
  ELSIF NEW.stewards IS DISTINCT FROM OLD.stewards THEN
    PERFORM geogov.audit_append(NEW.updated_by, 'rerouted', NEW.id, jsonb_build_object(
      'dataset', NEW.dataset, 'status', NEW.status, 'version', NEW.version,
      'from', OLD.stewards, 'to', NEW.stewards));
  ELSIF (NEW.title, NEW.comment, NEW.changeset_meta, NEW.validation)
        IS DISTINCT FROM (OLD.title, OLD.comment, OLD.changeset_meta, OLD.validation) THEN
    PERFORM geogov.audit_append(NEW.updated_by, 'edited', NEW.id, jsonb_build_object(
      'dataset', NEW.dataset, 'status', NEW.status, 'version', NEW.version,
      'counts', geogov.change_counts(NEW.id)));
  END IF;
  RETURN NULL;
END
$$;

-- Change rows: the proposal row is share-locked first, so a submit waits for a writer
-- still in its transaction, and a writer whose snapshot predates a submit fails (40001).
CREATE OR REPLACE FUNCTION geogov.changes_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  SELECT status, author, dataset, stewards INTO p FROM geogov.proposals
  WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.proposal_id ELSE NEW.proposal_id END
  FOR SHARE;
  IF NOT FOUND THEN
    PERFORM geogov.refuse('GG404', 'store.not_found', 'no such proposal');
  END IF;
  IF TG_OP = 'UPDATE' THEN
    PERFORM geogov.refuse('GG422', 'store.not_editable', 'changes are replaced, never updated');
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
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE OR REPLACE FUNCTION geogov.reviews_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p geogov.proposals%ROWTYPE;
  v_qualified text[];
  v_state jsonb;
  v_mine boolean;
BEGIN
  NEW.reviewer := current_user;
  NEW.partner := coalesce(geogov.my_partner(), '');
  NEW.at := now();
  NEW.comment := coalesce(NEW.comment, '');
  -- The row lock makes concurrent decisions queue; the version check then lets only
  -- the first one through (READ COMMITTED re-reads the row once the lock is granted).
  SELECT * INTO p FROM geogov.proposals WHERE id = NEW.proposal_id FOR UPDATE;
  IF NOT FOUND THEN
    PERFORM geogov.refuse('GG404', 'store.not_found', 'no such proposal, or not visible to you');
  END IF;
  IF NEW.proposal_version IS NOT NULL AND NEW.proposal_version <> p.version THEN
    PERFORM geogov.refuse('GG409', 'store.concurrent', format(
      'the proposal changed meanwhile (version %s, you saw %s): last change by %s',
      p.version, NEW.proposal_version, p.updated_by),
      jsonb_build_object('version', p.version, 'seen', NEW.proposal_version, 'by', p.updated_by));
  END IF;
  NEW.proposal_version := p.version;
  IF p.status <> 'submitted' THEN
    PERFORM geogov.refuse('GG422', 'store.not_under_review',
                          format('the proposal is %s, not awaiting a decision', p.status),
                          jsonb_build_object('status', p.status));
  END IF;
  IF p.author = current_user THEN
    PERFORM geogov.refuse('GG403', 'store.self_review', 'the author cannot review their own proposal');
  END IF;
  IF NEW.decision NOT IN ('approve', 'reject', 'request_changes') THEN
    PERFORM geogov.refuse('GG422', 'store.bad_value', format('unknown decision %s', NEW.decision),
                          jsonb_build_object('value', NEW.decision));
  END IF;
  IF NEW.decision IN ('reject', 'request_changes') AND btrim(NEW.comment) = '' THEN
    PERFORM geogov.refuse('GG422', 'store.comment_required',
                          'a comment is required to reject or request changes');
  END IF;
  v_qualified := geogov.reviewer_roles(p.dataset, p.stewards);
  v_state := geogov.approval_state(p.id, p.round, p.dataset);
  v_mine := geogov.my_steward_pending(p.id, p.round);
  IF NEW.role IS NULL THEN
    NEW.role := coalesce(
      (SELECT r FROM unnest(v_qualified) WITH ORDINALITY AS q(r, n)
       WHERE (r = 'steward' AND v_state ->> r = 'false' AND v_mine)
          OR (r = 'dpo' AND v_state ->> r = 'false')
          OR (r = 'coordinator' AND (v_state ->> 'steward' = 'false' OR v_state ->> 'coordinator' = 'false'))
       ORDER BY n LIMIT 1),
      v_qualified[1]);
  END IF;
  IF NEW.role IS NULL OR NOT (NEW.role = ANY (v_qualified)) THEN
    PERFORM geogov.refuse('GG403', 'store.not_reviewer',
                          format('%s is not a steward, DPO or coordinator for this proposal', current_user),
                          jsonb_build_object('login', current_user));
  END IF;
  -- Two keys are held by two people: one login approves a round once, whatever its roles.
  IF NEW.decision = 'approve' AND EXISTS (
       SELECT 1 FROM geogov.reviews WHERE proposal_id = p.id AND round = p.round
         AND decision = 'approve' AND reviewer = current_user) THEN
    PERFORM geogov.refuse('GG403', 'store.one_key_each',
                          'you already approved this proposal: each approval it needs is given by a different person');
  END IF;
  NEW.round := p.round;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION geogov.apply_attempts_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  NEW.actor := current_user;
  NEW.at := now();
  SELECT status, dataset, stewards INTO p FROM geogov.proposals WHERE id = NEW.proposal_id;
  IF NOT FOUND THEN
    PERFORM geogov.refuse('GG404', 'store.not_found', 'no such proposal, or not visible to you');
  END IF;
  IF NOT geogov.may_apply(p.dataset, p.stewards) THEN
    PERFORM geogov.refuse('GG403', 'store.not_applier',
                          'only a steward of the dataset or a coordinator may do this');
  END IF;
  IF p.status NOT IN ('approved', 'applied', 'conflict') THEN
    PERFORM geogov.refuse('GG422', 'store.transition', format('a %s proposal is not being applied', p.status),
                          jsonb_build_object('old', p.status, 'new', p.status));
  END IF;
  RETURN NEW;
END
$$;

-- ---------------------------------------------------------------------------- policies
CREATE POLICY proposals_read ON geogov.proposals FOR SELECT TO geogov_contributor
  USING (geogov.may_see(partner, author, dataset, status, stewards));
CREATE POLICY proposals_change ON geogov.proposals FOR UPDATE TO geogov_contributor
  USING (geogov.may_see(partner, author, dataset, status, stewards))
  WITH CHECK (geogov.may_see(partner, author, dataset, status, stewards));
-- The owner reroutes open proposals after a convention change (reroute_proposals below).
CREATE POLICY proposals_owner_reroute ON geogov.proposals FOR UPDATE TO geogov_owner
  USING (status IN ('submitted', 'changes_requested', 'approved', 'conflict')) WITH CHECK (true);

-- ---------------------------------------------------------------------------- sync helpers
-- Run by sync_convention (an administrator): the partners' areas from the communes, then
-- the stewards of every open proposal. Not executable by the plugin's logins.
CREATE FUNCTION geogov.refresh_areas() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  UPDATE geogov.partners p SET area = CASE WHEN p.everywhere THEN NULL ELSE (
    SELECT ST_Buffer(ST_UnaryUnion(ST_Collect(g)), greatest(r.tolerance, 0.01))
    FROM geogov.territory_reference r,
         LATERAL (SELECT m.geom AS g FROM geogov.communes m WHERE m.code = ANY (p.communes)
                  UNION ALL SELECT p.extra_geom WHERE p.extra_geom IS NOT NULL) parts
    GROUP BY r.tolerance) END
$$;
REVOKE ALL ON FUNCTION geogov.refresh_areas() FROM PUBLIC;

CREATE FUNCTION geogov.reroute_proposals() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_count integer;
BEGIN
  UPDATE geogov.proposals SET stewards = geogov.steward_partners(dataset, communes, unplaced > 0),
                              steward_groups = geogov.steward_groups(dataset, communes, unplaced > 0)
  WHERE status IN ('submitted', 'changes_requested', 'approved', 'conflict')
    AND (stewards, steward_groups) IS DISTINCT FROM
        (geogov.steward_partners(dataset, communes, unplaced > 0),
         geogov.steward_groups(dataset, communes, unplaced > 0));
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END
$$;
REVOKE ALL ON FUNCTION geogov.reroute_proposals() FROM PUBLIC;
