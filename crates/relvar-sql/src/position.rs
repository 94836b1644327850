//! Byte offsets to 1-based line and column (columns count characters, not bytes).

/// Start offsets of every line of a text, for turning byte offsets into line and column.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

/// A 1-based line and column in the imported text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self { text, line_starts }
    }

    /// The text the index is of.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Line and column of a byte offset; offsets past the end or inside a character are clamped.
    pub fn locate(&self, offset: usize) -> LineColumn {
        let offset = offset.min(self.text.len());
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .max(1);
        let line_start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(line_start..)
            .map(|rest| {
                rest.char_indices()
                    .take_while(|(at, _)| line_start + at < offset)
                    .count()
            })
            .unwrap_or(0);
        let invisible_mark =
            usize::from(line == 1 && self.text.starts_with('\u{feff}') && offset > 0);
        LineColumn {
            line: to_u32(line),
            column: to_u32(column + 1 - invisible_mark),
        }
    }

    /// Byte offset of a 1-based line and column; `None` when the text has no such place.
    pub fn offset_of(&self, at: LineColumn) -> Option<usize> {
        let line_start = *self
            .line_starts
            .get(usize::try_from(at.line).ok()?.checked_sub(1)?)?;
        let rest = self.text.get(line_start..)?;
        let skip = usize::try_from(at.column).ok()?.checked_sub(1)?;
        match rest.char_indices().nth(skip) {
            Some((at, _)) => Some(line_start + at),
            None if rest.chars().count() == skip => Some(self.text.len()),
            None => None,
        }
    }
}

fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_offsets_on_several_lines_counting_characters() {
        let text = "ab\nçd\n\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(0), LineColumn { line: 1, column: 1 });
        assert_eq!(index.locate(3), LineColumn { line: 2, column: 1 });
        assert_eq!(
            index.locate(5),
            LineColumn { line: 2, column: 2 },
            "ç is two bytes, one column"
        );
        assert_eq!(index.locate(7), LineColumn { line: 3, column: 1 });
        assert_eq!(index.locate(8), LineColumn { line: 4, column: 1 });
        assert_eq!(index.locate(999), LineColumn { line: 4, column: 2 });
    }

    #[test]
    fn a_byte_order_mark_takes_no_column() {
        let index = LineIndex::new("\u{feff}CREATE");
        assert_eq!(index.locate(3), LineColumn { line: 1, column: 1 });
        assert_eq!(index.locate(4), LineColumn { line: 1, column: 2 });
    }

    #[test]
    fn offset_of_inverts_locate() {
        let text = "select 1;\n  é;\r\nend";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            assert_eq!(index.offset_of(index.locate(offset)), Some(offset));
        }
        assert_eq!(index.offset_of(LineColumn { line: 9, column: 1 }), None);
    }
}
