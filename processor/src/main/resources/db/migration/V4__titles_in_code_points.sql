-- Portable SQL (H2 and PostgreSQL). A title is 1 to 200 Unicode code points (schemas: ItemTitles).
-- H2 counts VARCHAR length in UTF-16 units, so 200 emoji (400 units) did not fit; a code point is at
-- most two units. PostgreSQL counts characters; the wider column changes nothing there.
ALTER TABLE items ALTER COLUMN title SET DATA TYPE VARCHAR(400);
