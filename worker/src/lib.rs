//! The studio's worker, loaded the first time a person compares versions or exports: the engines
//! a person does not need at first (diff and migrations, DDL, Mermaid and ADR export, zips of
//! migration files, the engines' catalog queries and the reading of what they print) live here,
//! outside the page's first load and off its thread.
//!
//! `protocol` is what the page and the worker say to each other; `answer` answers one request.

mod archive;
pub mod protocol;
mod report;

use protocol::{Answer, Compared, ExportFormat, Imported, Request};
use relvar_diff::compare;
use relvar_model::Design;
use relvar_sql::Dialect;

/// The answer to `request` about the design in `design_file` (a design file's JSON), as JSON,
/// with the zip of a comparison's files when it has more than one.
pub fn answer(design_file: &str, request: &str) -> (String, Option<Vec<u8>>) {
    let mut zip = None;
    let outcome: Result<Answer, String> = relvar_share::load_file(design_file)
        .map_err(|error| format!("the design could not be read: {error}"))
        .and_then(|design| {
            let request = serde_json::from_str::<Request>(request)
                .map_err(|error| format!("the request could not be read: {error}"))?;
            let answer = answer_to(&design, &request)?;
            if let Answer::Compared(compared) = &answer
                && compared.files.len() > 1
            {
                zip = archive::zip_files(&compared.files).ok();
            }
            Ok(answer)
        });
    let json = serde_json::to_string(&outcome)
        .unwrap_or_else(|_| String::from(r#"{"Err":"the answer could not be written"}"#));
    (json, zip)
}

fn answer_to(design: &Design, request: &Request) -> Result<Answer, String> {
    match request {
        Request::Compare(asked) => {
            let comparison = compare(design, asked)?;
            Ok(Answer::Compared(Compared {
                markup: report::comparison_markup(&comparison),
                changes: comparison.changes,
                files: comparison.files,
            }))
        }
        Request::Export(ExportFormat::Ddl(id)) => {
            let dialect =
                Dialect::from_id(id).ok_or_else(|| format!("no engine is called {id}"))?;
            let ddl = relvar_sql::export_ddl(design, dialect);
            Ok(Answer::Exported {
                text: ddl.sql,
                warnings: ddl.warnings,
            })
        }
        Request::Export(ExportFormat::Mermaid) => Ok(Answer::Exported {
            text: relvar_artefacts::to_mermaid(design),
            warnings: Vec::new(),
        }),
        Request::Export(ExportFormat::Decisions) => Ok(Answer::Exported {
            text: relvar_artefacts::to_adr_markdown(design),
            warnings: Vec::new(),
        }),
        Request::Export(ExportFormat::Dictionary) => Ok(Answer::Exported {
            text: relvar_artefacts::dictionary_markdown(design),
            warnings: Vec::new(),
        }),
        Request::Export(ExportFormat::DictionaryHtml) => Ok(Answer::Exported {
            text: relvar_artefacts::dictionary_html(design),
            warnings: Vec::new(),
        }),
        Request::ImportCatalog(text) => {
            if !relvar_sql::is_catalog_document(text) {
                return Err("the text is not a catalog document".to_owned());
            }
            let import = relvar_sql::import_sql(text, relvar_sql::detect_dialect(text));
            Ok(Answer::Imported(Imported {
                design_file: relvar_share::save_file(
                    &import.design,
                    relvar_share::JsonStyle::Compact,
                ),
                diagnostics: import.diagnostics,
                statement_count: import.statement_count,
                modelled_count: import.modelled_count,
            }))
        }
        Request::Export(ExportFormat::CatalogQuery(id)) => {
            let dialect =
                Dialect::from_id(id).ok_or_else(|| format!("no engine is called {id}"))?;
            Ok(Answer::Exported {
                text: relvar_sql::catalog_query(dialect).to_owned(),
                warnings: Vec::new(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use relvar_diff::{CompareRequest, FileFormat, FileNaming, Side};

    use super::*;

    fn asked(request: &Request) -> String {
        serde_json::to_string(request).unwrap_or_default()
    }

    fn read(json: &str) -> Result<Answer, String> {
        serde_json::from_str(json).unwrap_or_else(|_| Err(json.to_string()))
    }

    #[test]
    fn a_comparison_is_answered_with_its_report_and_the_zip_of_its_files() {
        let design = relvar_share::save_file(&Design::default(), relvar_share::JsonStyle::Compact);
        let request = Request::Compare(Box::new(CompareRequest {
            from: Side::Current,
            to: Side::Current,
            dialect: None,
            safe: false,
            naming: FileNaming {
                format: FileFormat::Flyway,
                number: 1,
                description: "none".into(),
                down: false,
            },
            renames: relvar_diff::Renames::default(),
        }));
        let (json, zip) = answer(&design, &asked(&request));
        let Ok(Answer::Compared(compared)) = read(&json) else {
            panic!("{json}");
        };
        assert_eq!(compared.files.len(), 2);
        assert!(
            compared.markup.contains("No changes"),
            "{}",
            compared.markup
        );
        assert!(zip.is_some_and(|bytes| bytes.starts_with(b"PK")));
        let (json, zip) = answer("{", &asked(&request));
        assert!(read(&json).is_err_and(|why| why.starts_with("the design could not be read")));
        assert!(zip.is_none());
    }

    #[test]
    fn an_export_is_the_text_the_exporters_write() {
        let imported =
            relvar_sql::import_sql("CREATE TABLE t (id int PRIMARY KEY);", Dialect::PostgreSql);
        let design = relvar_share::save_file(&imported.design, relvar_share::JsonStyle::Compact);
        let export = |format| read(&answer(&design, &asked(&Request::Export(format))).0);
        let Ok(Answer::Exported { text, .. }) = export(ExportFormat::Ddl("sqlite".into())) else {
            panic!("an export");
        };
        assert_eq!(
            text,
            relvar_sql::export_ddl(&imported.design, Dialect::Sqlite).sql
        );
        let Ok(Answer::Exported { text, .. }) = export(ExportFormat::Mermaid) else {
            panic!("an export");
        };
        assert_eq!(text, relvar_artefacts::to_mermaid(&imported.design));
        assert!(export(ExportFormat::Ddl("oracle".into())).is_err());
        let Ok(Answer::Exported { text, .. }) = export(ExportFormat::CatalogQuery("mssql".into()))
        else {
            panic!("a catalog query");
        };
        assert_eq!(text, relvar_sql::catalog_query(Dialect::MsSql));
    }

    #[test]
    fn a_catalog_document_is_read_as_the_catalog_reader_reads_it() {
        let document = r#"{"relvar_catalog": 1, "engine": "postgres", "database": "shop",
            "tables": [{"schema": "public", "name": "customer",
                "columns": [{"position": 1, "name": "id", "type": "integer", "nullable": false}],
                "primary_key": {"name": "customer_pkey", "columns": ["id"]},
                "foreign_keys": [{"name": "customer_fk", "columns": ["id"], "ref_schema": "public",
                    "ref_table": "nowhere", "ref_columns": ["id"]}]}]}"#;
        let empty = relvar_share::save_file(&Design::default(), relvar_share::JsonStyle::Compact);
        let reply = read(&answer(&empty, &asked(&Request::ImportCatalog(document.into()))).0);
        let Ok(Answer::Imported(imported)) = reply else {
            panic!("{reply:?}");
        };
        let expected = relvar_sql::import_sql(document, Dialect::PostgreSql);
        let design = relvar_share::load_file(&imported.design_file).expect("a design file");
        assert_eq!(design, expected.design);
        assert_eq!(design.tables.len(), 1);
        assert_eq!(imported.diagnostics, expected.diagnostics);
        assert!(
            !imported.diagnostics.is_empty(),
            "the reference to a missing table is diagnosed"
        );
        assert_eq!(imported.statement_count, expected.statement_count);
        assert_eq!(imported.modelled_count, expected.modelled_count);
        let refused = answer(
            &empty,
            &asked(&Request::ImportCatalog("CREATE TABLE t (id int);".into())),
        );
        assert!(read(&refused.0).is_err_and(|why| why.contains("not a catalog document")));
    }
}
