//! Times the schema review for `tests/bench/review`: `review_timing [TABLES] [RUNS] [QUERIES]`
//! generates a deterministic PostgreSQL design of TABLES tables (1,000 by default: mixed types,
//! foreign keys to earlier tables, some cascading, indexes on most of them, a few missing) and a
//! workload of QUERIES queries over it (200 by default: lookups by foreign key sorted by date,
//! expression, range, join, containment, grouping and write queries, some with the shapes the
//! query review reports), reviews it and advises on its indexes RUNS times (default 15) and
//! prints one JSON line: the design's size, the findings per rule, the median milliseconds of
//! review plus index advice (`review_ms`), of the schema review alone (`schema_review_ms`), of
//! the advice alone (`advice_ms`), of building the review's lookups alone (`context_ms`), and
//! of each rule alone beyond that.

use std::collections::BTreeMap;
use std::time::Instant;

use relvar_analysis::rules::ALL;
use relvar_analysis::workload::{Workload, WorkloadQuery};
use relvar_analysis::{AdvisorOptions, IncrementalReview, ReviewOptions, advise, review};
use relvar_model::{
    Column, Design, ForeignKey, Identity, Index, PrimaryKey, ReferentialAction, Table,
    UniqueConstraint,
};
use serde_json::json;

const ENTITIES: &[&str] = &[
    "customer",
    "order",
    "invoice",
    "product",
    "supplier",
    "shipment",
    "payment",
    "account",
    "address",
    "store",
    "employee",
    "category",
    "review",
    "session",
    "event",
    "warehouse",
];
const ATTRIBUTES: &[(&str, &str)] = &[
    ("name", "text"),
    ("email", "varchar(255)"),
    ("created_at", "timestamptz"),
    ("updated_at", "timestamp"),
    ("total_amount", "numeric(12,2)"),
    ("unit_price", "double precision"),
    ("quantity", "integer"),
    ("is_active", "boolean"),
    ("status", "text"),
    ("payload", "jsonb"),
    ("metadata", "json"),
    ("code", "char(3)"),
    ("description", "text"),
    ("birth_date", "date"),
    ("score", "bigint"),
    ("phone1", "text"),
];

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

fn generate(count: usize) -> Design {
    let mut design = Design {
        source_dialect: Some(relvar_model::Dialect::PostgreSql),
        ..Design::default()
    };
    let mut random = Lcg(42);
    let mut keys = Vec::new();
    for n in 0..count {
        let id = design.ids.table();
        let entity = pick(ENTITIES, n, "table");
        let mut table = Table::new(id, Some("public".into()), format!("{entity}_{n}"));
        let key = design.ids.column();
        let mut key_column = Column::new(key, "id", if n % 10 == 0 { "uuid" } else { "integer" });
        key_column.nullable = false;
        if n % 10 == 0 {
            key_column.default = Some("gen_random_uuid()".into());
        } else {
            key_column.identity = Some(Identity::ByDefault);
        }
        table.columns.push(key_column);
        // Capacity estimates on a fifth of the tables, some past half of 2^31.
        if n % 5 == 1 {
            table.expected_rows = Some(if n % 3 == 0 {
                3_000_000_000
            } else {
                50_000_000
            });
        }
        table.primary_key = Some(PrimaryKey {
            name: None,
            columns: vec![key],
        });
        let references = if n == 0 { 0 } else { random.next(4) };
        for _ in 0..references {
            let target: usize = random.next(n);
            let Some(&(target_id, target_key, target_type)) = keys.get(target) else {
                continue;
            };
            let column = design.ids.column();
            let name = format!("{}_{target}_id", pick(ENTITIES, target, "table"));
            if table.columns.iter().any(|c: &Column| c.name == name) {
                continue;
            }
            table.columns.push(Column::new(column, name, target_type));
            if random.next(10) < 9 {
                design.foreign_keys.push(ForeignKey {
                    id: design.ids.foreign_key(),
                    name: None,
                    from_table: id,
                    from_columns: vec![column],
                    to_table: target_id,
                    to_columns: vec![target_key],
                    on_delete: if random.next(4) == 0 {
                        ReferentialAction::Cascade
                    } else {
                        ReferentialAction::NoAction
                    },
                    on_update: ReferentialAction::NoAction,
                    deferral: Default::default(),
                });
            }
            if random.next(10) < 7 {
                table.indexes.push(index(&[column], false));
            }
        }
        for _ in 0..3 + random.next(20) {
            let (name, data_type) =
                pick(ATTRIBUTES, random.next(ATTRIBUTES.len()), ("note", "text"));
            if table.columns.iter().any(|c| c.name == name) {
                continue;
            }
            table
                .columns
                .push(Column::new(design.ids.column(), name, data_type));
        }
        let plain: Vec<_> = table.columns.iter().skip(1).map(|c| c.id).collect();
        if let Some(&first) = plain.first() {
            if random.next(3) == 0 {
                table.uniques.push(UniqueConstraint {
                    name: None,
                    columns: vec![first],
                });
            }
            if let Some(&second) = plain.get(1) {
                table.indexes.push(index(&[first, second], false));
                if random.next(5) == 0 {
                    table.indexes.push(index(&[first], false));
                }
            }
        }
        keys.push((id, key, if n % 10 == 0 { "uuid" } else { "integer" }));
        design.tables.push(table);
    }
    design
}

/// The item at `n` modulo the length, or `otherwise` for an empty list.
fn pick<T: Copy>(items: &[T], n: usize, otherwise: T) -> T {
    items
        .get(n % items.len().max(1))
        .copied()
        .unwrap_or(otherwise)
}

fn index(columns: &[relvar_model::ColumnId], unique: bool) -> Index {
    Index {
        unique,
        ..Index::on_columns(columns)
    }
}

fn median_ms(runs: usize, mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            work();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// QUERIES queries over the design's tables, each shaped after what the table has.
fn workload(design: &Design, count: usize) -> Workload {
    let mut queries = Vec::new();
    let tables = &design.tables;
    for n in 0..count {
        let Some(table) = tables.get(n * 37 % tables.len().max(1)) else {
            break;
        };
        let name = &table.name;
        let has = |column: &str| table.columns.iter().any(|c| c.name == column);
        let foreign_key = table.columns.iter().find(|c| c.name.ends_with("_id"));
        let sql = match (n % 8, foreign_key) {
            (0, Some(fk)) if has("created_at") => format!(
                "SELECT id, created_at FROM {name} WHERE {} = $1 ORDER BY created_at DESC LIMIT 20",
                fk.name
            ),
            (1, _) if has("email") => {
                format!("SELECT id FROM {name} WHERE lower(email) = lower($1)")
            }
            (2, Some(fk)) if has("status") => format!(
                "SELECT t.id, p.id FROM {name} t JOIN {} p ON p.id = t.{} WHERE t.status = 'active' AND t.quantity > $1",
                fk.name.trim_end_matches("_id").rsplit_once('_').map_or(
                    name.as_str(),
                    |(entity, number)| {
                        tables
                            .get(number.parse::<usize>().unwrap_or(0))
                            .map_or(entity, |t| t.name.as_str())
                    }
                ),
                fk.name
            ),
            (3, _) if has("name") => format!("SELECT * FROM {name} WHERE name LIKE '%a%'"),
            (4, _) if has("status") => format!("UPDATE {name} SET status = $1 WHERE id = $2"),
            (5, _) if has("created_at") && has("status") => format!(
                "SELECT status, count(*) FROM {name} WHERE created_at BETWEEN $1 AND $2 GROUP BY status"
            ),
            (6, _) if has("payload") => format!("SELECT id FROM {name} WHERE payload @> $1"),
            _ => format!(
                "SELECT id FROM {name} WHERE id = $1 OR score > $2 ORDER BY id LIMIT 10 OFFSET 2000"
            ),
        };
        queries.push(WorkloadQuery::new(sql, 1 + (n % 5) as u32));
    }
    Workload::new(queries)
}

fn main() {
    let arguments: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|argument| argument.parse().ok())
        .collect();
    let tables = arguments.first().copied().unwrap_or(1000);
    let runs = arguments.get(1).copied().unwrap_or(15).max(1);
    let query_count = arguments.get(2).copied().unwrap_or(200);
    let design = generate(tables);
    let queries = workload(&design, query_count);
    let options = ReviewOptions::default();
    let advisor = AdvisorOptions::default();
    let findings = review(&design, &options);
    let advice = advise(&design, &queries, &advisor);
    let review_ms = median_ms(runs, || {
        std::hint::black_box(review(&design, &options));
        std::hint::black_box(advise(&design, &queries, &advisor));
    });
    let schema_review_ms = median_ms(runs, || {
        std::hint::black_box(review(&design, &options));
    });
    let advice_ms = median_ms(runs, || {
        std::hint::black_box(advise(&design, &queries, &advisor));
    });
    // After one edit (a column's nullability in the middle table, switched each run), the
    // incremental review of the design as it is then.
    let mut edited = design.clone();
    let mut incremental = IncrementalReview::new();
    incremental.review_with_advice(&edited, &options, None);
    let middle = edited.tables.len() / 2;
    let incremental_ms = median_ms(runs, || {
        if let Some(column) = edited
            .tables
            .get_mut(middle)
            .and_then(|table| table.columns.last_mut())
        {
            column.nullable = !column.nullable;
        }
        std::hint::black_box(incremental.review_with_advice(&edited, &options, None));
    });
    // The lookups every review builds, with no rule run.
    let nothing = ReviewOptions {
        disabled: ALL.iter().map(|rule| rule.info.code.to_owned()).collect(),
    };
    let context_ms = median_ms(runs, || {
        std::hint::black_box(review(&design, &nothing));
    });
    let mut per_rule = BTreeMap::new();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for finding in &findings {
        *counts.entry(finding.code).or_default() += 1;
    }
    for rule in ALL {
        let alone = ReviewOptions {
            disabled: ALL
                .iter()
                .filter(|other| other.info.code != rule.info.code)
                .map(|other| other.info.code.to_owned())
                .collect(),
        };
        let ms = median_ms(runs, || {
            std::hint::black_box(review(&design, &alone));
        });
        let alone_ms = (ms - context_ms).max(0.0);
        per_rule.insert(
            rule.info.code,
            json!({ "name": rule.info.name, "ms": alone_ms }),
        );
    }
    let columns: usize = design.tables.iter().map(|table| table.columns.len()).sum();
    let indexes: usize = design.tables.iter().map(|table| table.indexes.len()).sum();
    println!(
        "{}",
        json!({
            "tables": design.tables.len(),
            "columns": columns,
            "foreign_keys": design.foreign_keys.len(),
            "indexes": indexes,
            "findings": findings.len(),
            "findings_by_rule": counts,
            "runs": runs,
            "queries": queries.queries.len(),
            "recommendations": advice.recommendations.len(),
            "unused_indexes": advice.unused_indexes.len(),
            "query_notes": advice.query_notes.len(),
            "parse_findings": advice.parse_findings.len(),
            "review_ms": review_ms,
            "schema_review_ms": schema_review_ms,
            "incremental_ms": incremental_ms,
            "advice_ms": advice_ms,
            "context_ms": context_ms,
            "rules": per_rule,
        })
    );
}
