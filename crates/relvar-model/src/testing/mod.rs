//! Random consistent designs using every part of the model, for property tests here and in the
//! crates that depend on the model (feature `testing`), and random edits of them (`edits`).

#[allow(
    clippy::indexing_slicing,
    reason = "test generators index their own constant tables by a remainder"
)]
mod edit_settings;
#[allow(
    clippy::indexing_slicing,
    reason = "test generators index their own constant tables by a remainder"
)]
pub mod edits;

use proptest::prelude::*;

use crate::{
    AreaId, CheckConstraint, Column, ColumnId, Decision, DecisionStatus, DeclaredDependency,
    Deferral, DependencyKind, Design, Dialect, Domain, EnumType, ForeignKey, ForeignKeyId,
    GeneratedColumn, Identity, Index, IndexKey, IndexKind, IndexPart, Note, NoteId, PartitionOf,
    Point, PrimaryKey, ReferentialAction, Sequence, SequenceOwner, SubjectArea, Table, TableId,
    UniqueConstraint, UnmodelledStatement, View, WorkloadQuery,
};

/// Short names, any Unicode text (quotes, controls, emoji), or nothing.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![3 => "[a-z_]{1,8}", 1 => "\\PC{0,10}", 1 => any::<String>(), 1 => Just(String::new())]
}

fn maybe_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

/// Whole coordinates (what the layout gives), fractions (what a drag at some zoom gives),
/// extremes and negative zero.
pub fn coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-5000i32..5000).prop_map(f64::from),
        -1e5f64..1e5,
        Just(-0.0),
        Just(1e300),
        Just(f64::MIN_POSITIVE),
        Just(9_007_199_254_740_993.0),
    ]
}

fn point() -> impl Strategy<Value = Point> {
    (coordinate(), coordinate()).prop_map(|(x, y)| Point::new(x, y))
}

#[derive(Debug, Clone)]
pub struct ColumnSeed {
    name: String,
    data_type: String,
    nullable: bool,
    default: Option<String>,
    identity: Option<Identity>,
    generated: Option<(String, bool)>,
    collation: Option<String>,
    comment: Option<String>,
    verbatim: Vec<String>,
}

fn column_seed() -> impl Strategy<Value = ColumnSeed> {
    (
        (text(), text(), any::<bool>(), maybe_text()),
        (
            prop::option::of(prop::sample::select(vec![
                Identity::Always,
                Identity::ByDefault,
            ])),
            prop::option::of((text(), any::<bool>())),
            maybe_text(),
            maybe_text(),
            prop::collection::vec(text(), 0..2),
        ),
    )
        .prop_map(
            |(
                (name, data_type, nullable, default),
                (identity, generated, collation, comment, verbatim),
            )| {
                ColumnSeed {
                    name,
                    data_type,
                    nullable,
                    default,
                    identity,
                    generated,
                    collation,
                    comment,
                    verbatim,
                }
            },
        )
}

/// Texts a table seed hands out: names, comments, partition clauses, verbatim parts.
type TableTexts = (
    Option<String>,
    Option<String>,
    Option<String>,
    Vec<String>,
    Vec<String>,
);

#[derive(Debug, Clone)]
pub struct TableSeed {
    schema: Option<String>,
    name: String,
    columns: Vec<ColumnSeed>,
    texts: TableTexts,
    /// Choices of columns for keys, uniques, indexes, dependencies.
    picks: [u8; 8],
    flags: u8,
}

fn table_seed() -> impl Strategy<Value = TableSeed> {
    (
        maybe_text(),
        text(),
        prop::collection::vec(column_seed(), 0..5),
        (
            maybe_text(),
            maybe_text(),
            maybe_text(),
            prop::collection::vec(text(), 0..2),
            prop::collection::vec(text(), 0..2),
        ),
        any::<[u8; 8]>(),
        any::<u8>(),
    )
        .prop_map(|(schema, name, columns, texts, picks, flags)| TableSeed {
            schema,
            name,
            columns,
            texts,
            picks,
            flags,
        })
}

#[derive(Debug, Clone)]
pub struct DesignSeed {
    name: String,
    dialect: Option<Dialect>,
    schemas: Vec<String>,
    tables: Vec<TableSeed>,
    links: Vec<(u8, u8, u8, u8)>,
    /// Gaps between ids: an id is not always one more than the one before.
    gaps: Vec<u8>,
    notes: Vec<(String, Point, Option<String>)>,
    areas: Vec<(String, String, u8)>,
    positions: Vec<Option<Point>>,
    extras: (Vec<String>, Vec<(String, String, String)>, u8),
}

pub fn design_seed() -> impl Strategy<Value = DesignSeed> {
    (
        (
            text(),
            prop::option::of(prop::sample::select(Dialect::ALL.to_vec())),
            prop::collection::vec(text(), 0..2),
        ),
        prop::collection::vec(table_seed(), 0..5),
        prop::collection::vec(any::<(u8, u8, u8, u8)>(), 0..4),
        prop::collection::vec(any::<u8>(), 16),
        prop::collection::vec((text(), point(), maybe_text()), 0..3),
        prop::collection::vec((text(), text(), any::<u8>()), 0..3),
        prop::collection::vec(prop::option::of(point()), 5),
        (
            prop::collection::vec(text(), 0..3),
            prop::collection::vec((text(), text(), text()), 0..2),
            any::<u8>(),
        ),
    )
        .prop_map(
            |((name, dialect, schemas), tables, links, gaps, notes, areas, positions, extras)| {
                DesignSeed {
                    name,
                    dialect,
                    schemas,
                    tables,
                    links,
                    gaps,
                    notes,
                    areas,
                    positions,
                    extras,
                }
            },
        )
}

struct Ids<'a> {
    next: u32,
    gaps: &'a [u8],
    taken: usize,
}

impl Ids<'_> {
    fn take(&mut self) -> u32 {
        let gap = self
            .gaps
            .get(self.taken % self.gaps.len().max(1))
            .copied()
            .unwrap_or(0);
        self.taken += 1;
        self.next += if gap % 4 == 0 { u32::from(gap) + 1 } else { 0 };
        let id = self.next;
        self.next += 1;
        id
    }
}

fn pick<T: Copy>(items: &[T], choice: u8) -> Option<T> {
    items.get(usize::from(choice) % items.len().max(1)).copied()
}

const ACTIONS: [ReferentialAction; 5] = [
    ReferentialAction::NoAction,
    ReferentialAction::Restrict,
    ReferentialAction::Cascade,
    ReferentialAction::SetNull,
    ReferentialAction::SetDefault,
];
const DEFERRALS: [Deferral; 3] = [
    Deferral::NotDeferrable,
    Deferral::DeferrableImmediate,
    Deferral::DeferrableDeferred,
];

/// A consistent design built from the seed: every reference names an object of the design.
pub fn build(seed: &DesignSeed) -> Design {
    let mut ids = Ids {
        next: 0,
        gaps: &seed.gaps,
        taken: 0,
    };
    let mut design = Design {
        name: seed.name.clone(),
        source_dialect: seed.dialect,
        schemas: seed.schemas.clone(),
        ..Design::default()
    };
    for table_seed in &seed.tables {
        let mut table = Table::new(
            TableId(ids.take()),
            table_seed.schema.clone(),
            table_seed.name.clone(),
        );
        for c in &table_seed.columns {
            let mut column = Column::new(ColumnId(ids.take()), c.name.clone(), c.data_type.clone());
            column.nullable = c.nullable;
            column.default = c.default.clone();
            column.identity = c.identity;
            column.generated = c
                .generated
                .clone()
                .map(|(expression, stored)| GeneratedColumn { expression, stored });
            column.collation = c.collation.clone();
            column.comment = c.comment.clone();
            column.verbatim = c.verbatim.clone();
            table.columns.push(column);
        }
        let columns: Vec<ColumnId> = table.columns.iter().map(|c| c.id).collect();
        let p = &table_seed.picks;
        let flags = table_seed.flags;
        let chosen = |from: u8| -> Vec<ColumnId> {
            let count = usize::from(from % 3);
            (0..count)
                .filter_map(|k| pick(&columns, from.wrapping_add(k as u8 * 7)))
                .collect()
        };
        if flags & 1 != 0 && !columns.is_empty() {
            table.primary_key = Some(PrimaryKey {
                name: (flags & 2 != 0).then(|| table_seed.name.clone()),
                columns: chosen(p[0])
                    .into_iter()
                    .chain(pick(&columns, p[1]))
                    .collect(),
            });
        }
        if flags & 4 != 0 {
            table.uniques.push(UniqueConstraint {
                name: table_seed.texts.0.clone(),
                columns: chosen(p[2]),
            });
        }
        if flags & 8 != 0 {
            table.checks.push(CheckConstraint {
                name: table_seed.texts.1.clone(),
                expression: table_seed.name.clone(),
            });
        }
        if flags & 16 != 0 {
            let mut parts: Vec<IndexPart> = chosen(p[3])
                .into_iter()
                .map(|id| IndexPart {
                    key: IndexKey::Column(id),
                    prefix: (p[4] % 2 == 0).then_some(u32::from(p[4])),
                    descending: p[5] % 2 == 0,
                    operator_class: None,
                    collation: None,
                })
                .collect();
            parts.push(IndexPart {
                key: IndexKey::Expression(table_seed.name.clone()),
                prefix: None,
                descending: flags & 32 != 0,
                operator_class: None,
                collation: None,
            });
            table.indexes.push(Index {
                name: table_seed.texts.2.clone(),
                unique: flags & 64 != 0,
                method: table_seed.texts.0.clone(),
                parts,
                include: chosen(p[6]),
                predicate: table_seed.texts.1.clone(),
                kind: [
                    None,
                    Some(IndexKind::Clustered),
                    Some(IndexKind::ClusteredColumnstore),
                    Some(IndexKind::Columnstore),
                ]
                .get(usize::from(p[6] % 4))
                .copied()
                .flatten(),
                verbatim_options: table_seed.texts.4.clone(),
            });
        }
        if flags & 128 != 0 {
            table.partition_by = table_seed.texts.2.clone();
            table.partition_of = Some(PartitionOf {
                parent: table_seed.name.clone(),
                bound: "DEFAULT".into(),
            });
            table.colour = Some("#3b6fd8".into());
        }
        table.comment = table_seed.texts.1.clone();
        table.verbatim_elements = table_seed.texts.3.clone();
        table.verbatim_options = table_seed.texts.4.clone();
        if let Some(rhs) = pick(&columns, p[7]) {
            let kind = if p[7] % 2 == 0 {
                DependencyKind::Functional
            } else {
                DependencyKind::Multivalued
            };
            table.dependencies.push(DeclaredDependency {
                kind,
                lhs: chosen(p[6]),
                rhs: vec![rhs],
            });
        }
        design.tables.push(table);
    }
    let table_ids: Vec<TableId> = design.tables.iter().map(|t| t.id).collect();
    for &(from, to, length, actions) in &seed.links {
        let (Some(from), Some(to)) = (pick(&table_ids, from), pick(&table_ids, to)) else {
            continue;
        };
        let columns = |table: TableId| -> Vec<ColumnId> {
            design
                .table(table)
                .map(|t| t.columns.iter().map(|c| c.id).collect())
                .unwrap_or_default()
        };
        let (from_columns, to_columns) = (columns(from), columns(to));
        let length = usize::from(length % 3)
            .max(1)
            .min(from_columns.len())
            .min(to_columns.len());
        if length == 0 {
            continue;
        }
        design.foreign_keys.push(ForeignKey {
            id: ForeignKeyId(ids.take()),
            name: (actions % 3 == 0).then(|| format!("fk_{actions}")),
            from_table: from,
            from_columns: from_columns.iter().take(length).copied().collect(),
            to_table: to,
            to_columns: to_columns
                .iter()
                .skip(to_columns.len().saturating_sub(length))
                .copied()
                .collect(),
            on_delete: pick(&ACTIONS, actions).unwrap_or_default(),
            on_update: pick(&ACTIONS, actions / 5).unwrap_or_default(),
            deferral: pick(&DEFERRALS, actions / 25).unwrap_or_default(),
        });
    }
    for (table, position) in table_ids.iter().zip(&seed.positions) {
        if let Some(point) = position {
            design.layout.positions.insert(*table, *point);
        }
    }
    let (texts, views, flags) = &seed.extras;
    if let Some(table) = pick(&table_ids, *flags) {
        design.layout.collapsed.insert(table);
    }
    for (text, at, colour) in &seed.notes {
        design.notes.push(Note {
            id: NoteId(ids.take()),
            text: text.clone(),
            at: *at,
            colour: colour.clone(),
        });
    }
    for (name, colour, members) in &seed.areas {
        let tables = table_ids
            .iter()
            .enumerate()
            .filter(|(k, _)| members & (1 << (k % 8)) != 0)
            .map(|(_, id)| *id)
            .collect();
        design.areas.push(SubjectArea {
            id: AreaId(ids.take()),
            name: name.clone(),
            colour: colour.clone(),
            tables,
        });
    }
    for (number, text) in texts.iter().enumerate() {
        design.enums.push(EnumType {
            schema: (flags & 1 != 0).then(|| text.clone()),
            name: format!("e{number}"),
            values: texts.clone(),
        });
        design.domains.push(Domain {
            schema: None,
            name: text.clone(),
            data_type: "integer".into(),
            collation: (flags & 2 != 0).then(|| text.clone()),
            default: Some(text.clone()),
            checks: vec![CheckConstraint {
                name: None,
                expression: "VALUE > 0".into(),
            }],
        });
        design.sequences.push(Sequence {
            name: text.clone(),
            start: Some(i64::from(*flags) - 100),
            cycle: flags & 4 != 0,
            owned_by: Some(SequenceOwner {
                table: text.clone(),
                column: "id".into(),
            }),
            ..Sequence::default()
        });
        design.unmodelled.push(UnmodelledStatement {
            line: number as u32 + 1,
            text: text.clone(),
            reason: "kept".into(),
        });
    }
    for (number, (name, sql, read)) in views.iter().enumerate() {
        design.views.push(View {
            schema: None,
            name: name.clone(),
            materialized: number % 2 == 0,
            sql: sql.clone(),
            reads: vec![read.clone()],
            line: 7,
        });
    }
    for (number, (sql, title, context)) in views.iter().enumerate() {
        design.workload.push(WorkloadQuery::new(
            sql.clone(),
            u32::from(*flags) * 1_000 + number as u32 + 1,
        ));
        design.decisions.push(Decision {
            title: title.clone(),
            status: DecisionStatus::ALL
                .get((usize::from(*flags) + number) % 5)
                .copied()
                .unwrap_or_default(),
            date: if flags & 8 != 0 {
                "2026-12-02".into()
            } else {
                String::new()
            },
            context: context.clone(),
            decision: sql.clone(),
            consequences: title.clone(),
        });
    }
    design.review_disabled.extend(texts.iter().cloned());
    if let Some(table) = design.tables.first_mut() {
        table.expected_rows = (flags & 16 != 0).then(|| u64::from(*flags) << 28);
    }
    design.ids.ensure_above(ids.next);
    design
}
