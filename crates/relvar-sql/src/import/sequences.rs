//! `CREATE SEQUENCE` with its options in any order (pg_dump's order is one sqlparser 0.63 rejects),
//! and `ALTER SEQUENCE ... OWNED BY table.column`. Read from tokens; a statement with anything
//! else is kept as written.

use relvar_model::{Sequence, SequenceOwner};

use super::Importer;
use super::token_reader::TokenReader;

impl Importer {
    /// Models a CREATE SEQUENCE or an ALTER SEQUENCE ... OWNED BY; `false` when the text is
    /// neither or holds something else.
    pub(super) fn sequence_statement(&mut self, text: &str) -> bool {
        let Some(mut reader) = TokenReader::new(text, self.dialect) else {
            return false;
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
            if options(&mut reader, &mut sequence).is_none() || !reader.done() {
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
        let Some(owner) = owner(&mut reader) else {
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

/// `table.column`, `schema.table.column`, or NONE (no owner).
fn owner(reader: &mut TokenReader) -> Option<Option<SequenceOwner>> {
    if reader.keyword("NONE") {
        return Some(None);
    }
    let mut parts = reader.parts();
    let column = parts.pop()?;
    let table = parts.pop()?;
    let table = match parts.pop() {
        Some(schema) => format!("{schema}.{table}"),
        None => table,
    };
    Some(Some(SequenceOwner { table, column }))
}

/// The options of CREATE SEQUENCE, in any order; `None` at anything else.
fn options(reader: &mut TokenReader, sequence: &mut Sequence) -> Option<()> {
    while let Some(word) = reader.next_keyword() {
        match word.as_str() {
            "AS" => sequence.data_type = Some(reader.next_keyword()?.to_ascii_lowercase()),
            "START" => {
                reader.keyword("WITH");
                sequence.start = Some(reader.number()?);
            }
            "INCREMENT" => {
                reader.keyword("BY");
                sequence.increment = Some(reader.number()?);
            }
            "MINVALUE" => sequence.min_value = Some(reader.number()?),
            "MAXVALUE" => sequence.max_value = Some(reader.number()?),
            "CACHE" => sequence.cache = Some(reader.number()?),
            "CYCLE" => sequence.cycle = true,
            "NO" => match reader.next_keyword()?.as_str() {
                "MINVALUE" | "MAXVALUE" => {}
                "CYCLE" => sequence.cycle = false,
                _ => return None,
            },
            "OWNED" => {
                if !reader.keyword("BY") {
                    return None;
                }
                sequence.owned_by = owner(reader)?;
            }
            _ => return None,
        }
    }
    Some(())
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
