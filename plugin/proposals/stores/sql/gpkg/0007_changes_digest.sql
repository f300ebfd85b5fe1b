-- A draft saved again with the same change set (its title or comment changed) keeps its
-- change rows instead of writing every one of them again (issue 16): the store keeps the
-- digest of the change set it wrote (proposal_rows.changes_digest) and writes the rows only
-- when the digest of what it is given differs. Rows inserted, updated or deleted any other
-- way (an SQLite tool, QGIS editing the table) clear the digest: the next save writes them all.
ALTER TABLE proposals ADD COLUMN changes_digest TEXT NOT NULL DEFAULT '';
CREATE TRIGGER proposal_changes_insert_digest AFTER INSERT ON proposal_changes
WHEN (SELECT changes_digest FROM proposals WHERE id = NEW.proposal_id) <> ''
BEGIN
  UPDATE proposals SET changes_digest = '' WHERE id = NEW.proposal_id;
END;
CREATE TRIGGER proposal_changes_delete_digest AFTER DELETE ON proposal_changes
WHEN (SELECT changes_digest FROM proposals WHERE id = OLD.proposal_id) <> ''
BEGIN
  UPDATE proposals SET changes_digest = '' WHERE id = OLD.proposal_id;
END;
CREATE TRIGGER proposal_changes_update_digest AFTER UPDATE ON proposal_changes
WHEN EXISTS (SELECT 1 FROM proposals WHERE id IN (OLD.proposal_id, NEW.proposal_id) AND changes_digest <> '')
BEGIN
  UPDATE proposals SET changes_digest = '' WHERE id IN (OLD.proposal_id, NEW.proposal_id);
END;
