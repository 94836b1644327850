//! Views and materialized views: the name from the statement's head, the relations the query
//! reads from its FROM and JOIN clauses, the statement itself kept as written. Read from tokens,
//! without a full parse: view bodies use every corner of each dialect's query syntax.

use relvar_model::View;
use sqlparser::tokenizer::{Token, Tokenizer};

use super::Importer;
use super::names::{QualifiedName, fold_word};
use crate::diagnostic::Severity;
use crate::dialect::{Dialect, SqlSyntax};
use crate::recover::unquoted_word;

impl Importer {
    /// Models a `CREATE [OR REPLACE | OR ALTER] [MATERIALIZED] VIEW`; `false` when the text is not
    /// one or its name cannot be read.
    pub(super) fn create_view(&mut self, text: &str) -> bool {
        let dialect = self.dialect.parser_dialect();
        let Ok(tokens) = Tokenizer::new(dialect.as_ref(), text).tokenize() else {
            return false;
        };
        let words: Vec<&Token> = tokens
            .iter()
            .filter(|token| !matches!(token, Token::Whitespace(_)))
            .collect();
        let Some(head) = view_head(&words, self.dialect) else {
            return false;
        };
        let reads = relations_read(words.get(head.body..).unwrap_or_default(), self.dialect)
            .into_iter()
            .map(|name| self.design_spelling(&name))
            .fold(Vec::new(), |mut reads, name| {
                if !reads.contains(&name) {
                    reads.push(name);
                }
                reads
            });
        let existing = self.view_index(&head.name);
        let view = View {
            schema: head.name.schema,
            name: head.name.name,
            materialized: head.materialized,
            sql: text.trim_end().trim_end_matches(';').to_owned(),
            reads,
            line: self.here().line,
        };
        match existing.and_then(|index| self.design.views.get_mut(index)) {
            Some(known) if head.replaces => *known = view,
            Some(_) => {
                let message = format!(
                    "view {} is defined twice; the first definition is used and this one kept as written",
                    view.qualified_name()
                );
                self.diagnose(Severity::Warning, self.here(), message);
                self.keep(text.to_owned(), "a second definition of the same view");
            }
            None => self.design.views.push(view),
        }
        true
    }

    /// Where the design's view of this name is, found as `Design::find_view` finds it.
    pub(super) fn view_index(&self, name: &QualifiedName) -> Option<usize> {
        let found = self.design.find_view(name.schema.as_deref(), &name.name)?;
        self.design
            .views
            .iter()
            .position(|view| std::ptr::eq(view, found))
    }

    /// Whether a view of the design has this name: indexes on materialized views are kept with
    /// them rather than reported as indexes of unknown tables.
    pub(super) fn view_named(&self, name: &QualifiedName) -> bool {
        self.design
            .find_view(name.schema.as_deref(), &name.name)
            .is_some()
    }

    /// A relation's qualified name as the design spells it, when the design holds it.
    pub(super) fn design_spelling(&self, name: &QualifiedName) -> String {
        if let Some(table) = self.design.find_table(name.schema.as_deref(), &name.name) {
            return table.qualified_name();
        }
        self.design
            .find_view(name.schema.as_deref(), &name.name)
            .map_or_else(|| name.display(), View::qualified_name)
    }
}

struct ViewHead {
    name: QualifiedName,
    materialized: bool,
    /// `OR REPLACE` or `OR ALTER`: the view replaces one of the same name.
    replaces: bool,
    /// Index of the first token after `AS`.
    body: usize,
}

fn keyword(token: Option<&&Token>) -> Option<String> {
    token.and_then(|token| unquoted_word(token))
}

/// `CREATE [OR REPLACE|ALTER] [ALGORITHM = x] [DEFINER = y] [SQL SECURITY z] [TEMP]
/// [MATERIALIZED] VIEW [IF NOT EXISTS] name [(columns)] [WITH ...] AS`.
fn view_head(words: &[&Token], dialect: Dialect) -> Option<ViewHead> {
    if keyword(words.first())?.as_str() != "CREATE" {
        return None;
    }
    let view_at = words
        .iter()
        .take(24)
        .position(|token| keyword(Some(token)).as_deref() == Some("VIEW"))?;
    let before_view = |wanted: &[&str]| {
        words
            .iter()
            .take(view_at)
            .any(|token| keyword(Some(token)).is_some_and(|word| wanted.contains(&word.as_str())))
    };
    let materialized = before_view(&["MATERIALIZED"]);
    let replaces = before_view(&["REPLACE", "ALTER"]);
    let mut at = view_at + 1;
    if keyword(words.get(at)).as_deref() == Some("IF") {
        at += 3;
    }
    let (name, after_name) = qualified_name(words, at, dialect)?;
    let mut depth = 0usize;
    let body = (after_name..words.len()).find(|&position| match words.get(position) {
        Some(Token::LParen) => {
            depth += 1;
            false
        }
        Some(Token::RParen) => {
            depth = depth.saturating_sub(1);
            false
        }
        _ => depth == 0 && keyword(words.get(position)).as_deref() == Some("AS"),
    })? + 1;
    Some(ViewHead {
        name,
        materialized,
        replaces,
        body,
    })
}

/// Reads `word[.word[.word]]` at `at`; returns the name and the index after it.
fn qualified_name(words: &[&Token], at: usize, dialect: Dialect) -> Option<(QualifiedName, usize)> {
    let mut parts = Vec::new();
    let mut position = at;
    while let Some(Token::Word(word)) = words.get(position) {
        parts.push(fold_word(word, dialect));
        position += 1;
        if words.get(position) != Some(&&Token::Period) {
            break;
        }
        position += 1;
    }
    Some((QualifiedName::from_parts(parts)?, position))
}

/// Words that end a FROM clause.
const FROM_CLAUSE_ENDS: &[&str] = &[
    "WHERE",
    "GROUP",
    "HAVING",
    "ORDER",
    "LIMIT",
    "UNION",
    "EXCEPT",
    "INTERSECT",
    "WINDOW",
    "OFFSET",
    "FETCH",
    "RETURNING",
    "SELECT",
];

/// One level of parentheses: whether it holds a query (FROM counts there, not in
/// `extract(year FROM x)`), and whether the reader is in that query's FROM clause.
struct Level {
    query: bool,
    in_from: bool,
}

/// Relations named in FROM clauses (after FROM, JOIN, or a comma of the clause), CTEs excluded.
fn relations_read(words: &[&Token], dialect: Dialect) -> Vec<QualifiedName> {
    let ctes = cte_names(words, dialect);
    let mut levels = vec![Level {
        query: true,
        in_from: false,
    }];
    let mut expecting = false;
    let mut reads = Vec::new();
    let mut position = 0;
    while let Some(&token) = words.get(position) {
        let upper = keyword(Some(&token));
        let in_from = levels.last().is_some_and(|level| level.in_from);
        match token {
            Token::LParen => {
                let opens_query = matches!(
                    keyword(words.get(position + 1)).as_deref(),
                    Some("SELECT" | "WITH" | "VALUES")
                );
                levels.push(Level {
                    query: opens_query || expecting,
                    in_from: expecting && !opens_query,
                });
                expecting = expecting && !opens_query;
                position += 1;
                continue;
            }
            Token::RParen => {
                if levels.len() > 1 {
                    levels.pop();
                }
                expecting = false;
            }
            Token::Comma => expecting = in_from,
            Token::Word(_)
                if expecting && !matches!(upper.as_deref(), Some("ONLY" | "LATERAL")) =>
            {
                expecting = false;
                if let Some((name, after)) = qualified_name(words, position, dialect) {
                    let is_function = words.get(after) == Some(&&Token::LParen);
                    let is_cte = name.schema.is_none() && ctes.contains(&name.name);
                    if !is_function && !is_cte {
                        reads.push(name);
                    }
                    position = after;
                    continue;
                }
            }
            Token::Word(_) => match upper.as_deref() {
                Some("FROM") if levels.last().is_some_and(|level| level.query) => {
                    if let Some(level) = levels.last_mut() {
                        level.in_from = true;
                    }
                    expecting = true;
                }
                Some("JOIN") if in_from => expecting = true,
                Some("ONLY" | "LATERAL") => {}
                Some(word) if FROM_CLAUSE_ENDS.contains(&word) => {
                    if let Some(level) = levels.last_mut() {
                        level.in_from = false;
                    }
                    expecting = false;
                }
                _ => expecting = false,
            },
            _ => expecting = false,
        }
        position += 1;
    }
    reads
}

/// Names defined by `WITH [RECURSIVE] name AS (` and `, name AS (`.
fn cte_names(words: &[&Token], dialect: Dialect) -> Vec<String> {
    (1..words.len())
        .filter(|&position| {
            let before = keyword(words.get(position - 1));
            (matches!(before.as_deref(), Some("WITH" | "RECURSIVE"))
                || words.get(position - 1) == Some(&&Token::Comma))
                && keyword(words.get(position + 1)).as_deref() == Some("AS")
                && words.get(position + 2) == Some(&&Token::LParen)
        })
        .filter_map(|position| Some(qualified_name(words, position, dialect)?.0.name))
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{Dialect, import_sql};

    #[test]
    fn views_are_modelled_with_the_relations_they_read() {
        let sql = "CREATE TABLE film (id int primary key);\n\
                   CREATE TABLE Actor (id int primary key);\n\
                   CREATE VIEW public.film_list AS WITH recent AS (SELECT * FROM film) \
                   SELECT f.id FROM (SELECT 1) s, recent r JOIN public.film f ON f.id = r.id, actor a \
                   LEFT JOIN unnest(ARRAY[1]) u ON true WHERE a.id IN (SELECT id FROM \"Other\") \
                   AND extract(year FROM now()) > 0;\n\
                   CREATE MATERIALIZED VIEW IF NOT EXISTS totals (n) AS SELECT count(*) FROM film_list;\n\
                   CREATE UNIQUE INDEX totals_n ON totals (n);";
        let import = import_sql(sql, Dialect::PostgreSql);
        let views = &import.design.views;
        assert_eq!(views.len(), 2, "{:?}", import.diagnostics);
        assert_eq!(views[0].qualified_name(), "public.film_list");
        assert!(!views[0].materialized);
        assert_eq!(views[0].reads, ["film", "actor", "Other"]);
        assert_eq!(views[0].line, 3);
        assert_eq!(views[1].qualified_name(), "totals");
        assert!(views[1].materialized);
        assert_eq!(views[1].reads, ["public.film_list"]);
        assert!(
            views[1]
                .sql
                .starts_with("CREATE MATERIALIZED VIEW IF NOT EXISTS totals")
        );
        assert_eq!(import.modelled_count, 4);
        assert_eq!(import.design.unmodelled.len(), 1);
        assert!(
            import
                .diagnostics
                .iter()
                .all(|d| d.severity == crate::Severity::Info),
            "{:?}",
            import.diagnostics
        );
    }

    #[test]
    fn mysql_and_sql_server_view_heads_are_read() {
        let mysql = "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER \
                     VIEW `actor_info` AS select `a`.`id` from (`actor` `a` left join `film` on(1))";
        let view = &import_sql(mysql, Dialect::MySql).design.views[0];
        assert_eq!(
            (view.name.as_str(), view.reads.clone()),
            ("actor_info", vec!["actor".to_owned(), "film".to_owned()])
        );
        let mssql = "CREATE OR ALTER VIEW [Sales].[vOrders] WITH SCHEMABINDING AS SELECT o.id FROM [Sales].[Order] o";
        let view = &import_sql(mssql, Dialect::MsSql).design.views[0];
        assert_eq!(view.qualified_name(), "Sales.vOrders");
        assert_eq!(view.reads, ["Sales.Order"]);
    }
}
