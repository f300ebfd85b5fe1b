-- Triggers: the guards (SECURITY INVOKER: they judge current_user, the login acting) and
-- the audit writers (SECURITY DEFINER: they append to the audit table, which no login
-- may write; they take the actor from the row the guard stamped, never from an argument
-- a user could pass).
SET LOCAL ROLE geogov_owner;

-- ---------------------------------------------------------------------------- audit
CREATE FUNCTION geogov.audit_canonical(p_id bigint, p_at timestamptz, p_actor text, p_action text,
                                       p_proposal uuid, p_details jsonb) RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT jsonb_build_object(
    'id', p_id,
    'at', to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'actor', p_actor, 'action', p_action, 'proposal', p_proposal, 'details', p_details)::text
$$;

-- Appends one chained row and notifies listeners. The head row is locked FOR UPDATE: in
-- READ COMMITTED concurrent appends queue up and each sees the previous one's hash; in
-- REPEATABLE READ/SERIALIZABLE the later one fails with 40001 (ConcurrentUpdate, retry)
-- instead of forking the chain.
CREATE FUNCTION geogov.audit_append(p_actor text, p_action text, p_proposal uuid, p_details jsonb)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  v_head record;
  v_id bigint;
  v_at timestamptz := now();
  v_hash text;
BEGIN
  SELECT last_id, last_hash INTO v_head FROM geogov.audit_head WHERE singleton FOR UPDATE;
  v_id := v_head.last_id + 1;
  v_hash := encode(sha256(convert_to(
              v_head.last_hash || geogov.audit_canonical(v_id, v_at, p_actor, p_action, p_proposal, p_details),
              'UTF8')), 'hex');
  INSERT INTO geogov.audit (id, at, actor, action, proposal_id, details, prev_hash, row_hash)
  VALUES (v_id, v_at, p_actor, p_action, p_proposal, p_details, v_head.last_hash, v_hash);
  UPDATE geogov.audit_head SET last_id = v_id, last_hash = v_hash WHERE singleton;
  -- A wake-up call only (delivered at commit, to every listener whatever its rights):
  -- no content; listeners read what they may see with changes_since(cursor).
  PERFORM pg_notify('geogov', jsonb_build_object(
    'cursor', v_id, 'action', p_action, 'proposal', p_proposal,
    'dataset', p_details ->> 'dataset', 'status', p_details ->> 'status')::text);
  RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION geogov.audit_append(text, text, uuid, jsonb) FROM PUBLIC;

CREATE FUNCTION geogov.audit_refuse() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'GG403', MESSAGE = 'the audit trail is append-only',
                        DETAIL = 'store.append_only';
END
$$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON geogov.audit
  FOR EACH ROW EXECUTE FUNCTION geogov.audit_refuse();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON geogov.audit
  FOR EACH STATEMENT EXECUTE FUNCTION geogov.audit_refuse();

CREATE FUNCTION geogov.change_counts(p_proposal uuid) RETURNS jsonb
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT jsonb_build_object(
    'insert', count(*) FILTER (WHERE op = 'insert'),
    'update', count(*) FILTER (WHERE op = 'update'),
    'delete', count(*) FILTER (WHERE op = 'delete'))
  FROM geogov.proposal_changes WHERE proposal_id = p_proposal
$$;

-- ---------------------------------------------------------------------------- proposals
CREATE FUNCTION geogov.proposals_before_insert() RETURNS trigger
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
  PERFORM geogov.check_proposer(NEW.partner, NEW.dataset, NEW.departements);
  NEW.version := 0;
  NEW.round := 0;
  NEW.created_at := now();
  NEW.updated_at := now();
  NEW.updated_by := current_user;
  NEW.submitted_at := NULL;
  RETURN NEW;
END
$$;

CREATE FUNCTION geogov.proposals_before_update() RETURNS trigger
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
  -- Bookkeeping columns belong to this trigger, whatever the statement wrote.
  NEW.version := OLD.version + 1;
  NEW.round := OLD.round;
  NEW.submitted_at := OLD.submitted_at;
  NEW.updated_at := now();
  NEW.updated_by := current_user;

  v_content := (NEW.title, NEW.comment, NEW.changeset_meta, NEW.validation, NEW.departements,
                NEW.target_kind, NEW.target_uri, NEW.target_layer, NEW.target_version, NEW.target_authcfg)
               IS DISTINCT FROM
               (OLD.title, OLD.comment, OLD.changeset_meta, OLD.validation, OLD.departements,
                OLD.target_kind, OLD.target_uri, OLD.target_layer, OLD.target_version, OLD.target_authcfg);
  IF v_content THEN
    IF OLD.status IN ('draft', 'changes_requested') THEN
      IF current_user <> OLD.author THEN
        PERFORM geogov.refuse('GG403', 'store.not_author', 'only the proposal''s author may edit it');
      END IF;
    ELSIF OLD.status = 'conflict' THEN
      IF current_user <> OLD.author AND NOT geogov.may_apply(OLD.dataset, OLD.departements) THEN
        PERFORM geogov.refuse('GG403', 'store.not_applier',
                              'only the author, a steward of the dataset or a coordinator may rebase');
      END IF;
    ELSE
      PERFORM geogov.refuse('GG422', 'store.not_editable',
                            format('a %s proposal cannot be edited', OLD.status),
                            jsonb_build_object('status', OLD.status));
    END IF;
    IF NEW.departements IS DISTINCT FROM OLD.departements THEN
      PERFORM geogov.check_proposer(OLD.partner, OLD.dataset, NEW.departements);
    END IF;
  END IF;

  IF NEW.status IS DISTINCT FROM OLD.status THEN
    CASE NEW.status
      WHEN 'submitted' THEN
        IF OLD.status = 'conflict' THEN
          IF current_user <> OLD.author AND NOT geogov.may_apply(OLD.dataset, OLD.departements) THEN
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
        -- Only the reviews trigger sets these, right after inserting the decision.
        IF NOT EXISTS (SELECT 1 FROM geogov.reviews
                       WHERE proposal_id = OLD.id AND round = OLD.round
                         AND decision = CASE NEW.status WHEN 'rejected' THEN 'reject'
                                                        ELSE 'request_changes' END) THEN
          PERFORM geogov.refuse('GG403', 'store.not_reviewer',
                                'a decision is recorded as a review by a steward, DPO or coordinator');
        END IF;
      WHEN 'applied', 'conflict' THEN
        IF NOT geogov.may_apply(OLD.dataset, OLD.departements) THEN
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

CREATE FUNCTION geogov.proposals_audit() RETURNS trigger
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
      v_details := v_details || jsonb_build_object('counts', geogov.change_counts(NEW.id));
    END IF;
    IF NEW.status IN ('applied', 'conflict') THEN
      -- What the apply step reports (conflicting features, server answers), passed by the
      -- store with set_config('geogov.status_details', …, true) in the same transaction.
      v_extra := nullif(current_setting('geogov.status_details', true), '');
      v_details := v_details || jsonb_build_object('details', coalesce(v_extra::jsonb, '{}'::jsonb));
    END IF;
    PERFORM geogov.audit_append(NEW.updated_by,
                                CASE WHEN OLD.status = 'conflict' THEN 'rebased' ELSE 'status' END,
                                NEW.id, v_details);
  ELSIF (NEW.title, NEW.comment, NEW.changeset_meta, NEW.validation, NEW.departements)
        IS DISTINCT FROM (OLD.title, OLD.comment, OLD.changeset_meta, OLD.validation, OLD.departements) THEN
    PERFORM geogov.audit_append(NEW.updated_by, 'edited', NEW.id, jsonb_build_object(
      'dataset', NEW.dataset, 'status', NEW.status, 'version', NEW.version,
      'counts', geogov.change_counts(NEW.id)));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER proposals_10_guard BEFORE INSERT ON geogov.proposals
  FOR EACH ROW EXECUTE FUNCTION geogov.proposals_before_insert();
CREATE TRIGGER proposals_20_guard BEFORE UPDATE ON geogov.proposals
  FOR EACH ROW EXECUTE FUNCTION geogov.proposals_before_update();
CREATE TRIGGER proposals_50_audit AFTER INSERT OR UPDATE ON geogov.proposals
  FOR EACH ROW EXECUTE FUNCTION geogov.proposals_audit();

-- ---------------------------------------------------------------------------- changes
CREATE FUNCTION geogov.changes_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  SELECT status, author, dataset, departements INTO p FROM geogov.proposals
  WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.proposal_id ELSE NEW.proposal_id END;
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
    IF p.author <> current_user AND NOT geogov.may_apply(p.dataset, p.departements) THEN
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
CREATE TRIGGER proposal_changes_10_guard BEFORE INSERT OR UPDATE OR DELETE ON geogov.proposal_changes
  FOR EACH ROW EXECUTE FUNCTION geogov.changes_guard();

-- ---------------------------------------------------------------------------- reviews
CREATE FUNCTION geogov.reviews_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p geogov.proposals%ROWTYPE;
  v_qualified text[];
  v_state jsonb;
BEGIN
  NEW.reviewer := current_user;
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
  v_qualified := geogov.reviewer_roles(p.dataset, p.departements);
  v_state := geogov.approval_state(p.id, p.round, p.dataset);
  IF NEW.role IS NULL THEN
    NEW.role := coalesce(
      (SELECT r FROM unnest(v_qualified) WITH ORDINALITY AS q(r, n)
       WHERE v_state ->> r = 'false' OR (r = 'coordinator' AND v_state ->> 'steward' = 'false')
       ORDER BY n LIMIT 1),
      v_qualified[1]);
  END IF;
  IF NEW.role IS NULL OR NOT (NEW.role = ANY (v_qualified)) THEN
    PERFORM geogov.refuse('GG403', 'store.not_reviewer',
                          format('%s is not a steward, DPO or coordinator for this proposal', current_user),
                          jsonb_build_object('login', current_user));
  END IF;
  NEW.round := p.round;
  RETURN NEW;
END
$$;

-- Moves the proposal on: rejected / changes_requested, approved once every required
-- approval of the round is in, else stays submitted (a partial approval still bumps the
-- version, so a reviewer who saw the state before it must reload).
CREATE FUNCTION geogov.reviews_decide() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
  v_status text;
BEGIN
  SELECT id, dataset, round INTO p FROM geogov.proposals WHERE id = NEW.proposal_id;
  v_status := CASE NEW.decision
                WHEN 'reject' THEN 'rejected'
                WHEN 'request_changes' THEN 'changes_requested'
                ELSE CASE WHEN geogov.approvals_complete(geogov.approval_state(p.id, p.round, p.dataset))
                          THEN 'approved' ELSE 'submitted' END
              END;
  UPDATE geogov.proposals SET status = v_status WHERE id = p.id;
  RETURN NULL;
END
$$;

CREATE FUNCTION geogov.reviews_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  SELECT dataset, status INTO p FROM geogov.proposals WHERE id = NEW.proposal_id;
  PERFORM geogov.audit_append(NEW.reviewer, 'review', NEW.proposal_id, jsonb_build_object(
    'dataset', p.dataset, 'status', p.status, 'decision', NEW.decision, 'role', NEW.role,
    'comment', NEW.comment, 'round', NEW.round));
  RETURN NULL;
END
$$;

CREATE TRIGGER reviews_10_guard BEFORE INSERT ON geogov.reviews
  FOR EACH ROW EXECUTE FUNCTION geogov.reviews_before_insert();
CREATE TRIGGER reviews_20_audit AFTER INSERT ON geogov.reviews
  FOR EACH ROW EXECUTE FUNCTION geogov.reviews_audit();
CREATE TRIGGER reviews_30_decide AFTER INSERT ON geogov.reviews
  FOR EACH ROW EXECUTE FUNCTION geogov.reviews_decide();
CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON geogov.reviews
  FOR EACH ROW EXECUTE FUNCTION geogov.audit_refuse();

-- ---------------------------------------------------------------------------- comments
CREATE FUNCTION geogov.comments_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  NEW.author := current_user;
  NEW.at := now();
  IF NOT EXISTS (SELECT 1 FROM geogov.proposals WHERE id = NEW.proposal_id) THEN
    PERFORM geogov.refuse('GG404', 'store.not_found', 'no such proposal, or not visible to you');
  END IF;
  IF btrim(coalesce(NEW.body, '')) = '' THEN
    PERFORM geogov.refuse('GG422', 'store.bad_value', 'an empty comment');
  END IF;
  RETURN NEW;
END
$$;

CREATE FUNCTION geogov.comments_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  SELECT dataset, status INTO p FROM geogov.proposals WHERE id = NEW.proposal_id;
  PERFORM geogov.audit_append(NEW.author, 'comment', NEW.proposal_id, jsonb_build_object(
    'dataset', p.dataset, 'status', p.status, 'body', NEW.body));
  RETURN NULL;
END
$$;

CREATE TRIGGER comments_10_guard BEFORE INSERT ON geogov.comments
  FOR EACH ROW EXECUTE FUNCTION geogov.comments_before_insert();
CREATE TRIGGER comments_20_audit AFTER INSERT ON geogov.comments
  FOR EACH ROW EXECUTE FUNCTION geogov.comments_audit();
CREATE TRIGGER comments_append_only BEFORE UPDATE OR DELETE ON geogov.comments
  FOR EACH ROW EXECUTE FUNCTION geogov.audit_refuse();

-- ---------------------------------------------------------------------------- apply attempts
CREATE FUNCTION geogov.apply_attempts_before_insert() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  NEW.actor := current_user;
  NEW.at := now();
  SELECT status, dataset, departements INTO p FROM geogov.proposals WHERE id = NEW.proposal_id;
  IF NOT FOUND THEN
    PERFORM geogov.refuse('GG404', 'store.not_found', 'no such proposal, or not visible to you');
  END IF;
  IF NOT geogov.may_apply(p.dataset, p.departements) THEN
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

CREATE FUNCTION geogov.apply_attempts_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  p record;
BEGIN
  SELECT dataset, status INTO p FROM geogov.proposals WHERE id = NEW.proposal_id;
  PERFORM geogov.audit_append(NEW.actor, 'apply_attempt', NEW.proposal_id, jsonb_build_object(
    'dataset', p.dataset, 'status', p.status, 'result', NEW.result, 'details', NEW.details));
  RETURN NULL;
END
$$;

CREATE TRIGGER apply_attempts_10_guard BEFORE INSERT ON geogov.apply_attempts
  FOR EACH ROW EXECUTE FUNCTION geogov.apply_attempts_before_insert();
CREATE TRIGGER apply_attempts_20_audit AFTER INSERT ON geogov.apply_attempts
  FOR EACH ROW EXECUTE FUNCTION geogov.apply_attempts_audit();
CREATE TRIGGER apply_attempts_append_only BEFORE UPDATE OR DELETE ON geogov.apply_attempts
  FOR EACH ROW EXECUTE FUNCTION geogov.audit_refuse();

-- ---------------------------------------------------------------------------- verification
CREATE FUNCTION geogov.verify_audit()
RETURNS TABLE (ok boolean, checked bigint, head_id bigint, head_hash text, first_bad_id bigint, reason text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  r record;
  v_prev text := repeat('0', 64);
  v_expected bigint := 1;
  v_checked bigint := 0;
  v_last bigint := 0;
  v_head record;
BEGIN
  FOR r IN SELECT * FROM geogov.audit ORDER BY id LOOP
    IF r.id <> v_expected THEN
      RETURN QUERY SELECT false, v_checked, v_last, v_prev, r.id, 'gap'::text; RETURN;
    END IF;
    IF r.prev_hash <> v_prev THEN
      RETURN QUERY SELECT false, v_checked, v_last, v_prev, r.id, 'link'::text; RETURN;
    END IF;
    IF encode(sha256(convert_to(r.prev_hash || geogov.audit_canonical(
         r.id, r.at, r.actor, r.action, r.proposal_id, r.details), 'UTF8')), 'hex') <> r.row_hash THEN
      RETURN QUERY SELECT false, v_checked, v_last, v_prev, r.id, 'content'::text; RETURN;
    END IF;
    v_prev := r.row_hash;
    v_expected := r.id + 1;
    v_last := r.id;
    v_checked := v_checked + 1;
  END LOOP;
  SELECT last_id, last_hash INTO v_head FROM geogov.audit_head WHERE singleton;
  IF v_head.last_id <> v_last OR v_head.last_hash <> v_prev THEN
    RETURN QUERY SELECT false, v_checked, v_last, v_prev, v_last + 1, 'head'::text; RETURN;
  END IF;
  RETURN QUERY SELECT true, v_checked, v_last, v_prev, NULL::bigint, ''::text;
END
$$;
