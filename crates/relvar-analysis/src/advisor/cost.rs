//! The write cost of a recommended index: how wide its entries are, how many indexes every
//! insert on the table then maintains, how much of the workload writes the table, and whether
//! updates in the workload change its key columns (which forces index maintenance on update).

use relvar_model::{ColumnId, Table};

use crate::workload::{ExtractedQuery, QueryKind};

/// How much an index adds to the cost of writing its table.
#[derive(Debug, Clone, PartialEq)]
pub struct WriteCost {
    /// Estimated bytes per index entry (key and INCLUDE columns plus the entry header).
    pub entry_bytes: u32,
    /// Indexes the table has with this one (its primary key and unique constraints counted).
    pub indexes_on_table: usize,
    /// Share (0 to 1) of the workload's frequency that inserts, updates or deletes the table.
    pub write_share: f64,
    /// Whether an UPDATE of the workload sets a column of the index.
    pub updates_key_columns: bool,
    pub level: CostLevel,
}

/// A summary of [`WriteCost`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CostLevel {
    Low,
    Medium,
    High,
}

impl CostLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Medium => "medium",
            Self::High => "high",
        }
    }
}

impl WriteCost {
    /// One line: `low: ~20 B per entry, index 3 of rental, 5% of the workload writes rental`.
    pub fn describe(&self, table: &str) -> String {
        let mut text = format!(
            "{}: ~{} B per entry, index {} of {table}, {:.0}% of the workload writes {table}",
            self.level.as_str(),
            self.entry_bytes,
            self.indexes_on_table,
            self.write_share * 100.0
        );
        if self.updates_key_columns {
            text.push_str("; updates change its columns");
        }
        text
    }
}

/// Bytes of an index entry's header and row pointer.
const ENTRY_HEADER: u32 = 8;

/// The estimate for an index over `columns` (key and INCLUDE; expressions count as text).
pub fn estimate(
    table: &Table,
    columns: &[ColumnId],
    expressions: usize,
    indexes_on_table: usize,
    queries: &[ExtractedQuery],
    total_frequency: u64,
) -> WriteCost {
    let widths: u32 = columns
        .iter()
        .map(|id| {
            table
                .columns
                .iter()
                .find(|column| column.id == *id)
                .and_then(|column| column_width(&column.data_type))
                .unwrap_or(TEXT_WIDTH)
        })
        .sum();
    let entry_bytes = ENTRY_HEADER
        + widths
        + TEXT_WIDTH * u32::try_from(expressions).unwrap_or(u32::MAX / TEXT_WIDTH);
    let mut writes: u64 = 0;
    let mut updates_key_columns = false;
    for query in queries {
        let shape = &query.shape;
        if shape.written_table != Some(table.id) {
            continue;
        }
        if matches!(
            shape.kind,
            QueryKind::Insert | QueryKind::Update | QueryKind::Delete
        ) {
            writes += u64::from(query.frequency);
        }
        if shape.kind == QueryKind::Update
            && shape.written_columns.iter().any(|c| columns.contains(c))
        {
            updates_key_columns = true;
        }
    }
    let write_share = writes as f64 / total_frequency.max(1) as f64;
    let level = if write_share >= 0.3 || indexes_on_table >= 8 || entry_bytes > 64 {
        CostLevel::High
    } else if write_share < 0.05
        && entry_bytes <= 32
        && indexes_on_table <= 4
        && !updates_key_columns
    {
        CostLevel::Low
    } else {
        CostLevel::Medium
    };
    WriteCost {
        entry_bytes,
        indexes_on_table,
        write_share,
        updates_key_columns,
        level,
    }
}

/// What a text-like value is taken to occupy.
const TEXT_WIDTH: u32 = 32;

/// Bytes a value of a type takes in an index entry, roughly; `None` for types whose width is
/// unknown or large (text without a length, json, arrays).
pub fn column_width(data_type: &str) -> Option<u32> {
    let lower = data_type.trim().to_ascii_lowercase();
    if lower.ends_with("[]") {
        return None;
    }
    let base = lower.split('(').next().unwrap_or_default().trim();
    let length = lower
        .split_once('(')
        .and_then(|(_, rest)| rest.split([')', ',']).next())
        .and_then(|n| n.trim().parse::<u32>().ok());
    let width = match base {
        "boolean" | "bool" | "bit" | "tinyint" => 1,
        "smallint" | "int2" | "smallserial" | "year" => 2,
        "integer" | "int" | "int4" | "serial" | "mediumint" | "real" | "float4" | "date" => 4,
        "bigint"
        | "int8"
        | "bigserial"
        | "double precision"
        | "float8"
        | "float"
        | "money"
        | "time"
        | "time without time zone"
        | "interval" => 8,
        "timestamp"
        | "timestamptz"
        | "timestamp with time zone"
        | "timestamp without time zone"
        | "datetime"
        | "datetime2" => 8,
        "numeric" | "decimal" => 8,
        "uuid" | "uniqueidentifier" => 16,
        "char" | "character" | "varchar" | "character varying" | "nvarchar" | "nchar" => {
            return length.map(|n| n.min(64) + 1);
        }
        _ => return None,
    };
    Some(width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_of_common_types() {
        assert_eq!(column_width("integer"), Some(4));
        assert_eq!(column_width("timestamp with time zone"), Some(8));
        assert_eq!(column_width("numeric(5,2)"), Some(8));
        assert_eq!(column_width("varchar(10)"), Some(11));
        assert_eq!(column_width("text"), None);
        assert_eq!(column_width("integer[]"), None);
    }
}
