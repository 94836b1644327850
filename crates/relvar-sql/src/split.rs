//! Splits a SQL script into statements with byte spans, so every message can name a line and
//! column. Follows each dialect's lexical rules (see `Lexicon`): quoted strings and identifiers,
//! comments, PostgreSQL dollar quotes, `BEGIN ATOMIC` and SQLite trigger bodies, and the client
//! commands dumps contain: psql `\\` lines and `COPY ... FROM stdin` data, mysql `DELIMITER`,
//! SQL Server `GO` batches and SQLCMD `:` lines. A byte-order mark is skipped.

use std::ops::Range;

use crate::dialect::{Dialect, Lexicon};

/// What kind of text a statement span holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    /// SQL, without its terminator. In SQL Server a `GO` batch may hold several statements.
    Sql,
    /// A client command line: psql `\\connect db`, mysql `DELIMITER $$`, SQLCMD `:setvar x y`.
    ClientCommand,
    /// A `COPY ... FROM stdin;` statement together with its data lines up to `\\.`.
    CopyFromStdin,
}

/// One statement of a script: where it is and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawStatement {
    /// Byte range in the script, from its first significant character (comments before it are
    /// not part of it) to its end, the terminator excluded.
    pub span: Range<usize>,
    pub kind: StatementKind,
}

/// Splits a script. Never fails: unterminated strings, comments and blocks run to the end.
pub fn split_statements(text: &str, dialect: Dialect) -> Vec<RawStatement> {
    Splitter {
        bytes: text.as_bytes(),
        lexicon: crate::dialect::lexicon(dialect),
        delimiter: b";".to_vec(),
        origin: if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        },
        statements: Vec::new(),
        current: Statement::default(),
    }
    .run(text)
}

/// What the splitter knows of the statement it is inside.
#[derive(Debug, Default)]
struct Statement {
    start: Option<usize>,
    /// Its first words, upper-cased, to recognise bodies that hold semicolons.
    leading_words: Vec<String>,
    last_word: String,
    /// Depth of BEGIN ... END (and CASE ... END inside it) in a body that holds semicolons.
    block_depth: usize,
}

struct Splitter<'a> {
    bytes: &'a [u8],
    lexicon: Lexicon,
    delimiter: Vec<u8>,
    /// Where the text proper starts, past a byte-order mark.
    origin: usize,
    statements: Vec<RawStatement>,
    current: Statement,
}

impl Splitter<'_> {
    fn run(mut self, text: &str) -> Vec<RawStatement> {
        let mut at = self.origin;
        while at < self.bytes.len() {
            if self.starts_line(at)
                && let Some(next) = self.line_command(at)
            {
                at = next;
                continue;
            }
            if self.current.block_depth == 0
                && self.delimiter != b";"
                && self.rest(at).starts_with(&self.delimiter)
            {
                self.finish(at);
                at += self.delimiter.len();
                continue;
            }
            let byte = self.bytes.get(at).copied().unwrap_or_default();
            let next = self.bytes.get(at + 1).copied();
            at = match byte {
                b'-' if next == Some(b'-') && self.is_dash_comment(at) => self.end_of_line(at),
                b'#' if self.lexicon.hash_comments => self.end_of_line(at),
                b'/' if next == Some(b'*') => self.skip_block_comment(at),
                b';' if self.delimiter == b";" && self.current.block_depth == 0 => {
                    self.finish_at_semicolon(text, at)
                }
                byte if byte.is_ascii_whitespace() => at + 1,
                _ => {
                    self.current.start.get_or_insert(at);
                    self.skip_token(at)
                }
            };
        }
        self.finish(self.bytes.len());
        self.statements
    }

    fn rest(&self, at: usize) -> &[u8] {
        self.bytes.get(at..).unwrap_or_default()
    }

    /// Handles a line that is a client command (or a `GO`); returns where to go on.
    fn line_command(&mut self, at: usize) -> Option<usize> {
        let end = self.end_of_line(at);
        let line = self.bytes.get(at..end).unwrap_or_default().trim_ascii();
        let idle = self.current.start.is_none();
        if self.lexicon.batches && is_go_line(line) {
            self.finish(at);
            return Some(end);
        }
        let is_command = idle
            && ((self.lexicon.psql_commands && line.starts_with(b"\\"))
                || (self.lexicon.batches && line.starts_with(b":"))
                || (self.lexicon.mysql_client && starts_with_word(line, b"DELIMITER")));
        if !is_command {
            return None;
        }
        if self.lexicon.mysql_client && starts_with_word(line, b"DELIMITER") {
            let new_delimiter = line
                .get(b"DELIMITER".len()..)
                .unwrap_or_default()
                .trim_ascii();
            if !new_delimiter.is_empty() {
                self.delimiter = new_delimiter.to_vec();
            }
        }
        let line_start = at
            + self
                .rest(at)
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
        self.push(
            line_start..trim_end(self.bytes, line_start, end),
            StatementKind::ClientCommand,
        );
        Some(end)
    }

    /// Ends the current statement at `end` (exclusive), if there is one.
    fn finish(&mut self, end: usize) {
        let statement = std::mem::take(&mut self.current);
        if let Some(first) = statement.start {
            self.push(first..trim_end(self.bytes, first, end), StatementKind::Sql);
        }
    }

    /// Ends the statement at a semicolon, taking a COPY data block with it; returns where to go on.
    fn finish_at_semicolon(&mut self, text: &str, semicolon: usize) -> usize {
        let Some(first) = self.current.start else {
            return semicolon + 1;
        };
        let span = first..trim_end(self.bytes, first, semicolon);
        if self.lexicon.psql_commands && text.get(span).is_some_and(is_copy_from_stdin) {
            self.current = Statement::default();
            let data_end = self.end_of_copy_data(self.end_of_line(semicolon));
            self.push(first..data_end, StatementKind::CopyFromStdin);
            return data_end;
        }
        self.finish(semicolon);
        semicolon + 1
    }

    fn push(&mut self, span: Range<usize>, kind: StatementKind) {
        if !span.is_empty() {
            self.statements.push(RawStatement { span, kind });
        }
    }

    /// True when only blanks stand between the last line break and `at`, and `at` is the first
    /// non-blank of its line.
    fn starts_line(&self, at: usize) -> bool {
        let before = self.bytes.get(self.origin..at).unwrap_or_default();
        let previous = before.iter().rev().find(|&&b| b != b' ' && b != b'\t');
        previous.is_none_or(|&b| b == b'\n')
            && self.bytes.get(at).is_some_and(|&b| b != b' ' && b != b'\t')
    }

    /// `--` starts a comment; in MySQL only when followed by a blank or the end.
    fn is_dash_comment(&self, at: usize) -> bool {
        !self.lexicon.hash_comments
            || self
                .bytes
                .get(at + 2)
                .is_none_or(|b| b.is_ascii_whitespace())
    }

    /// Offset just past the next newline (or the end of the text).
    fn end_of_line(&self, at: usize) -> usize {
        match self.rest(at).iter().position(|&b| b == b'\n') {
            Some(newline) => at + newline + 1,
            None => self.bytes.len(),
        }
    }

    /// Offset past the `\\.` line that ends a COPY data block (or the end of the text).
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
                (b'/', Some(b'*')) if depth == 0 || self.lexicon.nested_comments => {
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

    /// Skips one lexical token that may hold a terminator or comment marker: a string, a quoted
    /// identifier, a dollar-quoted body, or a whole word (which may open or close a body).
    fn skip_token(&mut self, at: usize) -> usize {
        let lexicon = self.lexicon;
        match self.bytes.get(at) {
            Some(b'\'') => self.skip_quoted(at, b'\'', lexicon.backslash_escapes),
            Some(b'"') => self.skip_quoted(
                at,
                b'"',
                lexicon.backslash_escapes && lexicon.double_quoted_strings,
            ),
            Some(b'`') if lexicon.backtick_identifiers => self.skip_quoted(at, b'`', false),
            Some(b'[') if lexicon.bracket_identifiers => self.skip_quoted(at, b']', false),
            Some(b'$') if lexicon.postgres_strings => self.skip_dollar_quoted(at).unwrap_or(at + 1),
            Some(&byte) if is_word_byte(byte) => {
                let end = self.skip_word(at);
                let escaped_string = lexicon.postgres_strings
                    && end == at + 1
                    && matches!(byte, b'E' | b'e')
                    && self.bytes.get(end) == Some(&b'\'');
                if escaped_string {
                    return self.skip_quoted(end, b'\'', true);
                }
                let word = String::from_utf8_lossy(self.bytes.get(at..end).unwrap_or_default())
                    .to_ascii_uppercase();
                self.see_word(word);
                end
            }
            _ => at + 1,
        }
    }

    /// Tracks the words that open and close bodies holding semicolons.
    fn see_word(&mut self, word: String) {
        let statement = &mut self.current;
        let opens_body = match word.as_str() {
            "ATOMIC" => self.lexicon.postgres_strings && statement.last_word == "BEGIN",
            "BEGIN" => {
                self.lexicon.trigger_bodies
                    && statement.block_depth == 0
                    && is_trigger(&statement.leading_words)
            }
            _ => false,
        };
        if opens_body || (statement.block_depth > 0 && word == "CASE") {
            statement.block_depth += 1;
        } else if statement.block_depth > 0 && word == "END" {
            statement.block_depth -= 1;
        }
        if statement.leading_words.len() < 4 {
            statement.leading_words.push(word.clone());
        }
        statement.last_word = word;
    }

    fn skip_word(&self, at: usize) -> usize {
        let rest = self.rest(at);
        let dollar_in_words = self.lexicon.postgres_strings;
        at + rest
            .iter()
            .position(|&byte| !(is_word_byte(byte) || (dollar_in_words && byte == b'$')))
            .unwrap_or(rest.len())
    }

    /// Skips a quoted run starting at `at` (the opening quote) up to `close`; a doubled closing
    /// character stays inside.
    fn skip_quoted(&self, at: usize, close: u8, backslash_escapes: bool) -> usize {
        let mut index = at + 1;
        while let Some(&byte) = self.bytes.get(index) {
            if backslash_escapes && byte == b'\\' {
                index += 2;
            } else if byte == close {
                if self.bytes.get(index + 1) == Some(&close) {
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

fn starts_with_word(line: &[u8], word: &[u8]) -> bool {
    line.len() > word.len()
        && line
            .get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
        && line.get(word.len()).is_some_and(u8::is_ascii_whitespace)
}

/// `GO`, optionally with a repeat count and a trailing comment, alone on its line.
fn is_go_line(line: &[u8]) -> bool {
    let code = match line.windows(2).position(|pair| pair == b"--") {
        Some(comment) => line.get(..comment).unwrap_or_default().trim_ascii(),
        None => line,
    };
    let Some(rest) = code.get(2..) else {
        return false;
    };
    code.get(..2)
        .is_some_and(|go| go.eq_ignore_ascii_case(b"GO"))
        && (rest.is_empty()
            || (rest.first().is_some_and(u8::is_ascii_whitespace)
                && rest.trim_ascii().iter().all(u8::is_ascii_digit)))
}

fn is_trigger(leading_words: &[String]) -> bool {
    let mut words = leading_words.iter().map(String::as_str);
    words.next() == Some("CREATE")
        && words.find(|word| !matches!(*word, "TEMP" | "TEMPORARY")) == Some("TRIGGER")
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
        texts_in(script, Dialect::PostgreSql)
    }

    fn texts_in(script: &str, dialect: Dialect) -> Vec<(StatementKind, &str)> {
        split_statements(script, dialect)
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
                (StatementKind::ClientCommand, "\\connect pagila"),
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
            let statements = split_statements(script, Dialect::PostgreSql);
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

    #[test]
    fn postgres_begin_atomic_bodies_hold_semicolons() {
        let script = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;\nSELECT 3;";
        assert_eq!(texts(script).len(), 2, "{:?}", texts(script));
    }

    #[test]
    fn mysql_delimiters_backslash_strings_and_comments() {
        let script = "# note; here\nINSERT INTO t VALUES ('it\\'s; ok', \"a\\\";b\");\n--not a comment;\n\
                      DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; END$$\nDELIMITER ;\n\
                      /*!40101 SET NAMES utf8 */;\nCREATE TABLE `a;b` (id int);";
        let kinds_and_texts = texts_in(script, Dialect::MySql);
        assert_eq!(
            kinds_and_texts,
            vec![
                (
                    StatementKind::Sql,
                    "INSERT INTO t VALUES ('it\\'s; ok', \"a\\\";b\")"
                ),
                (StatementKind::Sql, "--not a comment"),
                (StatementKind::ClientCommand, "DELIMITER $$"),
                (
                    StatementKind::Sql,
                    "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; END"
                ),
                (StatementKind::ClientCommand, "DELIMITER ;"),
                (StatementKind::Sql, "CREATE TABLE `a;b` (id int)"),
            ]
        );
    }

    #[test]
    fn sql_server_batches_brackets_and_sqlcmd_lines() {
        let script = "\u{feff}:setvar DatabaseName \"AdventureWorks\"\r\nCREATE TABLE [a;b] (id int)\r\nGO\r\n\
                      IF 1 = 1 PRINT 'x;y'\r\ngo 2 -- twice\r\nSELECT 1; SELECT 2\r\nGO";
        assert_eq!(
            texts_in(script, Dialect::MsSql),
            vec![
                (
                    StatementKind::ClientCommand,
                    ":setvar DatabaseName \"AdventureWorks\""
                ),
                (StatementKind::Sql, "CREATE TABLE [a;b] (id int)"),
                (StatementKind::Sql, "IF 1 = 1 PRINT 'x;y'"),
                (StatementKind::Sql, "SELECT 1"),
                (StatementKind::Sql, "SELECT 2"),
            ]
        );
    }

    #[test]
    fn sqlite_trigger_bodies_end_at_their_end() {
        let script = "CREATE TEMP TRIGGER t AFTER UPDATE ON a BEGIN UPDATE b SET x = CASE WHEN 1 THEN 2 END; DELETE FROM c; END;\n\
                      CREATE TABLE [x] (\"y;\" int);";
        let statements = texts_in(script, Dialect::Sqlite);
        assert_eq!(statements.len(), 2, "{statements:?}");
        assert!(statements[0].1.ends_with("DELETE FROM c; END"));
    }
}
