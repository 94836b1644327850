//! A generated script as statements made of pieces, so that a statement the engine refuses can
//! be shrunk piece by piece: a column's default, a check, a foreign key clause, a whole index.

/// A statement: its pieces in order, and whether the script stands without it.
#[derive(Debug, Clone)]
pub struct Statement {
    pub pieces: Vec<Piece>,
    pub optional: bool,
    pub removed: bool,
}

/// Text that is part of a statement; an optional piece can be left out and the statement stays
/// valid SQL.
#[derive(Debug, Clone)]
pub struct Piece {
    pub text: String,
    pub optional: bool,
    pub removed: bool,
}

impl Statement {
    pub fn new(optional: bool) -> Self {
        Self {
            pieces: Vec::new(),
            optional,
            removed: false,
        }
    }

    /// A statement of one piece.
    pub fn whole(text: impl Into<String>, optional: bool) -> Self {
        let mut statement = Self::new(optional);
        statement.required(text);
        statement
    }

    pub fn required(&mut self, text: impl Into<String>) {
        self.push(text, false);
    }

    pub fn optional(&mut self, text: impl Into<String>) {
        self.push(text, true);
    }

    fn push(&mut self, text: impl Into<String>, optional: bool) {
        self.pieces.push(Piece {
            text: text.into(),
            optional,
            removed: false,
        });
    }

    pub fn text(&self) -> String {
        self.pieces
            .iter()
            .filter(|piece| !piece.removed)
            .map(|piece| piece.text.as_str())
            .collect()
    }
}

/// The statements of a generated schema, in order.
#[derive(Debug, Clone, Default)]
pub struct Script {
    pub statements: Vec<Statement>,
}

impl Script {
    pub fn push(&mut self, statement: Statement) {
        self.statements.push(statement);
    }

    /// The script's text and, per statement kept, its index and its first and last line.
    pub fn render(&self) -> (String, Vec<(usize, usize, usize)>) {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut line = 1;
        for (index, statement) in self.statements.iter().enumerate() {
            if statement.removed {
                continue;
            }
            let body = statement.text();
            let lines = body.lines().count().max(1);
            spans.push((index, line, line + lines - 1));
            text.push_str(&body);
            text.push_str(";\n");
            line += lines;
        }
        (text, spans)
    }

    /// The statement an engine's error line falls in.
    pub fn statement_at(spans: &[(usize, usize, usize)], line: usize) -> Option<usize> {
        spans
            .iter()
            .find(|(_, first, last)| (*first..=*last).contains(&line))
            .map(|(index, _, _)| *index)
    }
}

/// The names an engine's message quotes (`"t"`, `'c'`, `` `k` ``), lower case.
fn quoted_names(message: &str) -> Vec<String> {
    let mut names = Vec::new();
    for quote in ['"', '\'', '`'] {
        let mut parts = message.split(quote);
        parts.next();
        while let (Some(name), Some(_)) = (parts.next(), parts.next()) {
            if !name.is_empty() && name.len() < 64 {
                names.push(name.to_lowercase());
            }
        }
    }
    names
}

/// Shrinks `script` until `accepts` takes it: a refused optional statement is dropped; in a
/// refused required one, the one optional piece that makes the difference is (pieces naming
/// what the engine's message names tried first), else all of them. Returns the accepted script,
/// or none when a required statement is refused bare or the budget of engine runs is spent; and
/// the count of runs made.
pub fn shrink(
    mut script: Script,
    budget: usize,
    mut accepts: impl FnMut(&str) -> Result<(), (Option<usize>, String)>,
) -> (Option<Script>, usize) {
    let mut runs = 0;
    // The statement a run failed in (`usize::MAX` when the engine named no line) and the names
    // its message quotes; none for success.
    let mut failing = |script: &Script, runs: &mut usize| -> Option<(usize, Vec<String>)> {
        *runs += 1;
        let (text, spans) = script.render();
        match accepts(&text) {
            Ok(()) => None,
            Err((line, message)) => Some((
                line.and_then(|line| Script::statement_at(&spans, line))
                    .unwrap_or(usize::MAX),
                quoted_names(&message),
            )),
        }
    };
    while runs < budget {
        let Some((at, named)) = failing(&script, &mut runs) else {
            return (Some(script), runs);
        };
        let Some(statement) = script.statements.get(at) else {
            return (None, runs);
        };
        if statement.optional {
            if let Some(statement) = script.statements.get_mut(at) {
                statement.removed = true;
            }
            continue;
        }
        let mut candidates: Vec<usize> = statement
            .pieces
            .iter()
            .enumerate()
            .filter(|(_, piece)| piece.optional && !piece.removed)
            .map(|(index, _)| index)
            .rev()
            .collect();
        let names = |index: &usize| {
            statement.pieces.get(*index).is_some_and(|piece| {
                let text = piece.text.to_lowercase();
                named.iter().any(|name| text.contains(name.as_str()))
            })
        };
        candidates.sort_by_key(|index| !names(index));
        if candidates.is_empty() {
            return (None, runs);
        }
        let mut fixed = false;
        for piece in &candidates {
            if runs >= budget {
                return (None, runs);
            }
            let mut trial = script.clone();
            if let Some(piece) = trial
                .statements
                .get_mut(at)
                .and_then(|statement| statement.pieces.get_mut(*piece))
            {
                piece.removed = true;
            }
            let still = failing(&trial, &mut runs);
            if still.is_none_or(|(again, _)| again != at) {
                script = trial;
                fixed = true;
                break;
            }
        }
        if !fixed {
            for piece in candidates {
                if let Some(piece) = script
                    .statements
                    .get_mut(at)
                    .and_then(|statement| statement.pieces.get_mut(piece))
                {
                    piece.removed = true;
                }
            }
        }
    }
    (None, runs)
}
