//! The sample prepared for the algorithms: per column a stripped partition (the groups of two or
//! more rows sharing a value) and, per row, its group number in every column ("compressed
//! records"), with NULLs made unequal to everything when the NULL rule says so.

use super::column_set::ColumnSet;
use super::table::SampleTable;

/// In a compressed record: the row is alone with its value in this column.
pub const UNIQUE: u32 = u32::MAX;

/// Whether two NULLs are equal. Which fields are NULL is [`NullRule::marker`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum NullEquality {
    /// NULL = NULL: a NULL is a value like any other (desbordante's default).
    #[default]
    Equal,
    /// NULL ≠ NULL, as in SQL: a NULL field equals no other field, NULL or not.
    Distinct,
}

/// What counts as NULL, and whether NULLs are equal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NullRule {
    /// The text of a NULL field: `Some("")` for empty fields, `Some("NULL")`, `Some("\\N")`...
    /// `None` (the default): no field is NULL, and the empty string is a value.
    pub marker: Option<String>,
    pub equality: NullEquality,
}

/// Groups of two or more rows, each group the rows sharing one value (or value combination).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Partition {
    rows: Vec<u32>,
    ends: Vec<u32>,
}

impl Partition {
    /// Builds from groups; groups of fewer than two rows are dropped.
    pub fn from_groups<'a>(groups: impl IntoIterator<Item = &'a [u32]>) -> Self {
        let mut partition = Self::default();
        for group in groups {
            partition.push_group(group);
        }
        partition
    }

    pub fn push_group(&mut self, group: &[u32]) {
        if group.len() >= 2 {
            self.rows.extend_from_slice(group);
            self.ends.push(self.rows.len() as u32);
        }
    }

    pub fn groups(&self) -> impl Iterator<Item = &[u32]> {
        let mut start = 0usize;
        self.ends.iter().map(move |end| {
            let group = self.rows.get(start..*end as usize).unwrap_or_default();
            start = *end as usize;
            group
        })
    }

    /// The same groups with their rows replaced (same sizes, e.g. reordered within each group).
    pub fn with_rows(&self, rows: Vec<u32>) -> Self {
        Self {
            rows,
            ends: self.ends.clone(),
        }
    }

    /// Rows in groups.
    pub fn size(&self) -> usize {
        self.rows.len()
    }

    pub fn group_count(&self) -> usize {
        self.ends.len()
    }
}

/// The sample as the algorithms read it.
#[derive(Debug, Clone)]
pub struct Relation {
    pub column_count: usize,
    pub row_count: usize,
    /// One stripped partition per column.
    pub partitions: Vec<Partition>,
    /// Row-major: `records[row * column_count + column]` is the row's group in that column's
    /// partition, or [`UNIQUE`].
    records: Vec<u32>,
}

impl Relation {
    pub fn new(table: &SampleTable, nulls: &NullRule) -> Self {
        let column_count = table.column_count();
        let row_count = table.row_count;
        let mut records = vec![UNIQUE; row_count * column_count];
        let mut partitions = Vec::with_capacity(column_count);
        for (column_index, column) in table.columns.iter().enumerate() {
            let null_number = match (&nulls.marker, nulls.equality) {
                (Some(marker), NullEquality::Distinct) => column.value_number(marker),
                _ => None,
            };
            let partition = column_partition(&column.rows, column.texts.len(), null_number);
            for (group_number, group) in partition.groups().enumerate() {
                for row in group {
                    if let Some(cell) = records.get_mut(*row as usize * column_count + column_index)
                    {
                        *cell = group_number as u32;
                    }
                }
            }
            partitions.push(partition);
        }
        Self {
            column_count,
            row_count,
            partitions,
            records,
        }
    }

    /// The row's groups, one per column.
    pub fn record(&self, row: u32) -> &[u32] {
        let start = row as usize * self.column_count;
        self.records
            .get(start..start + self.column_count)
            .unwrap_or_default()
    }

    /// The row's group in one column.
    pub fn cell(&self, row: u32, column: usize) -> u32 {
        self.records
            .get(row as usize * self.column_count + column)
            .copied()
            .unwrap_or(UNIQUE)
    }

    pub fn all_columns(&self) -> ColumnSet {
        ColumnSet::first(self.column_count)
    }

    /// The columns on which two rows have equal values.
    pub fn agree_set(&self, first: u32, second: u32) -> ColumnSet {
        let mut agree = ColumnSet::EMPTY;
        let chunks = self
            .record(first)
            .chunks(64)
            .zip(self.record(second).chunks(64));
        for (word, (firsts, seconds)) in chunks.enumerate() {
            // Branch-free: this is the innermost loop of sampling.
            let bits = firsts
                .iter()
                .zip(seconds)
                .enumerate()
                .fold(0u64, |bits, (bit, (a, b))| {
                    bits | (u64::from((a == b) & (*a != UNIQUE)) << bit)
                });
            agree.set_word(word, bits);
        }
        agree
    }

    /// True when the column has one value on every row (vacuously with fewer than two rows).
    pub fn is_constant(&self, column: usize) -> bool {
        self.row_count < 2
            || self.partitions.get(column).is_some_and(|partition| {
                partition.size() == self.row_count && partition.group_count() == 1
            })
    }
}

/// Groups rows by value number with a counting sort; the NULL value, when NULL ≠ NULL, forms no
/// group.
fn column_partition(rows: &[u32], distinct: usize, null_number: Option<u32>) -> Partition {
    let mut counts = vec![0u32; distinct + 1];
    for value in rows {
        if let Some(count) = counts.get_mut(*value as usize) {
            *count += 1;
        }
    }
    if let Some(null) = null_number.and_then(|null| counts.get_mut(null as usize)) {
        *null = 0;
    }
    // Start offset of every value with two or more rows, in value order.
    let mut starts = vec![u32::MAX; distinct];
    let mut ends = Vec::new();
    let mut total = 0u32;
    for (value, count) in counts.iter().enumerate() {
        if *count >= 2 {
            if let Some(start) = starts.get_mut(value) {
                *start = total;
            }
            total += count;
            ends.push(total);
        }
    }
    let mut grouped = vec![0u32; total as usize];
    for (row, value) in rows.iter().enumerate() {
        if let Some(start) = starts.get_mut(*value as usize)
            && *start != u32::MAX
        {
            if let Some(slot) = grouped.get_mut(*start as usize) {
                *slot = row as u32;
            }
            *start += 1;
        }
    }
    Partition {
        rows: grouped,
        ends,
    }
}
