//! Splits a SQL script into statements with byte spans, so every message can name a line and
//! column. Follows PostgreSQL's lexical rules: quoted strings and identifiers, `E''` escapes,
//! nested block comments, dollar quotes, psql meta-commands and `COPY ... FROM stdin` data blocks.

use std::ops::Range;

/// What kind of text a statement span holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    /// A SQL statement, without its terminating semicolon.
    Sql,
    /// A psql meta-command line such as `\connect db`.
    MetaCommand,
    /// A `COPY ... FROM stdin;` statement together with its data lines up to `\.`.
    CopyFromStdin,
}

/// One statement of a script: where it is and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawStatement {
    /// Byte range in the script, from its first significant character (comments before it are
    /// not part of it) to its end, the terminating semicolon excluded.
    pub span: Range<usize>,
    pub kind: StatementKind,
}

/// Splits a PostgreSQL script. Never fails: unterminated strings or comments run to the end.
pub fn split_statements(text: &str) -> Vec<RawStatement> {
    Splitter {
        bytes: text.as_bytes(),
        statements: Vec::new(),
    }
    .run(text)
}

struct Splitter<'a> {
    bytes: &'a [u8],
    statements: Vec<RawStatement>,
}

impl Splitter<'_> {
    fn run(mut self, text: &str) -> Vec<RawStatement> {
        let mut at = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };
        let mut start: Option<usize> = None;
        while let Some(&byte) = self.bytes.get(at) {
            let next = self.bytes.get(at + 1).copied();
            match byte {
                b'-' if next == Some(b'-') => at = self.end_of_line(at),
                b'/' if next == Some(b'*') => at = self.skip_block_comment(at),
                b'\\' if start.is_none() && self.at_line_start(at) => {
                    let end = self.end_of_line(at);
                    self.push(
                        at..trim_end(self.bytes, at, end),
                        StatementKind::MetaCommand,
                    );
                    at = end;
                }
                b';' => {
                    if let Some(first) = start.take() {
                        at = self.finish_statement(text, first, at);
                    } else {
                        at += 1;
                    }
                }
                byte if byte.is_ascii_whitespace() => at += 1,
                _ => {
                    start.get_or_insert(at);
                    at = self.skip_token(at);
                }
            }
        }
        if let Some(first) = start {
            let end = trim_end(self.bytes, first, self.bytes.len());
            self.push(first..end, StatementKind::Sql);
        }
        self.statements
    }

    /// Records the statement ending at the semicolon at `semicolon`; returns where to go on.
    fn finish_statement(&mut self, text: &str, first: usize, semicolon: usize) -> usize {
        let span = first..trim_end(self.bytes, first, semicolon);
        if text.get(span.clone()).is_some_and(is_copy_from_stdin) {
            let data_start = self.end_of_line(semicolon);
            let data_end = self.end_of_copy_data(data_start);
            self.push(first..data_end, StatementKind::CopyFromStdin);
            return data_end;
        }
        self.push(span, StatementKind::Sql);
        semicolon + 1
    }

    fn push(&mut self, span: Range<usize>, kind: StatementKind) {
        if !span.is_empty() {
            self.statements.push(RawStatement { span, kind });
        }
    }

    fn at_line_start(&self, at: usize) -> bool {
        let line = self.bytes.get(..at).unwrap_or_default();
        line.iter()
            .rev()
            .take_while(|&&byte| byte != b'\n')
            .all(|&byte| byte == b' ' || byte == b'\t')
    }

    /// Offset just past the next newline (or the end of the text).
    fn end_of_line(&self, at: usize) -> usize {
        match self
            .bytes
            .get(at..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
        {
            Some(newline) => at + newline + 1,
            None => self.bytes.len(),
        }
    }

    /// Offset past the `\.` line that ends a COPY data block (or the end of the text).
    fn end_of_copy_data(&self, mut line_start: usize) -> usize {
        while line_start < self.bytes.len() {
            let line_end = self.end_of_line(line_start);
            let line = self.bytes.get(line_start..line_end).unwrap_or_default();
            if line.trim_ascii_end() == b"\\." {
                return line_start + 2;
            }
            line_start = line_end;
        }
        self.bytes.len()
    }

    fn skip_block_comment(&self, start: usize) -> usize {
        let mut depth = 0usize;
        let mut at = start;
        while let Some(&byte) = self.bytes.get(at) {
            let next = self.bytes.get(at + 1).copied();
            match (byte, next) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    at += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    at += 2;
                    if depth == 0 {
                        return at;
                    }
                }
                _ => at += 1,
            }
        }
        self.bytes.len()
    }

    /// Skips one lexical token that may hold a semicolon or comment marker: a string, a quoted
    /// identifier, a dollar-quoted body, or a whole word.
    fn skip_token(&self, at: usize) -> usize {
        match self.bytes.get(at) {
            Some(b'\'') => self.skip_quoted(at, b'\'', false),
            Some(b'"') => self.skip_quoted(at, b'"', false),
            Some(b'$') => self.skip_dollar_quoted(at).unwrap_or(at + 1),
            Some(&byte) if is_word_byte(byte) => {
                let end = self.skip_word(at);
                let escaped_string = end == at + 1
                    && matches!(byte, b'E' | b'e')
                    && self.bytes.get(end) == Some(&b'\'');
                if escaped_string {
                    self.skip_quoted(end, b'\'', true)
                } else {
                    end
                }
            }
            _ => at + 1,
        }
    }

    fn skip_word(&self, at: usize) -> usize {
        let rest = self.bytes.get(at..).unwrap_or_default();
        at + rest
            .iter()
            .position(|&byte| !is_word_byte(byte) && byte != b'$')
            .unwrap_or(rest.len())
    }

    /// Skips a quoted run starting at `at` (the opening quote); doubled quotes stay inside.
    fn skip_quoted(&self, at: usize, quote: u8, backslash_escapes: bool) -> usize {
        let mut index = at + 1;
        while let Some(&byte) = self.bytes.get(index) {
            if backslash_escapes && byte == b'\\' {
                index += 2;
            } else if byte == quote {
                if self.bytes.get(index + 1) == Some(&quote) {
                    index += 2;
                } else {
                    return index + 1;
                }
            } else {
                index += 1;
            }
        }
        self.bytes.len()
    }

    /// Skips `$tag$ ... $tag$`; `None` when the `$` does not open a dollar quote (e.g. `$1`).
    fn skip_dollar_quoted(&self, at: usize) -> Option<usize> {
        let rest = self.bytes.get(at + 1..)?;
        let tag_length = rest.iter().position(|&byte| !is_word_byte(byte))?;
        if rest.get(tag_length) != Some(&b'$') || rest.first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let delimiter = self.bytes.get(at..at + tag_length + 2)?;
        let body_start = at + delimiter.len();
        let body = self.bytes.get(body_start..)?;
        let close = body
            .windows(delimiter.len())
            .position(|window| window == delimiter);
        Some(close.map_or(self.bytes.len(), |close| {
            body_start + close + delimiter.len()
        }))
    }
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

fn trim_end(bytes: &[u8], start: usize, end: usize) -> usize {
    let slice = bytes.get(start..end).unwrap_or_default();
    start + slice.trim_ascii_end().len()
}

fn is_copy_from_stdin(statement: &str) -> bool {
    let words: Vec<String> = statement
        .split_ascii_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    words.first().is_some_and(|word| word == "copy")
        && words.windows(2).any(|pair| pair == ["from", "stdin"])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(script: &str) -> Vec<(StatementKind, &str)> {
        split_statements(script)
            .into_iter()
            .map(|statement| (statement.kind, &script[statement.span]))
            .collect()
    }

    #[test]
    fn semicolons_inside_strings_comments_and_dollar_quotes_do_not_split() {
        let script = "-- Name: a; Type: TABLE\nSELECT 'a;b', \"c;d\" /* x; /* nested; */ y; */;\n\
                      CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n\
                      SELECT E'it\\'s; fine', $$;$$, $1;";
        let kinds_and_texts = texts(script);
        assert_eq!(
            kinds_and_texts
                .iter()
                .map(|(_, text)| *text)
                .collect::<Vec<_>>(),
            vec![
                "SELECT 'a;b', \"c;d\" /* x; /* nested; */ y; */",
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql",
                "SELECT E'it\\'s; fine', $$;$$, $1",
            ]
        );
    }

    #[test]
    fn meta_commands_and_copy_data_are_their_own_statements() {
        let script = "\\connect pagila\nCOPY t (a) FROM stdin;\n1;2\n\\.\nSELECT 1;";
        assert_eq!(
            texts(script),
            vec![
                (StatementKind::MetaCommand, "\\connect pagila"),
                (
                    StatementKind::CopyFromStdin,
                    "COPY t (a) FROM stdin;\n1;2\n\\."
                ),
                (StatementKind::Sql, "SELECT 1"),
            ]
        );
    }

    #[test]
    fn unterminated_constructs_run_to_the_end_without_panicking() {
        for script in [
            "SELECT 'open",
            "/* open",
            "SELECT $a$ open",
            "CREATE TABLE t (",
            "\u{feff}",
        ] {
            let statements = split_statements(script);
            for statement in statements {
                assert!(script.get(statement.span).is_some());
            }
        }
        assert_eq!(
            texts("\u{feff}SELECT 1"),
            vec![(StatementKind::Sql, "SELECT 1")]
        );
    }

    #[test]
    fn dollar_signs_inside_words_are_not_quotes() {
        assert_eq!(texts("SELECT a$b$c; SELECT 2").len(), 2);
    }
}
