//! `ALTER TABLE [ONLY] parent ATTACH PARTITION child bound`, as pg_dump writes partitions (sqlparser
//! 0.63 rejects it): the child table records its parent and bound.

use relvar_model::PartitionOf;

use super::Importer;
use super::token_reader::TokenReader;

impl Importer {
    /// Models an ATTACH PARTITION of two tables of the design; `false` for anything else.
    pub(super) fn attach_partition(&mut self, text: &str) -> bool {
        let Some(mut reader) = TokenReader::new(text, self.dialect) else {
            return false;
        };
        if !(reader.keyword("ALTER") && reader.keyword("TABLE")) {
            return false;
        }
        reader.keyword("ONLY");
        let Some(parent) = reader.name() else {
            return false;
        };
        if !(reader.keyword("ATTACH") && reader.keyword("PARTITION")) {
            return false;
        }
        let Some(child) = reader.name() else {
            return false;
        };
        let bound = reader.rest_as_written();
        if bound.is_empty() {
            return false;
        }
        let (Some(parent_id), Some(child_id)) =
            (self.table_named(&parent), self.table_named(&child))
        else {
            return false;
        };
        let parent = self
            .design
            .table(parent_id)
            .map(relvar_model::Table::qualified_name)
            .unwrap_or_else(|| parent.display());
        let Some(table) = self
            .design
            .tables
            .iter_mut()
            .find(|table| table.id == child_id)
        else {
            return false;
        };
        table.partition_of = Some(PartitionOf { parent, bound });
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::{Dialect, export_ddl, import_sql};

    const SQL: &str = "CREATE TABLE public.payment (id int, paid date) PARTITION BY RANGE (paid);\n\
        CREATE TABLE public.payment_2022 (id int, paid date);\n\
        ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_2022 \
        FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');\n\
        CREATE TABLE public.payment_rest PARTITION OF public.payment DEFAULT;";

    #[test]
    fn attached_and_declared_partitions_know_their_table() {
        let import = import_sql(SQL, Dialect::PostgreSql);
        assert_eq!(import.modelled_count, 4, "{:?}", import.diagnostics);
        let outline = import.design.outline();
        assert!(
            outline.contains(
                "  partition of public.payment FOR VALUES FROM ('2022-01-01') TO ('2023-01-01')\n"
            ),
            "{outline}"
        );
        assert!(
            outline.contains("  partition of public.payment DEFAULT\n"),
            "{outline}"
        );
    }

    #[test]
    fn partitions_are_written_for_postgresql_and_warned_elsewhere() {
        let design = import_sql(SQL, Dialect::PostgreSql).design;
        let ddl = export_ddl(&design, Dialect::PostgreSql).sql;
        assert!(
            ddl.contains("ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_2022 FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');"),
            "{ddl}"
        );
        assert!(
            ddl.contains("CREATE TABLE public.payment_rest PARTITION OF public.payment DEFAULT;"),
            "{ddl}"
        );
        let again = import_sql(&ddl, Dialect::PostgreSql).design;
        assert_eq!(again.outline(), design.outline());
        let mysql = export_ddl(&design, Dialect::MySql);
        assert_eq!(
            mysql.sql.matches("CREATE TABLE").count(),
            2,
            "{}",
            mysql.sql
        );
        assert!(
            mysql
                .warnings
                .iter()
                .any(|w| w.contains("payment_2022") && w.contains("partition of")),
            "{:?}",
            mysql.warnings
        );
    }
}
