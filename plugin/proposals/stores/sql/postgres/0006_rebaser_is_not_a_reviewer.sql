-- Whoever rebases a conflicted proposal (often a steward) has written its new change set:
-- like an author, they may not approve that round themselves.
SET LOCAL ROLE geogov_owner;

ALTER TABLE geogov.proposals ADD COLUMN IF NOT EXISTS rebased_by text;

-- Runs after proposals_10/20_guard (triggers fire in name order): stamps the rebaser on
-- conflict -> submitted, clears it when the author resubmits, keeps it otherwise; a value
-- written by a statement never survives.
CREATE OR REPLACE FUNCTION geogov.proposals_rebaser() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.rebased_by := NULL;
  ELSIF OLD.status = 'conflict' AND NEW.status = 'submitted' THEN
    NEW.rebased_by := current_user;
  ELSIF NEW.status = 'submitted' AND OLD.status <> 'submitted' THEN
    NEW.rebased_by := NULL;
  ELSE
    NEW.rebased_by := OLD.rebased_by;
  END IF;
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS proposals_30_rebaser ON geogov.proposals;
CREATE TRIGGER proposals_30_rebaser BEFORE INSERT OR UPDATE ON geogov.proposals
  FOR EACH ROW EXECUTE FUNCTION geogov.proposals_rebaser();

-- Runs after reviews_10_guard, which has locked the proposal row.
CREATE OR REPLACE FUNCTION geogov.reviews_not_by_rebaser() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM geogov.proposals WHERE id = NEW.proposal_id AND rebased_by = current_user) THEN
    PERFORM geogov.refuse('GG403', 'store.self_review',
                          'you rebased this proposal: another reviewer must decide it');
  END IF;
  RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS reviews_15_rebaser ON geogov.reviews;
CREATE TRIGGER reviews_15_rebaser BEFORE INSERT ON geogov.reviews
  FOR EACH ROW EXECUTE FUNCTION geogov.reviews_not_by_rebaser();
