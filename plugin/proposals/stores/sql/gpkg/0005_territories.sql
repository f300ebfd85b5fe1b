-- Territories at commune precision (plugin/territories): where a proposal's changes lie
-- and whom they are routed to, as in PostgreSQL's sql/postgres/0007. The old
-- ``departements`` columns of partners and stewardships stay unused (SQLite before 3.35
-- cannot drop a column); proposals.departements is now derived from the communes.
ALTER TABLE partners ADD COLUMN geometry BLOB;
ALTER TABLE stewardships ADD COLUMN everywhere INTEGER NOT NULL DEFAULT 0;
UPDATE stewardships SET everywhere = 1 WHERE communes = '[]' AND departements = '[]';
ALTER TABLE proposals ADD COLUMN communes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE proposals ADD COLUMN unplaced INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposals ADD COLUMN outside INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposals ADD COLUMN stewards TEXT NOT NULL DEFAULT '[]';
ALTER TABLE proposals ADD COLUMN steward_groups TEXT NOT NULL DEFAULT '[]';
ALTER TABLE reviews ADD COLUMN partner TEXT NOT NULL DEFAULT '';
