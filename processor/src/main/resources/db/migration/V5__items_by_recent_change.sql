-- Portable SQL (H2 and PostgreSQL): GET /api/items pages by (updated_at DESC, id).
CREATE INDEX items_by_recent_change ON items (updated_at DESC, id);
