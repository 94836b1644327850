//! Degrade, never drop: when a statement still fails to parse after the rules, the clause at the
//! parser's error position is taken out and the statement parsed again, until it parses or the
//! bound is reached. Each clause taken out is returned with its text as written, where it stood
//! and what it belonged to (a column, a whole table element, a constraint, or the statement
//! after a table's body), so the importer keeps it there and says so.
//!
//! The clause: climb from the error token out of any parentheses to the depth of the list it is
//! in (a CREATE TABLE's elements, or the statement); from there back over the words a clause head
//! began (`DEFAULT`, `GENERATED ALWAYS AS`, `CONSTRAINT name ...`) and on to the next clause head
//! or the end of the element (the next comma or closing parenthesis at that depth). An element
//! whose name or type cannot be read, a constraint nothing of which can be kept apart, or an
//! element that keeps failing is taken out whole.

use sqlparser::ast::{Ident, Statement};
use sqlparser::parser::ParserError;
use sqlparser::tokenizer::{Location, Span, Token, TokenWithSpan};

use super::tokens::{Significant, blank_all, table_body, word};
use crate::position::{LineColumn, LineIndex};

/// At most this many clauses are taken out of one statement. Each costs one more parse, so a
/// statement that fails everywhere costs at most this many times one parse.
pub(crate) const MAX_REMOVALS: usize = 32;

/// After this many removals inside one element the next takes the element out whole.
const MAX_PER_ELEMENT: usize = 3;

/// Words that begin a clause and need more words after them: the parser may have read them and
/// failed on what follows, so a clause taken out starts at them.
const HEADS: &[&str] = &[
    "DEFAULT",
    "GENERATED",
    "AS",
    "CHECK",
    "COLLATE",
    "REFERENCES",
    "COMMENT",
    "ON",
    "CONSTRAINT",
];

/// Words that begin a clause complete in itself; a clause taken out ends before them.
const COMPLETE: &[&str] = &[
    "PRIMARY",
    "KEY",
    "NOT",
    "NULL",
    "UNIQUE",
    "FOREIGN",
    "IDENTITY",
    "AUTO_INCREMENT",
    "AUTOINCREMENT",
];

/// Words that begin a statement: in a T-SQL batch (no semicolons needed) a clause taken out of
/// a statement ends before the next one.
const STATEMENT_STARTS: &[&str] = &[
    "INSERT",
    "UPDATE",
    "DELETE",
    "MERGE",
    "SELECT",
    "CREATE",
    "ALTER",
    "DROP",
    "EXEC",
    "EXECUTE",
    "SET",
    "DECLARE",
    "IF",
    "PRINT",
    "GRANT",
    "REVOKE",
    "DENY",
    "USE",
    "GO",
    "BEGIN",
    "RAISERROR",
];

/// Clauses engines write that the model does not hold, by their first words: taking them out is
/// expected, so it is told as information rather than a warning.
const KNOWN: &[&[&str]] = &[
    &["ON"],
    &["TEXTIMAGE_ON"],
    &["FILESTREAM_ON"],
    &["WITH"],
    &["NOT", "FOR", "REPLICATION"],
    &["ROWGUIDCOL"],
    &["SPARSE"],
    &["FILESTREAM"],
    &["MASKED", "WITH"],
    &["GENERATED", "ALWAYS", "AS", "ROW"],
    &["GENERATED", "ALWAYS", "AS", "TRANSACTION_ID"],
    &["GENERATED", "ALWAYS", "AS", "SEQUENCE_NUMBER"],
    &["HIDDEN"],
    &["PERIOD", "FOR", "SYSTEM_TIME"],
    &["BINARY"],
    &["CLUSTERED"],
    &["NONCLUSTERED"],
];

/// A clause taken out of a statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Removal {
    /// As written, whitespace and comments between its tokens made one space.
    pub text: String,
    /// Where it starts within the statement, 1-based.
    pub at: LineColumn,
    pub owner: Owner,
    /// One of the clauses engines write that the model does not hold (`KNOWN`).
    pub known: bool,
    /// For a `[CONSTRAINT name] DEFAULT expr` clause, the expression as written.
    pub default: Option<String>,
    /// What the parser said at the error.
    pub complaint: String,
}

/// What a clause taken out belonged to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Owner {
    /// A column definition of the CREATE TABLE, by its name as written.
    Column(Ident),
    /// A whole element of the CREATE TABLE's body.
    Element,
    /// A constraint element of the CREATE TABLE's body, which keeps the rest.
    Constraint,
    /// The statement outside a table body: a table's options, an index's options, an ALTER.
    Statement,
    /// A comma with nothing before it: nothing to keep.
    Separator,
}

/// Parses `tokens`, taking out the clause at each error until it parses; `None` when an error
/// has no position, falls where nothing can be taken out, or the bound is reached.
pub(crate) fn degrade(
    mut tokens: Vec<TokenWithSpan>,
    statement: &str,
    mut parse: impl FnMut(Vec<TokenWithSpan>) -> Result<Vec<Statement>, ParserError>,
) -> Option<(Vec<Statement>, Vec<Removal>)> {
    let lines = LineIndex::new(statement);
    let mut removals = Vec::new();
    let mut per_element: Vec<(usize, usize)> = Vec::new();
    loop {
        let error = match parse(tokens.clone()) {
            Ok(statements) => return Some((statements, removals)),
            Err(error) => error.to_string(),
        };
        if removals.len() >= MAX_REMOVALS {
            return None;
        }
        let (complaint, location) = error_location(&error)?;
        let (removal, taken) = plan(&tokens, location, &lines, complaint, &mut per_element)?;
        blank_all(&mut tokens, taken);
        removals.push(removal);
    }
}

/// The parser's message without its position, and the position.
fn error_location(message: &str) -> Option<(String, Location)> {
    let message = message.trim_start_matches("sql parser error: ");
    let (text, position) = message.rsplit_once(" at Line: ")?;
    let (line, column) = position.split_once(", Column: ")?;
    let location = Location {
        line: line.trim().parse().ok()?,
        column: column.trim().parse().ok()?,
    };
    Some((text.to_owned(), location))
}

/// The list around the error: its positions (among significant tokens), the depth of its
/// separators, and what it is.
struct Item {
    start: usize,
    end: usize,
    depth: usize,
    what: ItemKind,
}

#[derive(PartialEq)]
enum ItemKind {
    Column,
    Constraint,
    Statement,
}

/// The clause to take out for an error at `location`: the removal and the tokens to blank.
fn plan(
    tokens: &[TokenWithSpan],
    location: Location,
    lines: &LineIndex<'_>,
    complaint: String,
    per_element: &mut Vec<(usize, usize)>,
) -> Option<(Removal, Vec<usize>)> {
    let view = Significant::new(tokens);
    let error = (0..view.len()).find(|&p| {
        view.index(p)
            .and_then(|index| tokens.get(index))
            .is_some_and(|token| token.span.start == location)
    })?;
    if error == 0 {
        return None;
    }
    let depths = depths(&view);
    let item = item_around(&view, &depths, error)?;
    let depth_at = |p: usize| depths.get(p).copied().unwrap_or(0);
    let climb = |mut position: usize| {
        while position > item.start && depth_at(position) > item.depth {
            position -= 1;
        }
        position
    };
    let at = climb(error);
    let separator = at == item.end && at == error;
    let element_key = view.index(item.start).unwrap_or(usize::MAX);
    let earlier = per_element
        .iter()
        .find(|(key, _)| *key == element_key)
        .map_or(0, |(_, count)| *count);
    let first_kept = if item.what == ItemKind::Column {
        item.start + 2
    } else {
        item.start
    };
    let base = if separator {
        match at.checked_sub(1).filter(|&base| base >= item.start) {
            Some(base) => climb(base),
            None => return stray_separator(tokens, &view, item.start, complaint),
        }
    } else {
        at
    };
    let start = clause_start(&view, base, first_kept);
    let type_arguments = item.what == ItemKind::Column
        && start == item.start + 2
        && view.get(start) == Some(&Token::LParen);
    let whole = item.what != ItemKind::Statement
        && (start < first_kept
            || type_arguments
            || earlier >= MAX_PER_ELEMENT
            || (item.what == ItemKind::Constraint && start <= item.start + 2));
    let (start, end, owner) = if whole {
        (item.start, item.end, Owner::Element)
    } else {
        let end = if separator {
            at
        } else {
            (at + 1..item.end)
                .find(|&p| {
                    depth_at(p) == item.depth
                        && (is_starter(view.get(p))
                            || (item.what == ItemKind::Statement
                                && view
                                    .get(p)
                                    .and_then(word)
                                    .is_some_and(|w| STATEMENT_STARTS.contains(&w.as_str()))))
                })
                .unwrap_or(item.end)
        };
        let owner = match (&item.what, view.get(item.start)) {
            (ItemKind::Column, Some(Token::Word(name))) => Owner::Column(Ident {
                value: name.value.clone(),
                quote_style: name.quote_style,
                span: Span::empty(),
            }),
            (ItemKind::Constraint, _) => Owner::Constraint,
            _ => Owner::Statement,
        };
        (start, end, owner)
    };
    let words = leading_words(&view, start, end);
    // `ON DELETE` and `ON UPDATE` begin a foreign key's actions, not a storage clause.
    let action = words.first().is_some_and(|w| w == "ON")
        && words.get(1).is_some_and(|w| w == "DELETE" || w == "UPDATE");
    let known = !action
        && KNOWN.iter().any(|pattern| {
            words.len() >= pattern.len() && words.iter().zip(*pattern).all(|(a, b)| a == b)
        });
    if owner == Owner::Constraint && !known {
        return Some(whole_element(tokens, &view, lines, &item, complaint));
    }
    let default = default_expression(&view, tokens, lines, start, end, &words);
    let removal = Removal {
        text: source_text(&view, tokens, lines, start, end),
        at: line_column(&view, tokens, start),
        owner,
        known: known || default.is_some(),
        default,
        complaint,
    };
    let mut taken: Vec<usize> = (start..end).filter_map(|p| view.index(p)).collect();
    if removal.owner == Owner::Element {
        taken.extend(adjacent_comma(&view, &item));
    }
    match per_element.iter_mut().find(|(key, _)| *key == element_key) {
        Some((_, count)) => *count += 1,
        None => per_element.push((element_key, 1)),
    }
    Some((removal, taken))
}

/// A table element taken out whole, with the comma that separates it from the others.
fn whole_element(
    tokens: &[TokenWithSpan],
    view: &Significant<'_>,
    lines: &LineIndex<'_>,
    item: &Item,
    complaint: String,
) -> (Removal, Vec<usize>) {
    let removal = Removal {
        text: source_text(view, tokens, lines, item.start, item.end),
        at: line_column(view, tokens, item.start),
        owner: Owner::Element,
        known: false,
        default: None,
        complaint,
    };
    let mut taken: Vec<usize> = (item.start..item.end)
        .filter_map(|p| view.index(p))
        .collect();
    taken.extend(adjacent_comma(view, item));
    (removal, taken)
}

/// An empty element (`(a int, )`, `(a int,, b int)`): the comma before it goes.
fn stray_separator(
    tokens: &[TokenWithSpan],
    view: &Significant<'_>,
    start: usize,
    complaint: String,
) -> Option<(Removal, Vec<usize>)> {
    let comma = start.checked_sub(1)?;
    if view.get(comma) != Some(&Token::Comma) {
        return None;
    }
    let removal = Removal {
        text: ",".to_owned(),
        at: line_column(view, tokens, comma),
        owner: Owner::Separator,
        known: false,
        default: None,
        complaint,
    };
    Some((removal, view.index(comma).into_iter().collect()))
}

/// How many parentheses are open at each significant token; a parenthesis counts as inside
/// the group it closes and outside the group it opens.
fn depths(view: &Significant<'_>) -> Vec<usize> {
    let mut depth = 0usize;
    (0..view.len())
        .map(|p| match view.get(p) {
            Some(Token::LParen) => {
                depth += 1;
                depth - 1
            }
            Some(Token::RParen) => {
                let inside = depth;
                depth = depth.saturating_sub(1);
                inside
            }
            _ => depth,
        })
        .collect()
}

/// The element of a CREATE TABLE body holding the error, or the comma-separated part of the
/// statement outside any body; `None` for an error before a table's body.
fn item_around(view: &Significant<'_>, depths: &[usize], error: usize) -> Option<Item> {
    let depth_at = |p: usize| depths.get(p).copied().unwrap_or(0);
    let body = table_body(view);
    if let Some((elements, close)) = &body {
        let open = elements.first()?.positions.start.checked_sub(1)?;
        if error <= open {
            return None;
        }
        if error <= *close {
            let element = elements.iter().find(|element| {
                element.positions.start <= error && error <= element.positions.end
            })?;
            let what = if element.column.is_some() {
                ItemKind::Column
            } else {
                ItemKind::Constraint
            };
            return Some(Item {
                start: element.positions.start,
                end: element.positions.end,
                depth: depth_at(open) + 1,
                what,
            });
        }
    }
    let floor = body.map_or(1, |(_, close)| close + 1);
    let comma_at = |p: usize| depth_at(p) == 0 && view.get(p) == Some(&Token::Comma);
    let start = (floor..error)
        .rev()
        .find(|&p| comma_at(p))
        .map_or(floor, |comma| comma + 1);
    let end = (error..view.len())
        .find(|&p| comma_at(p))
        .unwrap_or(view.len());
    Some(Item {
        start,
        end,
        depth: 0,
        what: ItemKind::Statement,
    })
}

/// Where the clause holding position `base` starts: at a clause head read before it (back over
/// plain words), else at the first of the plain words before it; never before `first`.
fn clause_start(view: &Significant<'_>, base: usize, first: usize) -> usize {
    if is_starter(view.get(base)) {
        return phrase_start(view, base, first);
    }
    let mut position = base;
    while position > first {
        let Some(text) = view.get(position - 1).and_then(word) else {
            return position;
        };
        if HEADS.contains(&text.as_str()) {
            return phrase_start(view, position - 1, first);
        }
        if COMPLETE.contains(&text.as_str()) {
            return position;
        }
        position -= 1;
    }
    position
}

/// The start of the phrase a head word ends: `GENERATED ALWAYS AS`, `GENERATED BY DEFAULT AS`,
/// `NOT NULL`, `PRIMARY KEY`, and `CONSTRAINT name` before any of them.
fn phrase_start(view: &Significant<'_>, head: usize, first: usize) -> usize {
    let is = |p: Option<usize>, expected: &str| {
        p.filter(|&p| p >= first)
            .and_then(|p| view.get(p))
            .and_then(word)
            .is_some_and(|w| w == expected)
    };
    let back = |n: usize| head.checked_sub(n);
    let here = view.get(head).and_then(word).unwrap_or_default();
    let mut start = head;
    if here == "AS" && is(back(1), "ALWAYS") && is(back(2), "GENERATED") {
        start = head - 2;
    } else if here == "AS"
        && is(back(1), "DEFAULT")
        && is(back(2), "BY")
        && is(back(3), "GENERATED")
    {
        start = head - 3;
    } else if (here == "NULL" && is(back(1), "NOT")) || (here == "KEY" && is(back(1), "PRIMARY")) {
        start = head - 1;
    }
    if is(start.checked_sub(2), "CONSTRAINT") {
        start -= 2;
    }
    start
}

fn is_starter(token: Option<&Token>) -> bool {
    token
        .and_then(word)
        .is_some_and(|w| HEADS.contains(&w.as_str()) || COMPLETE.contains(&w.as_str()))
}

/// The clause's unquoted words up to its first other token, upper case.
fn leading_words(view: &Significant<'_>, start: usize, end: usize) -> Vec<String> {
    (start..end)
        .map_while(|p| view.get(p).and_then(word))
        .collect()
}

/// The expression of a `[CONSTRAINT name] DEFAULT expr` clause, as written.
fn default_expression(
    view: &Significant<'_>,
    tokens: &[TokenWithSpan],
    lines: &LineIndex<'_>,
    start: usize,
    end: usize,
    words: &[String],
) -> Option<String> {
    let default = match words {
        [first, ..] if first == "DEFAULT" => start,
        [first, ..] if first == "CONSTRAINT" => {
            let at = start + 2;
            (view.get(at).and_then(word).as_deref() == Some("DEFAULT")).then_some(at)?
        }
        _ => return None,
    };
    let text = source_text(view, tokens, lines, default + 1, end);
    (!text.is_empty()).then_some(text)
}

/// The comma separating an element from the next one, or else from the one before.
fn adjacent_comma(view: &Significant<'_>, item: &Item) -> Option<usize> {
    if view.get(item.end) == Some(&Token::Comma) {
        return view.index(item.end);
    }
    let before = item.start.checked_sub(1)?;
    (view.get(before) == Some(&Token::Comma))
        .then(|| view.index(before))
        .flatten()
}

/// Line and column of a significant token within the statement.
fn line_column(view: &Significant<'_>, tokens: &[TokenWithSpan], position: usize) -> LineColumn {
    let location = view
        .index(position)
        .and_then(|index| tokens.get(index))
        .map(|token| token.span.start)
        .unwrap_or(Location { line: 1, column: 1 });
    LineColumn {
        line: u32::try_from(location.line).unwrap_or(u32::MAX),
        column: u32::try_from(location.column).unwrap_or(u32::MAX),
    }
}

/// The source text of significant tokens `start..end`: each token as written, one space where
/// anything stood between two of them.
fn source_text(
    view: &Significant<'_>,
    tokens: &[TokenWithSpan],
    lines: &LineIndex<'_>,
    start: usize,
    end: usize,
) -> String {
    let offset = |location: Location| {
        lines.offset_of(LineColumn {
            line: u32::try_from(location.line).ok()?,
            column: u32::try_from(location.column).ok()?,
        })
    };
    let mut text = String::new();
    let mut last_end = None;
    for position in start..end {
        let Some(token) = view.index(position).and_then(|index| tokens.get(index)) else {
            continue;
        };
        let (Some(from), Some(to)) = (offset(token.span.start), offset(token.span.end)) else {
            continue;
        };
        if last_end.is_some_and(|last| from < last) {
            continue;
        }
        if last_end.is_some_and(|last| from > last) {
            text.push(' ');
        }
        text.push_str(lines.text().get(from..to).unwrap_or_default());
        last_end = Some(to);
    }
    text
}
