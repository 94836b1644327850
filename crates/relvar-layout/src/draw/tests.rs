//! Tests of the drawing: cardinalities from the model, markers, escaping, collapsing, pictures.

use std::collections::BTreeSet;

use relvar_model::{
    AreaId, Column, ColumnId, Design, ForeignKey, ForeignKeyId, Index, IndexKey, IndexPart, Note,
    NoteId, Point, PrimaryKey, ReferentialAction, RelationshipEnds, SubjectArea, Table, TableId,
    UniqueConstraint,
};

use super::*;

fn column(id: u32, name: &str, nullable: bool) -> Column {
    let mut column = Column::new(ColumnId(id), name, "integer");
    column.nullable = nullable;
    column
}

/// film(id PK), film_actor(film_id, actor_id, PK both), review(id PK, film_id nullable UNIQUE,
/// author text).
fn sample() -> Design {
    let mut design = Design::default();
    let mut film = Table::new(TableId(1), Some("public".into()), "film");
    film.columns.push(column(10, "id", false));
    film.primary_key = Some(PrimaryKey {
        name: None,
        columns: vec![ColumnId(10)],
    });
    let mut film_actor = Table::new(TableId(2), Some("public".into()), "film_actor");
    film_actor.columns.push(column(20, "film_id", false));
    film_actor.columns.push(column(21, "actor_id", false));
    film_actor.primary_key = Some(PrimaryKey {
        name: None,
        columns: vec![ColumnId(20), ColumnId(21)],
    });
    let mut review = Table::new(TableId(3), None, "review <\"x\">");
    review.columns.push(column(30, "id", false));
    review.columns.push(column(31, "film_id", true));
    review.columns.push(column(32, "author", true));
    review.columns.push(column(33, "stars", true));
    review.primary_key = Some(PrimaryKey {
        name: None,
        columns: vec![ColumnId(30)],
    });
    review.uniques.push(UniqueConstraint {
        name: None,
        columns: vec![ColumnId(31)],
    });
    review.indexes.push(Index {
        name: None,
        unique: false,
        method: None,
        parts: vec![IndexPart {
            key: IndexKey::Column(ColumnId(33)),
            prefix: None,
            descending: false,
            operator_class: None,
            collation: None,
        }],
        include: Vec::new(),
        predicate: None,
        kind: None,
        verbatim_options: Vec::new(),
    });
    design.tables = vec![film, film_actor, review];
    let foreign_key = |id, from_table, from, to| ForeignKey {
        id: ForeignKeyId(id),
        name: None,
        from_table: TableId(from_table),
        from_columns: vec![ColumnId(from)],
        to_table: TableId(1),
        to_columns: vec![ColumnId(to)],
        on_delete: ReferentialAction::NoAction,
        on_update: ReferentialAction::NoAction,
        deferral: Default::default(),
    };
    design.foreign_keys = vec![foreign_key(40, 2, 20, 10), foreign_key(41, 3, 31, 10)];
    design
        .layout
        .positions
        .insert(TableId(1), Point::new(0.0, 0.0));
    design
        .layout
        .positions
        .insert(TableId(2), Point::new(400.0, 0.0));
    design
        .layout
        .positions
        .insert(TableId(3), Point::new(400.0, 300.0));
    design
}

fn ends(design: &Design, foreign_key: usize) -> RelationshipEnds {
    let foreign_key = &design.foreign_keys[foreign_key];
    design
        .table(foreign_key.from_table)
        .unwrap()
        .relationship_ends(foreign_key)
}

#[test]
fn cardinality_follows_nullability_and_uniqueness() {
    let design = sample();
    let film_actor = ends(&design, 0);
    assert_eq!(
        film_actor.parent.name(),
        "one",
        "NOT NULL film_id: exactly one film"
    );
    assert_eq!(
        film_actor.child.name(),
        "zero-or-many",
        "film_id alone is not unique"
    );
    assert!(film_actor.identifying, "film_id is inside the primary key");
    let review = ends(&design, 1);
    assert_eq!(review.parent.name(), "zero-or-one", "nullable film_id");
    assert_eq!(review.child.name(), "zero-or-one", "UNIQUE film_id");
    assert!(!review.identifying);
}

#[test]
fn a_unique_index_also_makes_the_child_end_at_most_one() {
    let mut design = sample();
    let review = design.table_mut(TableId(3)).unwrap();
    review.uniques.clear();
    assert_eq!(ends(&design, 1).child.name(), "zero-or-many");
    let review = design.table_mut(TableId(3)).unwrap();
    review.indexes.push(Index {
        name: None,
        unique: true,
        method: None,
        parts: vec![IndexPart {
            key: IndexKey::Column(ColumnId(31)),
            prefix: None,
            descending: false,
            operator_class: None,
            collation: None,
        }],
        include: Vec::new(),
        predicate: None,
        kind: None,
        verbatim_options: Vec::new(),
    });
    assert_eq!(ends(&design, 1).child.name(), "zero-or-one");
}

fn render(design: &Design, id: u32, detail: Detail) -> String {
    render_marked(design, id, detail, None, None)
}

fn render_marked(
    design: &Design,
    id: u32,
    detail: Detail,
    badge: Option<TableBadge>,
    highlight: Option<&[ColumnId]>,
) -> String {
    render_changed(
        design,
        id,
        detail,
        (badge, highlight),
        ChangeMarks::default(),
    )
}

fn render_changed(
    design: &Design,
    id: u32,
    detail: Detail,
    (badge, highlight): (Option<TableBadge>, Option<&[ColumnId]>),
    change: ChangeMarks,
) -> String {
    let facts = design_facts(design);
    let table = design.table(TableId(id)).unwrap();
    let mut out = String::new();
    let style = TableStyle {
        palette: Theme::Light.palette(),
        detail,
        selected: false,
        interactive: true,
        badge,
        highlight,
        change,
    };
    table_markup(
        &mut out,
        table,
        &facts[&table.id],
        Point::new(5.0, 6.0),
        style,
    );
    out
}

#[test]
fn columns_carry_their_key_markers() {
    let design = sample();
    let review = render(&design, 3, Detail::Full);
    assert!(
        review.contains(r#"data-column="id" data-markers="pk""#),
        "{review}"
    );
    assert!(
        review.contains(r#"data-column="film_id" data-markers="fk uq""#),
        "{review}"
    );
    assert!(
        review.contains(r#"data-column="author" data-markers="""#),
        "{review}"
    );
    assert!(
        review.contains(r#"data-column="stars" data-markers="ix""#),
        "{review}"
    );
    assert!(
        review.contains(">integer?</text>"),
        "nullable types end in ?"
    );
    assert_eq!(review.matches(r#"class="connector""#).count(), 4);
}

#[test]
fn names_are_escaped_and_bad_colours_ignored() {
    let mut design = sample();
    design.table_mut(TableId(3)).unwrap().colour = Some("red\" onload=\"x".into());
    let review = render(&design, 3, Detail::Full);
    assert!(review.contains("review &lt;&quot;x&quot;&gt;"), "{review}");
    assert!(!review.contains("onload"), "{review}");
    design.table_mut(TableId(3)).unwrap().colour = Some("#12ab9f".into());
    assert!(render(&design, 3, Detail::Full).contains(r##"fill="#12ab9f""##));
    assert_eq!(safe_colour("#abc"), Some("#abc"));
    assert_eq!(safe_colour("#abcd12"), Some("#abcd12"));
    assert_eq!(safe_colour("url(#x)"), None);
    assert_eq!(safe_colour("#ggg"), None);
}

#[test]
fn lower_detail_leaves_out_rows_then_names() {
    let design = sample();
    let names = render(&design, 3, Detail::Names);
    assert!(names.contains(r#"class="table-name""#) && !names.contains(r#"class="column""#));
    let boxes = render(&design, 3, Detail::Boxes);
    assert!(boxes.contains("table-body") && !boxes.contains(r#"class="table-name""#));
}

#[test]
fn a_collapsed_table_shows_only_key_columns_and_is_shorter() {
    let mut design = sample();
    let full_facts = design_facts(&design);
    let full_height = full_facts[&TableId(3)]
        .drawn_size(design.table(TableId(3)).unwrap())
        .height;
    design.layout.collapsed.insert(TableId(3));
    let collapsed = render(&design, 3, Detail::Full);
    assert!(
        collapsed.contains(r#"data-column="film_id""#) && collapsed.contains(r#"data-column="id""#)
    );
    assert!(
        !collapsed.contains(r#"data-column="author""#),
        "{collapsed}"
    );
    assert!(
        !collapsed.contains(r#"data-column="stars""#),
        "indexed is not a key"
    );
    let facts = design_facts(&design);
    let table = design.table(TableId(3)).unwrap();
    assert_eq!(
        facts[&TableId(3)].drawn_size(table).height,
        full_height - 2.0 * crate::ROW_HEIGHT
    );
    assert_eq!(facts[&TableId(3)].row_of(table, ColumnId(33)), None);
}

#[test]
fn relationships_draw_crow_feet_and_dash_non_identifying_edges() {
    let design = sample();
    let facts = design_facts(&design);
    let drawn = |id: u32| DrawnTable {
        table: design.table(TableId(id)).unwrap(),
        facts: &facts[&TableId(id)],
        at: design.position(TableId(id)),
    };
    let style = RelationshipStyle {
        palette: Theme::Dark.palette(),
        detail: Detail::Full,
        selected: false,
        obstacles: &[],
        clip: None,
    };
    let mut identifying = String::new();
    relationship_markup(
        &mut identifying,
        &design.foreign_keys[0],
        drawn(2),
        drawn(1),
        style,
    );
    assert!(identifying.contains(r#"data-fk="public.film_actor-&gt;public.film""#));
    assert!(identifying.contains(r#"data-parent-end="one" data-child-end="zero-or-many""#));
    assert!(
        !identifying.contains("stroke-dasharray"),
        "identifying edges are solid"
    );
    assert!(
        identifying.contains("crow-foot-zero"),
        "zero-or-many draws its circle"
    );
    let mut optional = String::new();
    relationship_markup(
        &mut optional,
        &design.foreign_keys[1],
        drawn(3),
        drawn(1),
        style,
    );
    assert!(optional.contains("stroke-dasharray"));
    // film sits left of review: the edge leaves review's left side at film_id's row (row 1).
    let start = format!("M 400.0 {:.1}", 300.0 + crate::row_center_y(1));
    assert!(optional.contains(&start), "{optional}");
}

#[test]
fn a_picture_is_well_formed_svg_with_the_scope_it_was_asked_for() {
    let mut design = sample();
    design.notes.push(Note {
        id: NoteId(50),
        text: "Remember & check\nline two".into(),
        at: Point::new(-200.0, 0.0),
        colour: None,
    });
    design.areas.push(SubjectArea {
        id: AreaId(51),
        name: "Catalog".into(),
        colour: "#2a7a52".into(),
        tables: vec![TableId(1), TableId(2)],
    });
    let whole = diagram_svg(&design, DiagramScope::Whole, Theme::Dark).unwrap();
    let document = roxmltree::Document::parse(&whole).expect("well-formed");
    let tables = document
        .descendants()
        .filter(|node| {
            node.attribute("class")
                .is_some_and(|class| class.starts_with("table"))
                && node.has_attribute("data-table-id")
        })
        .count();
    assert_eq!(tables, 3);
    assert_eq!(
        document
            .descendants()
            .filter(|node| node.attribute("class") == Some("edge identifying")
                || node.attribute("class") == Some("edge"))
            .count(),
        2
    );
    assert!(whole.contains("Remember &amp; check") && whole.contains("Catalog"));
    assert!(whole.contains(Theme::Dark.palette().background));
    assert!(
        !whole.contains("connector"),
        "pictures have no drag handles"
    );
    let only: BTreeSet<TableId> = [TableId(2), TableId(1)].into();
    let part = diagram_svg(&design, DiagramScope::Tables(&only), Theme::Light).unwrap();
    roxmltree::Document::parse(&part).expect("well-formed");
    assert!(part.contains("film_actor") && !part.contains("review"));
    assert_eq!(
        part.matches("data-fk=").count(),
        1,
        "only the relationship inside the selection"
    );
    assert!(
        !part.contains("Remember"),
        "notes belong to the whole picture"
    );
    assert_eq!(
        diagram_svg(&Design::default(), DiagramScope::Whole, Theme::Light),
        None
    );
}

#[test]
fn far_out_a_table_is_one_element_and_lines_are_one_path() {
    let design = sample();
    let boxes = render(&design, 3, Detail::Boxes);
    assert_eq!(boxes.matches('<').count(), 1, "{boxes}");
    assert!(boxes.contains(r#"data-table-id="3""#) && boxes.contains(r#"x="5" y="6""#));
    let facts = design_facts(&design);
    let drawn = |id: u32| DrawnTable {
        table: design.table(TableId(id)).unwrap(),
        facts: &facts[&TableId(id)],
        at: design.position(TableId(id)),
    };
    let routes: Vec<_> = design
        .foreign_keys
        .iter()
        .map(|fk| relationship_route(fk, drawn(fk.from_table.0), drawn(fk.to_table.0)))
        .collect();
    let mut out = String::new();
    far_lines_markup(&mut out, &routes, Theme::Light.palette());
    assert_eq!(out.matches('<').count(), 1);
    assert_eq!(out.matches('M').count(), 2, "{out}");
}

#[test]
fn while_the_view_moves_detail_only_goes_down() {
    assert_eq!(
        Detail::while_moving(0.9, Some(Detail::Boxes), true),
        Detail::Boxes,
        "zooming in waits"
    );
    assert_eq!(
        Detail::while_moving(0.9, Some(Detail::Boxes), false),
        Detail::Full,
        "then draws rows"
    );
    assert_eq!(
        Detail::while_moving(0.1, Some(Detail::Full), true),
        Detail::Boxes,
        "zooming out is cheaper at once"
    );
    assert_eq!(Detail::while_moving(0.3, None, true), Detail::Names);
}

#[test]
fn a_badge_shows_the_count_in_the_worst_severity_colour_and_only_when_asked() {
    let design = sample();
    let plain = render(&design, 3, Detail::Full);
    assert!(!plain.contains("review-badge"), "{plain}");
    assert!(!plain.contains("data-findings"), "{plain}");
    let badge = TableBadge {
        level: BadgeLevel::Error,
        count: 3,
    };
    let marked = render_marked(&design, 3, Detail::Full, Some(badge), None);
    assert!(
        marked.contains(r#"data-findings="3" data-severity="error""#),
        "{marked}"
    );
    let palette = Theme::Light.palette();
    assert!(
        marked.contains(&format!(r#"fill="{}""#, palette.badge_error)),
        "{marked}"
    );
    assert!(marked.contains(">3</text></g>"), "{marked}");
    assert!(
        marked.contains("3 review findings, the worst: error"),
        "{marked}"
    );
    let many = TableBadge {
        level: BadgeLevel::Info,
        count: 120,
    };
    let names = render_marked(&design, 3, Detail::Names, Some(many), None);
    assert!(names.contains(">99+</text>"), "{names}");
    assert!(names.contains(r#"class="review-badge info""#), "{names}");
    let far = render_marked(&design, 3, Detail::Boxes, Some(many), None);
    assert!(far.contains(r#"data-findings="120""#), "{far}");
    assert_eq!(
        far.matches('<').count(),
        1,
        "far out a table stays one element: {far}"
    );
}

#[test]
fn a_highlight_outlines_the_table_and_fills_only_its_columns_rows() {
    let design = sample();
    let palette = Theme::Light.palette();
    let plain = render(&design, 3, Detail::Full);
    assert!(!plain.contains("highlighted"), "{plain}");
    assert!(!plain.contains("finding-outline"), "{plain}");
    assert!(
        !plain.contains("transform="),
        "placed in canvas coordinates: {plain}"
    );
    let marked = render_marked(&design, 3, Detail::Full, None, Some(&[ColumnId(31)]));
    assert!(
        marked.starts_with(r#"<g class="table highlighted""#),
        "{marked}"
    );
    assert!(marked.contains(r#"class="finding-outline""#), "{marked}");
    assert!(
        marked.contains(&format!(
            r#"<g class="column highlighted" data-column-id="31" data-column="film_id" data-markers="fk uq"><rect class="column-row" x="5" y="58" width="{}" height="22" fill="{}"/>"#,
            design_facts(&design)[&TableId(3)]
                .drawn_size(design.table(TableId(3)).unwrap())
                .width,
            palette.highlight_row
        )),
        "{marked}"
    );
    assert_eq!(marked.matches("column highlighted").count(), 1, "{marked}");
    let far = render_marked(&design, 3, Detail::Boxes, None, Some(&[]));
    assert!(far.contains("table-body far highlighted"), "{far}");
    assert!(
        far.contains(&format!(r#"stroke="{}""#, palette.highlight)),
        "{far}"
    );
}

#[test]
fn a_comparison_marks_the_table_and_colours_only_its_changed_columns() {
    let design = sample();
    let palette = Theme::Light.palette();
    let plain = render(&design, 3, Detail::Full);
    assert!(!plain.contains("data-change"), "{plain}");
    let columns = [(ColumnId(31), "added")];
    let change = ChangeMarks {
        table: Some("changed"),
        columns: &columns,
    };
    let marked = render_changed(&design, 3, Detail::Full, (None, None), change);
    assert!(
        marked.starts_with(r#"<g class="table" data-change="changed""#),
        "{marked}"
    );
    assert!(
        marked.contains(r#"class="change-outline changed""#),
        "{marked}"
    );
    assert!(
        marked.contains(&format!(r#"stroke="{}""#, palette.change_changed)),
        "{marked}"
    );
    assert!(
        marked.contains(
            r#"<g class="column changed-column" data-change="added" data-column-id="31""#
        ),
        "{marked}"
    );
    assert!(
        marked.contains(&format!(r#"fill="{}""#, palette.change_added_row)),
        "{marked}"
    );
    assert_eq!(marked.matches("data-change=").count(), 2, "{marked}");
    let far = render_changed(&design, 3, Detail::Boxes, (None, None), change);
    assert!(far.contains(r#"data-change="changed""#), "{far}");
}

#[test]
fn pictures_carry_no_badges_or_highlights() {
    let design = sample();
    let picture = diagram_svg(&design, DiagramScope::Whole, Theme::Light).unwrap();
    assert!(!picture.contains("review-badge"));
    assert!(!picture.contains("data-findings"));
    assert!(!picture.contains("highlighted"));
}
