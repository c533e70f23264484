-- Schema of the app.
CREATE TABLE users (
    id INTEGER PRIMARY KEY, -- surrogate key
    note TEXT DEFAULT 'it''s -- fine'
);
/* Indexes
   come later. */

INSERT INTO users (id, note) VALUES (1, '/* not a comment */');
