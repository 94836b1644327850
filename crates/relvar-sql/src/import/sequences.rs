//! `CREATE SEQUENCE` with its options in any order (pg_dump's order is one sqlparser 0.63 rejects),
//! and `ALTER SEQUENCE ... OWNED BY table.column`. Read from tokens; a statement with anything
//! else is kept as written.

use relvar_model::{Sequence, SequenceOwner};
use sqlparser::ast::Ident;
use sqlparser::tokenizer::{Token, Tokenizer};

use super::Importer;
use super::names::QualifiedName;
use crate::dialect::Dialect;

impl Importer {
    /// Models a CREATE SEQUENCE or an ALTER SEQUENCE ... OWNED BY; `false` when the text is
    /// neither or holds something else.
    pub(super) fn sequence_statement(&mut self, text: &str) -> bool {
        let dialect = self.dialect.parser_dialect();
        let Ok(tokens) = Tokenizer::new(dialect.as_ref(), text).tokenize() else {
            return false;
        };
        let mut reader = Reader {
            tokens: tokens
                .into_iter()
                .filter(|token| !matches!(token, Token::Whitespace(_) | Token::SemiColon))
                .collect(),
            at: 0,
            dialect: self.dialect,
        };
        let creating = reader.keyword("CREATE");
        if !creating && !reader.keyword("ALTER") {
            return false;
        }
        if !reader.keyword("SEQUENCE") {
            return false;
        }
        if creating && reader.keyword("IF") && !(reader.keyword("NOT") && reader.keyword("EXISTS"))
        {
            return false;
        }
        let Some(name) = reader.name() else {
            return false;
        };
        let mut sequence = Sequence {
            schema: name.schema.clone(),
            name: name.name.clone(),
            ..Sequence::default()
        };
        if creating {
            if reader.options(&mut sequence).is_none() || !reader.done() {
                return false;
            }
            self.design.sequences.push(sequence);
            return true;
        }
        let Some(index) = self.design.sequences.iter().position(|known| {
            known.name == name.name && (name.schema.is_none() || known.schema == name.schema)
        }) else {
            return false;
        };
        if !(reader.keyword("OWNED") && reader.keyword("BY")) {
            return false;
        }
        let Some(owner) = reader.owner() else {
            return false;
        };
        if !reader.done() {
            return false;
        }
        if let Some(known) = self.design.sequences.get_mut(index) {
            known.owned_by = owner;
        }
        true
    }
}

struct Reader {
    tokens: Vec<Token>,
    at: usize,
    dialect: Dialect,
}

impl Reader {
    fn peek_keyword(&self) -> Option<String> {
        match self.tokens.get(self.at) {
            Some(Token::Word(word)) if word.quote_style.is_none() => {
                Some(word.value.to_ascii_uppercase())
            }
            _ => None,
        }
    }

    fn keyword(&mut self, expected: &str) -> bool {
        let found = self.peek_keyword().as_deref() == Some(expected);
        if found {
            self.at += 1;
        }
        found
    }

    fn done(&self) -> bool {
        self.at >= self.tokens.len()
    }

    /// `word(.word)*`, folded as the dialect folds names.
    fn parts(&mut self) -> Vec<String> {
        let mut parts = Vec::new();
        while let Some(Token::Word(word)) = self.tokens.get(self.at) {
            let ident = Ident {
                value: word.value.clone(),
                quote_style: word.quote_style,
                span: sqlparser::tokenizer::Span::empty(),
            };
            parts.push(self.dialect.fold(&ident));
            self.at += 1;
            if self.tokens.get(self.at) != Some(&Token::Period) {
                break;
            }
            self.at += 1;
        }
        parts
    }

    fn name(&mut self) -> Option<QualifiedName> {
        let mut parts = self.parts();
        let name = parts.pop()?;
        Some(QualifiedName {
            schema: parts.pop(),
            name,
        })
    }

    /// `table.column`, `schema.table.column`, or NONE (no owner).
    fn owner(&mut self) -> Option<Option<SequenceOwner>> {
        if self.keyword("NONE") {
            return Some(None);
        }
        let mut parts = self.parts();
        let column = parts.pop()?;
        let table = parts.pop()?;
        let table = match parts.pop() {
            Some(schema) => format!("{schema}.{table}"),
            None => table,
        };
        Some(Some(SequenceOwner { table, column }))
    }

    fn number(&mut self) -> Option<i64> {
        let negative = self.tokens.get(self.at) == Some(&Token::Minus);
        if negative {
            self.at += 1;
        }
        let Some(Token::Number(digits, _)) = self.tokens.get(self.at) else {
            return None;
        };
        let value: i64 = digits.parse().ok()?;
        self.at += 1;
        Some(if negative { -value } else { value })
    }

    /// The options of CREATE SEQUENCE, in any order; `None` at anything else.
    fn options(&mut self, sequence: &mut Sequence) -> Option<()> {
        while let Some(word) = self.peek_keyword() {
            self.at += 1;
            match word.as_str() {
                "AS" => {
                    let type_name = self.peek_keyword()?;
                    self.at += 1;
                    sequence.data_type = Some(type_name.to_ascii_lowercase());
                }
                "START" => {
                    self.keyword("WITH");
                    sequence.start = Some(self.number()?);
                }
                "INCREMENT" => {
                    self.keyword("BY");
                    sequence.increment = Some(self.number()?);
                }
                "MINVALUE" => sequence.min_value = Some(self.number()?),
                "MAXVALUE" => sequence.max_value = Some(self.number()?),
                "CACHE" => sequence.cache = Some(self.number()?),
                "CYCLE" => sequence.cycle = true,
                "NO" => match self.peek_keyword()?.as_str() {
                    "MINVALUE" | "MAXVALUE" => self.at += 1,
                    "CYCLE" => {
                        self.at += 1;
                        sequence.cycle = false;
                    }
                    _ => return None,
                },
                "OWNED" => {
                    if !self.keyword("BY") {
                        return None;
                    }
                    sequence.owned_by = self.owner()?;
                }
                _ => return None,
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use crate::{Dialect, export_ddl, import_sql};

    const PG_DUMP: &str = "CREATE TABLE public.actor (actor_id integer NOT NULL);\n\
        CREATE SEQUENCE public.actor_actor_id_seq\n    AS integer\n    START WITH 1\n    \
        INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n\
        ALTER SEQUENCE public.actor_actor_id_seq OWNED BY public.actor.actor_id;\n\
        CREATE SEQUENCE counter INCREMENT 5 MINVALUE -10 MAXVALUE 100 START -10 CYCLE;\n\
        ALTER SEQUENCE counter RESTART WITH 3;";

    #[test]
    fn pg_dump_sequences_are_modelled_in_any_option_order() {
        let import = import_sql(PG_DUMP, Dialect::PostgreSql);
        assert_eq!(import.modelled_count, 4, "{:?}", import.diagnostics);
        assert_eq!(import.design.unmodelled.len(), 1, "RESTART is kept");
        let outline = import.design.outline();
        assert!(
            outline.contains(
                "sequence public.actor_actor_id_seq as integer start 1 increment 1 cache 1 owned by public.actor.actor_id\n"
            ),
            "{outline}"
        );
        assert!(
            outline.contains("sequence counter start -10 increment 5 min -10 max 100 cycle\n"),
            "{outline}"
        );
    }

    #[test]
    fn sequences_are_written_for_postgresql_and_read_back_the_same() {
        let design = import_sql(PG_DUMP, Dialect::PostgreSql).design;
        let ddl = export_ddl(&design, Dialect::PostgreSql).sql;
        let create = ddl
            .find("CREATE SEQUENCE public.actor_actor_id_seq")
            .unwrap();
        let table = ddl.find("CREATE TABLE public.actor").unwrap();
        let owned = ddl
            .find("ALTER SEQUENCE public.actor_actor_id_seq OWNED BY public.actor.actor_id;")
            .unwrap();
        assert!(create < table && table < owned, "{ddl}");
        let again = import_sql(&ddl, Dialect::PostgreSql).design;
        assert_eq!(again.sequences, design.sequences);
        let mssql = export_ddl(&design, Dialect::MsSql).sql;
        assert!(
            mssql.contains("CREATE SEQUENCE counter START WITH -10 INCREMENT BY 5 MINVALUE -10 MAXVALUE 100 CYCLE;"),
            "{mssql}"
        );
        assert!(
            mssql.contains("CREATE SEQUENCE actor_actor_id_seq AS int START WITH 1"),
            "{mssql}"
        );
        let mysql = export_ddl(&design, Dialect::MySql);
        assert!(!mysql.sql.contains("SEQUENCE"), "{}", mysql.sql);
        assert!(
            mysql
                .warnings
                .iter()
                .any(|warning| warning.contains("sequence counter")),
            "{:?}",
            mysql.warnings
        );
    }
}
