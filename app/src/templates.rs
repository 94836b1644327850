//! The designs a new one can start from: blank, and schemas for common kinds of application
//! (their DDL ships with the app and is imported and laid out like any pasted script).

use relvar_model::Design;
use relvar_sql::Dialect;

#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
    pub dialect: Dialect,
    /// Empty for the blank design.
    pub sql: &'static str,
}

pub const TEMPLATES: [Template; 6] = [
    Template {
        id: "blank",
        name: "Blank design",
        summary: "Nothing yet: add tables or paste DDL.",
        dialect: Dialect::PostgreSql,
        sql: "",
    },
    Template {
        id: "prompt-library",
        name: "Prompt library",
        summary: "Users with profiles, prompts with versions, tags and favourites.",
        dialect: Dialect::PostgreSql,
        sql: include_str!("../templates/prompt_library.sql"),
    },
    Template {
        id: "ecommerce",
        name: "E-commerce",
        summary: "Catalogue with variants and stock, carts, orders, payments, shipments.",
        dialect: Dialect::PostgreSql,
        sql: include_str!("../templates/ecommerce.sql"),
    },
    Template {
        id: "saas",
        name: "Multi-tenant SaaS",
        summary: "Tenants, members and roles, projects and tasks, audit log, billing.",
        dialect: Dialect::PostgreSql,
        sql: include_str!("../templates/saas.sql"),
    },
    Template {
        id: "blog",
        name: "Blog / CMS",
        summary: "Authors, posts with revisions, categories, tags, threaded comments, media.",
        dialect: Dialect::PostgreSql,
        sql: include_str!("../templates/blog.sql"),
    },
    Template {
        id: "sakila",
        name: "Sakila (MySQL sample)",
        summary: "The DVD rental sample database: films, actors, stores, rentals, payments.",
        dialect: Dialect::MySql,
        sql: include_str!("../templates/sakila.sql"),
    },
];

impl Template {
    /// A new design from the template, laid out, named after it.
    pub fn design(&self) -> Design {
        let mut design = if self.sql.is_empty() {
            Design::default()
        } else {
            relvar_sql::import_ddl(self.sql, self.dialect).design
        };
        relvar_layout::lay_out_unplaced(&mut design);
        design.name = self.design_name();
        design
    }

    /// What a design started from it is called: the blank one is untitled until it is named
    /// (by the person, or by the DDL pasted into it).
    pub fn design_name(&self) -> String {
        if self.sql.is_empty() {
            Design::default().name
        } else {
            self.name.to_owned()
        }
    }
}
