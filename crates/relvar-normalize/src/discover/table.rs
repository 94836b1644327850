//! Sample rows read from CSV/TSV text (or given as strings) into a table of column names and, per
//! column, a value number for each row: equal fields get equal numbers, byte for byte.

use rustc_hash::FxHashMap;

use super::column_set::MAX_COLUMNS;

/// How to read delimited text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// The field separator, one byte: `b','`, `b'\t'`, `b';'`...
    pub separator: u8,
    /// Whether the first record names the columns. Without a header the columns are named by
    /// their 0-based position, `0`, `1`, ... (as desbordante names them).
    pub has_header: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            separator: b',',
            has_header: true,
        }
    }
}

/// Why rows could not be read. Lines are 1-based lines of the input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("line {line}: {found} fields where the first record has {expected}")]
    RaggedRow {
        line: u64,
        expected: usize,
        found: usize,
    },
    #[error("line {line}: {message}")]
    Malformed { line: u64, message: String },
    #[error("the input has no columns")]
    NoColumns,
    #[error("{count} columns: discovery takes at most {MAX_COLUMNS}")]
    TooManyColumns { count: usize },
    #[error("more than {} rows", u32::MAX - 1)]
    TooManyRows,
}

/// One column's values: `rows[i]` numbers row `i`'s field; `texts[n]` is the text of number `n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedColumn {
    pub rows: Vec<u32>,
    pub texts: Vec<String>,
}

impl EncodedColumn {
    /// The number of the value whose text is `text`, if the column has it.
    pub fn value_number(&self, text: &str) -> Option<u32> {
        let index = self.texts.iter().position(|candidate| candidate == text)?;
        u32::try_from(index).ok()
    }
}

/// Sample rows, column by column. Fields are compared byte for byte: no trimming, no case folding,
/// and the empty field is a value like any other (see `NullRule` for treating a text as NULL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleTable {
    pub names: Vec<String>,
    pub columns: Vec<EncodedColumn>,
    pub row_count: usize,
}

impl SampleTable {
    /// Reads delimited text. Quoted fields follow RFC 4180 (`""` inside quotes is one quote); CRLF
    /// and LF line ends and a leading UTF-8 byte-order mark are accepted; empty lines are skipped.
    /// Every record must have as many fields as the first, or reading stops with the line.
    /// Invalid UTF-8 is compared as bytes and shown with replacement characters.
    pub fn read(input: &[u8], options: &ReadOptions) -> Result<Self, TableError> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(options.separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(input);
        let mut builder: Option<TableBuilder> = None;
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(error) => {
                    return Err(TableError::Malformed {
                        line: error.position().map_or(0, csv::Position::line),
                        message: error.to_string(),
                    });
                }
            }
            let line = record
                .position()
                .map_or(0, |position| record_line(input, position));
            match builder.as_mut() {
                Some(table) => table.push_row(record.iter(), record.len(), line)?,
                None if options.has_header => {
                    let names = record
                        .iter()
                        .map(|name| String::from_utf8_lossy(name).into_owned())
                        .collect();
                    builder = Some(TableBuilder::new(names)?);
                }
                None => {
                    let names = (0..record.len()).map(|index| index.to_string()).collect();
                    let mut table = TableBuilder::new(names)?;
                    table.push_row(record.iter(), record.len(), line)?;
                    builder = Some(table);
                }
            }
        }
        builder
            .map(TableBuilder::finish)
            .ok_or(TableError::NoColumns)
    }

    /// Builds a table from rows of strings; row `i` is reported as line `i + 1`.
    pub fn from_rows<R, F>(names: Vec<String>, rows: R) -> Result<Self, TableError>
    where
        R: IntoIterator,
        R::Item: IntoIterator<Item = F>,
        F: AsRef<str>,
    {
        let mut table = TableBuilder::new(names)?;
        for (index, row) in rows.into_iter().enumerate() {
            let fields: Vec<F> = row.into_iter().collect();
            table.push_row(
                fields.iter().map(|field| field.as_ref().as_bytes()),
                fields.len(),
                index as u64 + 1,
            )?;
        }
        Ok(table.finish())
    }

    pub fn column_count(&self) -> usize {
        self.names.len()
    }
}

/// The line a record starts on. The reader gives the position before the empty lines it skipped.
fn record_line(input: &[u8], position: &csv::Position) -> u64 {
    let skipped = input
        .get(position.byte() as usize..)
        .unwrap_or_default()
        .iter()
        .take_while(|byte| matches!(byte, b'\n' | b'\r'))
        .filter(|byte| **byte == b'\n')
        .count();
    position.line() + skipped as u64
}

/// Numbers the values of each column as rows arrive.
struct TableBuilder {
    names: Vec<String>,
    numbers: Vec<FxHashMap<Vec<u8>, u32>>,
    columns: Vec<EncodedColumn>,
    row_count: usize,
}

impl TableBuilder {
    fn new(names: Vec<String>) -> Result<Self, TableError> {
        if names.is_empty() {
            return Err(TableError::NoColumns);
        }
        if names.len() > MAX_COLUMNS {
            return Err(TableError::TooManyColumns { count: names.len() });
        }
        let empty_column = EncodedColumn {
            rows: Vec::new(),
            texts: Vec::new(),
        };
        Ok(Self {
            numbers: vec![FxHashMap::default(); names.len()],
            columns: vec![empty_column; names.len()],
            names,
            row_count: 0,
        })
    }

    fn push_row<'a>(
        &mut self,
        fields: impl Iterator<Item = &'a [u8]>,
        field_count: usize,
        line: u64,
    ) -> Result<(), TableError> {
        if field_count != self.names.len() {
            return Err(TableError::RaggedRow {
                line,
                expected: self.names.len(),
                found: field_count,
            });
        }
        if self.row_count >= (u32::MAX - 1) as usize {
            return Err(TableError::TooManyRows);
        }
        for ((field, numbers), column) in fields.zip(&mut self.numbers).zip(&mut self.columns) {
            let number = match numbers.get(field) {
                Some(number) => *number,
                None => {
                    let number = column.texts.len() as u32;
                    numbers.insert(field.to_vec(), number);
                    column
                        .texts
                        .push(String::from_utf8_lossy(field).into_owned());
                    number
                }
            };
            column.rows.push(number);
        }
        self.row_count += 1;
        Ok(())
    }

    fn finish(self) -> SampleTable {
        SampleTable {
            names: self.names,
            columns: self.columns,
            row_count: self.row_count,
        }
    }
}
