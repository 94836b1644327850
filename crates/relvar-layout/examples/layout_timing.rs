//! Times the layered layout for `tests/bench/layout`: `layout_timing FILE [RUNS]` lays out the
//! tables of a SQL file, `layout_timing --generate N [RUNS]` a generated design of N tables. Prints
//! one JSON line: the nodes (id, name, box size, Relvar's position), the edges (child, parent) the
//! layout drew, and the median milliseconds of the runs.

use std::time::Instant;

use relvar_layout::{layered_crossings, layered_layout, layout_edges, table_size};
use relvar_model::{Column, Design, ForeignKey, ReferentialAction, Table, TableId};
use serde_json::json;

fn main() {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (design, rest) = match arguments.as_slice() {
        [flag, count, rest @ ..] if flag == "--generate" => match count.parse() {
            Ok(count) => (generated(count), rest),
            Err(_) => usage(),
        },
        [file, rest @ ..] => match std::fs::read(file) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes);
                let dialect = relvar_sql::detect_dialect(&text);
                (relvar_sql::import_sql(&text, dialect).design, rest)
            }
            Err(error) => {
                eprintln!("cannot read {file}: {error}");
                std::process::exit(1);
            }
        },
        [] => usage(),
    };
    let runs: usize = rest
        .first()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(5)
        .max(1);
    let mut times = Vec::with_capacity(runs);
    let mut positions = Default::default();
    for _ in 0..runs {
        let started = Instant::now();
        positions = layered_layout(&design, None);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let nodes: Vec<_> = design
        .tables
        .iter()
        .map(|table| {
            let size = table_size(table);
            let at = positions.get(&table.id).copied().unwrap_or_default();
            json!({
                "id": table.id.0,
                "name": table.display_name(),
                "width": size.width,
                "height": size.height,
                "x": at.x,
                "y": at.y,
            })
        })
        .collect();
    let edges: Vec<_> = layout_edges(&design, None)
        .into_iter()
        .map(|(child, parent)| [child.0, parent.0])
        .collect();
    let report = json!({
        "tables": design.tables.len(),
        "foreign_keys": design.foreign_keys.len(),
        "ms": median,
        "layer_crossings": layered_crossings(&design, None),
        "nodes": nodes,
        "edges": edges,
    });
    println!("{report}");
}

fn usage() -> ! {
    eprintln!("usage: layout_timing FILE [RUNS] | layout_timing --generate N [RUNS]");
    std::process::exit(1);
}

/// A small deterministic generator (a 64-bit linear congruential one, top bits).
struct Random(u64);

impl Random {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const WORDS: [&str; 16] = [
    "account",
    "order",
    "invoice",
    "product",
    "customer",
    "shipment",
    "payment",
    "address",
    "category",
    "review",
    "session",
    "event",
    "tag",
    "supplier",
    "warehouse",
    "line_item",
];
const COLUMN_TYPES: [(&str, &str); 8] = [
    ("name", "varchar(120)"),
    ("created_at", "timestamp with time zone"),
    ("amount", "numeric(12,2)"),
    ("status", "text"),
    ("is_active", "boolean"),
    ("description", "text"),
    ("quantity", "integer"),
    ("external_reference", "uuid"),
];

/// `count` tables of 10 columns and about 1.25 × `count` foreign keys: a connected core of about
/// 55% of the tables (new tables reference earlier ones, often the popular ones; a few keys point
/// forward and close cycles), small components of 2 to 12 tables, and some lone tables.
fn generated(count: usize) -> Design {
    let mut random = Random(0x5eed_1a70);
    let mut design = Design::default();
    for index in 0..count {
        let id = design.ids.table();
        let word = WORDS.get(random.below(WORDS.len())).copied().unwrap_or("t");
        let mut table = Table::new(id, None, format!("{word}_{index}"));
        for column in 0..10 {
            let column_id = design.ids.column();
            let (name, data_type) = if column == 0 {
                ("id", "bigint")
            } else {
                COLUMN_TYPES
                    .get(random.below(COLUMN_TYPES.len()))
                    .copied()
                    .unwrap_or(("c", "int"))
            };
            table.columns.push(Column::new(
                column_id,
                format!("{name}_{column}"),
                data_type,
            ));
        }
        design.tables.push(table);
    }
    let ids: Vec<TableId> = design.tables.iter().map(|table| table.id).collect();
    let core = count * 55 / 100;
    let lone = count / 20;
    let mut keys: Vec<(usize, usize)> = Vec::new();
    for child in 1..core {
        let parent = match keys.get(random.below(keys.len())) {
            Some(&(_, popular)) if random.chance(50) => popular,
            _ => random.below(child),
        };
        keys.push((child, parent));
    }
    let mut start = core;
    while start < count.saturating_sub(lone) {
        let size = (2 + random.below(11)).min(count - lone - start);
        for offset in 1..size {
            keys.push((start + offset, start + random.below(offset)));
        }
        start += size;
    }
    while keys.len() < count * 5 / 4 && core > 1 {
        let (a, b) = (random.below(core), random.below(core));
        if a == b {
            continue;
        }
        let (child, parent) = if random.chance(3) {
            (a.min(b), a.max(b))
        } else {
            (a.max(b), a.min(b))
        };
        keys.push((child, parent));
    }
    for (child, parent) in keys {
        let (Some(&from_table), Some(&to_table)) = (ids.get(child), ids.get(parent)) else {
            continue;
        };
        let id = design.ids.foreign_key();
        design.foreign_keys.push(ForeignKey {
            id,
            name: None,
            from_table,
            from_columns: Vec::new(),
            to_table,
            to_columns: Vec::new(),
            on_delete: ReferentialAction::NoAction,
            on_update: ReferentialAction::NoAction,
            deferral: Default::default(),
        });
    }
    design
}
