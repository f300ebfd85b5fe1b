-- Governance that holds against an insider (issue 14). Each rule is checked as the plain
-- SQL login acting; tests/integration/test_governance_attacks.py runs each attack.
--
-- 1. No function of the schema is executable by PUBLIC. Contributors may call the helpers
--    the policies and guards call as them; nobody may call a trigger function (so nobody
--    can attach one to a table of their own and forge audit rows) nor the owner's
--    maintenance functions; the audit writers also check which table fired them.
-- 2. A proposal's target is the one the convention names for its dataset (the datasets'
--    target_* columns, written by sync_convention); its change rows are in that SRID.
-- 3. Whoever writes a proposal's change set in any round (the author, or a steward
--    rewriting a conflicted proposal) cannot decide it.
-- 4. A proposal id carries its author: its first 6 bytes are those of sha256(login), so no
--    login can probe whether another's id exists (the check runs before the unique index).
-- 5. NOTIFY carries an opaque cursor only.
-- 6. Audit times come from the clock at append time, never earlier than the previous row's.
-- 7. A transaction left idle while holding a GeoGov lock (a contributor who comments and
--    never commits holds the audit head) is ended by the next writer that waits for it
--    (after 30 s idle, 2 minutes open), instead of stalling everyone.
-- 8. An approved proposal the target refuses goes back to its author (approved ->
--    changes_requested, with the target's reason), never stuck as approved.
SET LOCAL ROLE geogov_owner;

-- ---------------------------------------------------------------------------- 2. targets
ALTER TABLE geogov.datasets ADD COLUMN target_kind text NOT NULL DEFAULT '';
ALTER TABLE geogov.datasets ADD COLUMN target_uri text NOT NULL DEFAULT '';      -- a LIKE pattern
ALTER TABLE geogov.datasets ADD COLUMN target_layer text NOT NULL DEFAULT '';
ALTER TABLE geogov.datasets ADD COLUMN target_srid integer NOT NULL DEFAULT 0;

-- governance/targets.py: same kind, same layer (any case), the URI matching the
-- convention's pattern (lower case; * and ? are its only wildcards, % and _ here). A
-- dataset without a target accepts any: the plugin applies nothing the convention does
-- not place.
CREATE FUNCTION geogov.target_allowed(p_dataset text, p_kind text, p_uri text, p_layer text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT coalesce((SELECT d.target_kind = '' OR (
                     d.target_kind = p_kind AND lower(d.target_layer) = lower(p_layer)
                     AND lower(p_uri) LIKE d.target_uri ESCAPE '\')
                   FROM geogov.datasets d WHERE d.id = p_dataset), true)
$$;

CREATE FUNCTION geogov.proposals_target() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (NEW.target_kind, NEW.target_uri, NEW.target_layer)
                          IS NOT DISTINCT FROM (OLD.target_kind, OLD.target_uri, OLD.target_layer) THEN
    RETURN NEW;
  END IF;
  IF NOT geogov.target_allowed(NEW.dataset, NEW.target_kind, NEW.target_uri, NEW.target_layer) THEN
    PERFORM geogov.refuse('GG403', 'store.wrong_target',
                          format('%s %s is not where the convention says dataset %s is published',
                                 NEW.target_kind, NEW.target_layer, NEW.dataset),
                          jsonb_build_object('dataset', NEW.dataset, 'layer', NEW.target_layer));
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER proposals_12_target BEFORE INSERT OR UPDATE ON geogov.proposals
  FOR EACH ROW EXECUTE FUNCTION geogov.proposals_target();

CREATE FUNCTION geogov.changes_srid() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_srid integer;
BEGIN
  SELECT d.target_srid INTO v_srid FROM geogov.proposals p JOIN geogov.datasets d ON d.id = p.dataset
  WHERE p.id = NEW.proposal_id;
  IF coalesce(v_srid, 0) <> 0 AND (NEW.srid <> v_srid
       OR (NEW.old_geom IS NOT NULL AND ST_SRID(NEW.old_geom) <> v_srid)
       OR (NEW.new_geom IS NOT NULL AND ST_SRID(NEW.new_geom) <> v_srid)) THEN
    PERFORM geogov.refuse('GG422', 'store.wrong_srid',
                          format('the changes must be in EPSG:%s, the dataset''s CRS', v_srid),
                          jsonb_build_object('srid', v_srid));
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER proposal_changes_05_srid BEFORE INSERT ON geogov.proposal_changes
  FOR EACH ROW EXECUTE FUNCTION geogov.changes_srid();

-- ---------------------------------------------------------------------------- 3. round writers
CREATE TABLE geogov.round_writers (
  proposal_id uuid NOT NULL REFERENCES geogov.proposals (id),
  round integer NOT NULL,
  login text NOT NULL,
  PRIMARY KEY (proposal_id, round, login)
);
ALTER TABLE geogov.round_writers ENABLE ROW LEVEL SECURITY;
ALTER TABLE geogov.round_writers FORCE ROW LEVEL SECURITY;
CREATE POLICY round_writers_owner ON geogov.round_writers FOR ALL TO geogov_owner
  USING (true) WITH CHECK (true);

-- Notes the login writing a proposal's content as a writer of the round that content will
-- be reviewed in (the next one: a submit or a rebase starts it).
CREATE FUNCTION geogov.note_writer(p_proposal uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_round integer;
BEGIN
  SELECT round INTO v_round FROM geogov.proposals WHERE id = p_proposal;
  IF FOUND THEN
    INSERT INTO geogov.round_writers VALUES (p_proposal, v_round + 1, session_user)
    ON CONFLICT DO NOTHING;
  END IF;
END
$$;

CREATE FUNCTION geogov.changes_writer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM geogov.audit_trigger_on('proposal_changes', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  PERFORM geogov.note_writer(CASE WHEN TG_OP = 'DELETE' THEN OLD.proposal_id ELSE NEW.proposal_id END);
  RETURN NULL;
END
$$;
CREATE TRIGGER proposal_changes_20_writer AFTER INSERT OR DELETE ON geogov.proposal_changes
  FOR EACH ROW EXECUTE FUNCTION geogov.changes_writer();

CREATE FUNCTION geogov.proposals_writer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM geogov.audit_trigger_on('proposals', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  IF (NEW.title, NEW.comment, NEW.changeset_meta, NEW.validation)
     IS DISTINCT FROM (OLD.title, OLD.comment, OLD.changeset_meta, OLD.validation) THEN
    PERFORM geogov.note_writer(NEW.id);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER proposals_45_writer AFTER UPDATE ON geogov.proposals
  FOR EACH ROW EXECUTE FUNCTION geogov.proposals_writer();

CREATE FUNCTION geogov.reviews_not_by_writer() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  PERFORM geogov.audit_trigger_on('reviews', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  -- A decision is taken by the login that connected (reviews_10_guard set NEW.reviewer to
  -- current_user): not by another login's role taken with SET ROLE, whose writes the round
  -- writers (session_user) would not see.
  IF NEW.reviewer IS DISTINCT FROM session_user THEN
    PERFORM geogov.refuse('GG403', 'store.not_yourself',
                          format('decisions are taken as the login that connected (%s), not as %s',
                                 session_user, NEW.reviewer));
  END IF;
  -- Any round: a steward's rewrite stays in the change set when the author resubmits it
  -- unchanged after a request for changes, so its writer never decides it.
  IF EXISTS (SELECT 1 FROM geogov.round_writers w
             WHERE w.proposal_id = NEW.proposal_id AND w.login = session_user) THEN
    PERFORM geogov.refuse('GG403', 'store.self_review',
                          'you wrote changes of this proposal: another reviewer must decide it');
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER reviews_16_writer BEFORE INSERT ON geogov.reviews
  FOR EACH ROW EXECUTE FUNCTION geogov.reviews_not_by_writer();

-- ---------------------------------------------------------------------------- 4. ids
CREATE FUNCTION geogov.id_of_author(p_id uuid, p_login text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT substr(uuid_send(p_id), 1, 6) = substr(sha256(convert_to(p_login, 'UTF8')), 1, 6)
$$;

CREATE FUNCTION geogov.proposals_id() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF NOT geogov.id_of_author(NEW.id, current_user) THEN
    PERFORM geogov.refuse('GG422', 'store.bad_id',
                          'a proposal id starts with its author''s mark (proposal_rows.new_proposal_id)');
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER proposals_05_id BEFORE INSERT ON geogov.proposals
  FOR EACH ROW EXECUTE FUNCTION geogov.proposals_id();

-- ---------------------------------------------------------------------------- 5-7. audit
ALTER TABLE geogov.audit_head ADD COLUMN last_at timestamptz NOT NULL DEFAULT '-infinity';
UPDATE geogov.audit_head SET last_at = coalesce((SELECT max(at) FROM geogov.audit), '-infinity');

-- Ends the sessions that stall the others: a transaction of this database holding a lock
-- on a GeoGov table (other than a plain read's) while idle for more than 30 s — a
-- contributor who comments in psql and never commits holds the audit head — or open for
-- more than 2 minutes (SELECT pg_sleep() after the comment; GeoGov's own transactions last
-- a second). Administrators' sessions (superuser, CREATEROLE) are left alone: migrations
-- may be long. Called by audit_append when the head is not free within 10 s, and by any
-- client whose statement met lock_timeout (postgres_store.py); geogov_owner may signal
-- non-superuser backends (pg_signal_backend, granted below by the installer).
CREATE FUNCTION geogov.release_stalled() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
  SELECT count(*)::integer FROM (
    SELECT pg_terminate_backend(a.pid)
    FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
    WHERE a.pid <> pg_backend_pid()
      AND a.datname = current_database()
      AND a.backend_type = 'client backend'
      AND NOT (r.rolsuper OR r.rolcreaterole)
      AND ((a.state IN ('idle in transaction', 'idle in transaction (aborted)')
            AND a.state_change < clock_timestamp() - interval '30 seconds')
           OR a.xact_start < clock_timestamp() - interval '2 minutes')
      AND EXISTS (SELECT 1 FROM pg_locks l
                  JOIN pg_class c ON c.oid = l.relation
                  JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE l.pid = a.pid AND l.granted AND l.mode <> 'AccessShareLock'
                    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    AND n.nspname = 'geogov')) t
$$;

CREATE OR REPLACE FUNCTION geogov.audit_append(p_actor text, p_action text, p_proposal uuid, p_details jsonb)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_head record;
  v_id bigint;
  v_at timestamptz;
  v_hash text;
  v_wait text := current_setting('lock_timeout');
BEGIN
  -- Wait for the head at most 10 s; then end whoever holds it idle, and wait once more.
  PERFORM set_config('lock_timeout', '10s', true);
  BEGIN
    SELECT last_id, last_hash, last_at INTO STRICT v_head FROM geogov.audit_head WHERE singleton FOR UPDATE;
  EXCEPTION WHEN lock_not_available THEN
    PERFORM geogov.release_stalled();
    BEGIN
      SELECT last_id, last_hash, last_at INTO STRICT v_head FROM geogov.audit_head WHERE singleton FOR UPDATE;
    EXCEPTION WHEN lock_not_available THEN
      PERFORM set_config('lock_timeout', v_wait, true);
      PERFORM geogov.refuse('GG409', 'store.busy',
                            'the audit trail is busy: another transaction is writing it, try again');
    END;
  END;
  PERFORM set_config('lock_timeout', v_wait, true);
  v_id := v_head.last_id + 1;
  v_at := greatest(clock_timestamp(), v_head.last_at);
  v_hash := encode(sha256(convert_to(
              v_head.last_hash || geogov.audit_canonical(v_id, v_at, p_actor, p_action, p_proposal, p_details),
              'UTF8')), 'hex');
  INSERT INTO geogov.audit (id, at, actor, action, proposal_id, details, prev_hash, row_hash)
  VALUES (v_id, v_at, p_actor, p_action, p_proposal, p_details, v_head.last_hash, v_hash);
  UPDATE geogov.audit_head SET last_id = v_id, last_hash = v_hash, last_at = v_at WHERE singleton;
  -- A wake-up call only, delivered at commit to every listener: where to read from, nothing
  -- else; listeners read what they may see with changes_since(cursor).
  PERFORM pg_notify('geogov', jsonb_build_object('cursor', v_id)::text);
  RETURN v_id;
END
$$;

-- The audit writers run as the owner: they refuse to run for any other table.
CREATE FUNCTION geogov.audit_trigger_on(p_expected text, p_schema text, p_table text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF p_schema IS DISTINCT FROM 'geogov' OR p_table IS DISTINCT FROM p_expected THEN
    RAISE EXCEPTION USING ERRCODE = 'GG403', MESSAGE = 'an audit trigger fired on another table',
                          DETAIL = 'store.append_only';
  END IF;
END
$$;

CREATE OR REPLACE FUNCTION geogov.reviews_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  PERFORM geogov.audit_trigger_on('reviews', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  SELECT dataset, status INTO p FROM geogov.proposals WHERE id = NEW.proposal_id;
  PERFORM geogov.audit_append(NEW.reviewer, 'review', NEW.proposal_id, jsonb_build_object(
    'dataset', p.dataset, 'status', p.status, 'decision', NEW.decision, 'role', NEW.role,
    'comment', NEW.comment, 'round', NEW.round));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION geogov.comments_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  PERFORM geogov.audit_trigger_on('comments', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  SELECT dataset, status INTO p FROM geogov.proposals WHERE id = NEW.proposal_id;
  PERFORM geogov.audit_append(NEW.author, 'comment', NEW.proposal_id, jsonb_build_object(
    'dataset', p.dataset, 'status', p.status, 'body', NEW.body));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION geogov.apply_attempts_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  PERFORM geogov.audit_trigger_on('apply_attempts', TG_TABLE_SCHEMA, TG_TABLE_NAME);
  SELECT dataset, status INTO p FROM geogov.proposals WHERE id = NEW.proposal_id;
  PERFORM geogov.audit_append(NEW.actor, 'apply_attempt', NEW.proposal_id, jsonb_build_object(
    'dataset', p.dataset, 'status', p.status, 'result', NEW.result, 'details', NEW.details));
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION geogov.proposals_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_details jsonb;
  v_extra text;
BEGIN
  PERFORM geogov.audit_trigger_on('proposals', TG_TABLE_SCHEMA, TG_TABLE_NAME);
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
    IF NEW.status IN ('applied', 'conflict') OR (OLD.status = 'approved' AND NEW.status = 'changes_requested') THEN
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
-- ---------------------------------------------------------------------------- 8. transitions
CREATE OR REPLACE FUNCTION geogov.legal_transition(p_old text, p_new text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT (p_old, p_new) IN (
    ('draft', 'submitted'), ('draft', 'withdrawn'),
    ('submitted', 'changes_requested'), ('submitted', 'approved'), ('submitted', 'rejected'),
    ('submitted', 'withdrawn'),
    ('changes_requested', 'submitted'), ('changes_requested', 'withdrawn'),
    ('approved', 'applied'), ('approved', 'conflict'), ('approved', 'changes_requested'),
    ('conflict', 'submitted'))
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
      WHEN 'changes_requested' THEN
        IF OLD.status = 'approved' THEN
          -- The target refused what was approved: back to its author, with the reason.
          IF NOT geogov.may_apply(OLD.dataset, OLD.stewards) THEN
            PERFORM geogov.refuse('GG403', 'store.not_applier',
                                  'only a steward of the dataset or a coordinator may do this');
          END IF;
          IF btrim(coalesce(nullif(current_setting('geogov.status_details', true), '')::jsonb ->> 'reason',
                            '')) = '' THEN
            PERFORM geogov.refuse('GG422', 'store.comment_required',
                                  'sending an approved proposal back needs the reason the target gave');
          END IF;
        ELSIF NOT EXISTS (SELECT 1 FROM geogov.reviews
                          WHERE proposal_id = OLD.id AND round = OLD.round AND decision = 'request_changes') THEN
          PERFORM geogov.refuse('GG403', 'store.not_reviewer',
                                'a decision is recorded as a review by a steward, DPO or coordinator');
        END IF;
      WHEN 'rejected' THEN
        IF NOT EXISTS (SELECT 1 FROM geogov.reviews
                       WHERE proposal_id = OLD.id AND round = OLD.round AND decision = 'reject') THEN
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
-- ---------------------------------------------------------------------------- 1. privileges
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA geogov FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE geogov_owner IN SCHEMA geogov REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
DO $$
DECLARE
  f record;
BEGIN
  FOR f IN SELECT p.oid::regprocedure AS signature
           FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname = 'geogov'
             AND p.prorettype <> 'pg_catalog.trigger'::regtype
             AND p.proname NOT IN ('audit_append', 'refresh_areas', 'reroute_proposals',
                                   'note_writer') LOOP
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO geogov_contributor', f.signature);
  END LOOP;
END
$$;
RESET ROLE;
-- What only the installing administrator can grant: geogov_owner may end a stalled
-- transaction that holds the audit head (release_stalled).
GRANT pg_signal_backend, pg_read_all_stats TO geogov_owner;
