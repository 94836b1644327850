//! Cases of our own for the classes of schema change that sqldef's cases first showed us, written
//! afresh (other tables, other shapes, both directions) and judged by the same oracle: each one's
//! up and down script must give the catalog of a fresh database of its target.

use relvar_sql::Dialect;

use crate::Case;

/// `(dialect, name, current, desired)`.
const CASES: &[(Dialect, &str, &str, &str)] = &[
    (
        Dialect::MySql,
        "foreign keys whose index the engine made, named and unnamed, dropped and made again",
        "CREATE TABLE region (id int PRIMARY KEY, code int, UNIQUE KEY (code));
         CREATE TABLE shop (id int PRIMARY KEY, region_id int, region_code int, city int,
           CONSTRAINT shop_region FOREIGN KEY (region_id) REFERENCES region (id),
           FOREIGN KEY (region_code) REFERENCES region (code));",
        "CREATE TABLE region (id int PRIMARY KEY, code int, UNIQUE KEY (code));
         CREATE TABLE shop (id int PRIMARY KEY, region_id int, region_code int, city int,
           KEY by_region (region_id),
           CONSTRAINT shop_region FOREIGN KEY (city) REFERENCES region (id));",
    ),
    (
        Dialect::MySql,
        "a numbered key column moved into a wider key, and a numbered column dropped with its key",
        "CREATE TABLE visit (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, day date NOT NULL);
         CREATE TABLE hit (n int NOT NULL AUTO_INCREMENT, page int NOT NULL, PRIMARY KEY (n));",
        "CREATE TABLE visit (id bigint NOT NULL AUTO_INCREMENT, day date NOT NULL, PRIMARY KEY (id, day));
         CREATE TABLE hit (page int NOT NULL);",
    ),
    (
        Dialect::MySql,
        "index names spelled otherwise, full-text and spatial indexes, USING BTREE",
        "CREATE TABLE note (id int PRIMARY KEY, body text, at point NOT NULL,
           KEY Note_Body (body(20)) USING BTREE, FULLTEXT KEY words (body));",
        "CREATE TABLE note (id int PRIMARY KEY, body text, at point NOT NULL,
           KEY note_body (body(20)), SPATIAL KEY place (at));",
    ),
    (
        Dialect::Sqlite,
        "a table renamed to another spelling, with an index and a column added",
        "CREATE TABLE Orders (id integer PRIMARY KEY, total integer);
         CREATE INDEX orders_total ON Orders (total);",
        "CREATE TABLE ORDERS (id integer PRIMARY KEY, total integer, note text);
         CREATE INDEX ORDERS_TOTAL ON ORDERS (total);",
    ),
    (
        Dialect::PostgreSql,
        "serial columns retyped, added, dropped, and their tables renamed",
        "CREATE TABLE ticket (id bigserial PRIMARY KEY, seat smallserial);
         CREATE TABLE gate (id serial PRIMARY KEY);",
        "CREATE TABLE ticket (id serial PRIMARY KEY, seat integer, row_no serial);
         CREATE TABLE door (id serial PRIMARY KEY); -- @renamed from=gate",
    ),
    (
        Dialect::PostgreSql,
        "quoted and folded names of two tables, keys between them, comments, sized arrays",
        "CREATE TABLE \"Team\" (\"Id\" int PRIMARY KEY, tags text[3]);
         CREATE TABLE team (id int PRIMARY KEY, scores int[][]);",
        "CREATE TABLE \"Team\" (\"Id\" int PRIMARY KEY, tags text[], team_id int);
         CREATE TABLE team (id int PRIMARY KEY, scores int[], lead int REFERENCES \"Team\" (\"Id\"));
         ALTER TABLE \"Team\" ADD FOREIGN KEY (team_id) REFERENCES team (id);
         COMMENT ON TABLE \"Team\" IS 'quoted';
         COMMENT ON TABLE team IS 'folded';",
    ),
    (
        Dialect::PostgreSql,
        "domains added, removed, given a default and a check, and given a wider base type",
        "CREATE DOMAIN price AS numeric(10,2) CHECK (VALUE >= 0);
         CREATE DOMAIN code AS varchar(10);
         CREATE DOMAIN flag AS boolean DEFAULT false;
         CREATE TABLE item (id int PRIMARY KEY, cost price, sku code);",
        "CREATE DOMAIN price AS numeric(10,2) DEFAULT 0 CHECK (VALUE >= 0) CHECK (VALUE < 1000000);
         CREATE DOMAIN code AS varchar(20);
         CREATE DOMAIN email AS text CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');
         CREATE TABLE item (id int PRIMARY KEY, cost price, sku code, contact email);",
    ),
];

/// The cases of `dialect`, labelled `relvar:<dialect>:<name>`.
pub fn cases(dialect: Dialect) -> Vec<Case> {
    CASES
        .iter()
        .filter(|(of, ..)| *of == dialect)
        .map(|(_, name, current, desired)| Case {
            name: format!("relvar: {name}"),
            current: (*current).to_owned(),
            desired: (*desired).to_owned(),
        })
        .collect()
}
