//! The workspace's layout: an activity bar whose tabs each open one side panel (every panel stays
//! mounted, so nothing typed in one is lost when another is shown), the side column's width
//! (dragged or set with the arrow keys on its edge), both remembered in this browser, and the
//! inspector's place: a column of its own at the right on a wide window.

use leptos::prelude::*;

use crate::browser::{element_by_id, media_query};

const STORAGE_KEY: &str = "relvar.workspace";
const DEFAULT_WIDTH: f64 = 400.0;
const MIN_WIDTH: f64 = 260.0;
const MAX_WIDTH: f64 = 760.0;
/// How far an arrow key moves the side column's edge.
const KEY_STEP: f64 = 20.0;

/// The side panels, in the activity bar's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelTab {
    Tables,
    Views,
    Review,
    Workload,
    Normalize,
    Enums,
    Decisions,
    Versions,
    Import,
    Export,
}

impl PanelTab {
    pub const ALL: [PanelTab; 10] = [
        Self::Tables,
        Self::Views,
        Self::Review,
        Self::Workload,
        Self::Normalize,
        Self::Enums,
        Self::Decisions,
        Self::Versions,
        Self::Import,
        Self::Export,
    ];

    /// Stable: the tab is `#tab-{id}`, its panel `#panel-{id}`.
    pub fn id(self) -> &'static str {
        match self {
            Self::Tables => "tables",
            Self::Views => "views",
            Self::Review => "review",
            Self::Workload => "workload",
            Self::Normalize => "normalize",
            Self::Enums => "enums",
            Self::Decisions => "decisions",
            Self::Versions => "versions",
            Self::Import => "import",
            Self::Export => "export",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Tables => "Tables",
            Self::Views => "Views",
            Self::Review => "Review",
            Self::Workload => "Workload",
            Self::Normalize => "Normalize",
            Self::Enums => "Enums",
            Self::Decisions => "Decisions",
            Self::Versions => "Versions",
            Self::Import => "Import",
            Self::Export => "Export",
        }
    }

    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|tab| tab.id() == id)
    }
}

/// The window is wide enough for the inspector to have a column of its own at the right.
const WIDE_QUERY: &str = "(min-width: 1600px)";

/// Which panel is open, how wide the side column is, and where the inspector is; shared
/// through context.
#[derive(Debug, Clone, Copy)]
pub struct Workspace {
    pub tab: RwSignal<PanelTab>,
    pub width: RwSignal<f64>,
    /// The inspector is in its own column at the right (a wide window), else at the top of the
    /// side column.
    pub wide: RwSignal<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The width kept within what leaves the canvas room.
fn clamped(width: f64) -> f64 {
    if width.is_finite() {
        width.clamp(MIN_WIDTH, MAX_WIDTH)
    } else {
        DEFAULT_WIDTH
    }
}

impl Workspace {
    /// The layout as this browser last left it (`tab width`), else the import panel of a default
    /// width.
    pub fn install() -> Self {
        let saved = storage().and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten());
        let mut words = saved.as_deref().unwrap_or_default().split_whitespace();
        let tab = words
            .next()
            .and_then(PanelTab::from_id)
            .unwrap_or(PanelTab::Import);
        let width = words
            .next()
            .and_then(|width| width.parse::<f64>().ok())
            .map_or(DEFAULT_WIDTH, clamped);
        let workspace = Self {
            tab: RwSignal::new(tab),
            width: RwSignal::new(width),
            wide: media_query(WIDE_QUERY),
        };
        Effect::new(move |_| {
            let text = format!(
                "{} {}",
                workspace.tab.get().id(),
                workspace.width.get().round()
            );
            if let Some(storage) = storage() {
                let _ = storage.set_item(STORAGE_KEY, &text);
            }
        });
        workspace
    }

    pub fn show(&self, tab: PanelTab) {
        if self.tab.get_untracked() != tab {
            self.tab.set(tab);
        }
    }

    pub fn resize_to(&self, width: f64) {
        self.width.set(clamped(width));
    }
}

/// The activity bar: one tab per panel; the arrow keys move between them.
#[component]
pub fn ActivityBar() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let keydown = move |event: web_sys::KeyboardEvent| {
        let step: isize = match event.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        // The arrows are the tabs' here, not the canvas's nudge.
        event.prevent_default();
        event.stop_propagation();
        let tabs = PanelTab::ALL;
        let at = tabs
            .iter()
            .position(|tab| *tab == workspace.tab.get_untracked())
            .unwrap_or(0);
        let next = (at as isize + step).rem_euclid(tabs.len() as isize) as usize;
        if let Some(tab) = tabs.get(next) {
            workspace.show(*tab);
            if let Some(element) = element_by_id(&format!("tab-{}", tab.id())) {
                let _ = element.focus();
            }
        }
    };
    view! {
        <nav class="activity-bar" role="tablist" aria-label="Panels" aria-orientation="vertical" on:keydown=keydown>
            {PanelTab::ALL.into_iter().map(|tab| {
                let selected = move || workspace.tab.get() == tab;
                view! {
                    <button class="activity-tab" role="tab" id=format!("tab-{}", tab.id())
                        aria-controls=format!("panel-{}", tab.id())
                        aria-selected=move || selected().to_string()
                        tabindex=move || if selected() { "0" } else { "-1" }
                        on:click=move |_| workspace.show(tab)>
                        {tab.label()}
                    </button>
                }
            }).collect_view()}
        </nav>
    }
}

/// The side panel a component is in.
#[derive(Debug, Clone, Copy)]
struct InPanel(PanelTab);

/// A memo of `compute` that follows what it reads only while the panel it is in is shown: hidden,
/// it keeps its last value and no edit makes it work; shown again, it computes afresh.
pub fn memo_while_shown<T>(compute: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let panel = use_context::<InPanel>();
    let workspace = expect_context::<Workspace>();
    Memo::new(move |before: Option<&T>| match (before, panel) {
        (Some(before), Some(InPanel(tab))) if workspace.tab.get() != tab => before.clone(),
        _ => compute(),
    })
}

/// One side panel's place: shown while its tab is open, kept (hidden) otherwise.
#[component]
pub fn PanelHost(tab: PanelTab, children: Children) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    provide_context(InPanel(tab));
    view! {
        <div class="panel-host" role="tabpanel" id=format!("panel-{}", tab.id())
            aria-labelledby=format!("tab-{}", tab.id())
            hidden=move || workspace.tab.get() != tab>
            {children()}
        </div>
    }
}

/// The side column's edge: dragging it or pressing the arrow keys on it sets the width.
#[component]
pub fn SideEdge() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let dragging = StoredValue::new(None::<(f64, f64)>);
    let down = move |event: web_sys::PointerEvent| {
        dragging.set_value(Some((
            f64::from(event.client_x()),
            workspace.width.get_untracked(),
        )));
        if let Some(target) = event.target()
            && let Ok(element) = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target)
        {
            let _ = element.set_pointer_capture(event.pointer_id());
        }
    };
    let moved = move |event: web_sys::PointerEvent| {
        if let Some((from, width)) = dragging.get_value() {
            workspace.resize_to(width + f64::from(event.client_x()) - from);
        }
    };
    let up = move |_: web_sys::PointerEvent| dragging.set_value(None);
    let keydown = move |event: web_sys::KeyboardEvent| {
        let step = match event.key().as_str() {
            "ArrowLeft" => -KEY_STEP,
            "ArrowRight" => KEY_STEP,
            _ => return,
        };
        event.prevent_default();
        event.stop_propagation();
        workspace.resize_to(workspace.width.get_untracked() + step);
    };
    view! {
        <div class="side-edge" id="side-edge" role="separator" aria-orientation="vertical"
            aria-label="Side column width" tabindex="0"
            aria-valuemin=MIN_WIDTH aria-valuemax=MAX_WIDTH aria-valuenow=move || workspace.width.get().round()
            on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up on:keydown=keydown>
        </div>
    }
}
