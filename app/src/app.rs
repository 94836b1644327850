//! The studio's frame: toolbar (its buttons made from the action registry), the activity bar and
//! the side column (the inspector of the selection above the panel the bar opens; on a wide
//! window the inspector has its own column at the right), the canvas, the dialogs, and the
//! message of an edit that was refused.

use leptos::prelude::*;

use crate::actions::{
    self, ActionButton, CommandPalette, CommandPaletteDialog, ShortcutSheet, ShortcutSheetDialog,
    Studio,
};
use crate::canvas::{Canvas, CanvasState, DecompositionPreviews, Lens, Scene};
use crate::comparing::Comparing;
use crate::library::Library;
use crate::opening::{Notices, open_initial};
use crate::panels::{
    DecisionsPanel, DesignsDialog, EnumsPanel, ExportPanel, HomeView, ImportPanel, Inspector,
    NormalizePanel, NoticeBar, ReviewPanel, ShareTools, TablesPanel, VersionsPanel, ViewsPanel,
    WorkloadPanel,
};
use crate::review::Review;
use crate::store::Store;
use crate::theme::{ThemeChoice, Themes};
use crate::workspace::{ActivityBar, PanelHost, PanelTab, SideEdge, Workspace};

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store);
    provide_context(Review::new(store));
    let themes = Themes::install();
    provide_context(themes);

    let stats = move || {
        store.design.with(|design| {
            format!(
                "{} tables · {} relationships",
                design.tables.len(),
                design.foreign_keys.len()
            )
        })
    };
    // Before the scene: it draws the shown comparison's marks.
    Comparing::install(store);
    let state = CanvasState::new();
    provide_context(state);
    let lens = Lens::new(store);
    provide_context(lens);
    let scene = Scene::new(store, state, lens, themes.current);
    provide_context(scene);
    let sheet = ShortcutSheet(RwSignal::new(false));
    provide_context(sheet);
    let workspace = Workspace::install();
    provide_context(workspace);
    let palette = CommandPalette(RwSignal::new(false));
    provide_context(Studio {
        store,
        canvas: state,
        scene,
        sheet,
        themes,
        lens,
        workspace,
        palette,
    });
    provide_context(DecompositionPreviews::new());
    let library = Library::install(store);
    provide_context(library);
    let notices = Notices(RwSignal::new(None));
    provide_context(notices);
    provide_context(HomeView(RwSignal::new(false)));
    // The first design opens once the canvas knows its size, so it is fitted into the real view.
    Effect::new(move |opened: Option<bool>| {
        if opened == Some(true) {
            return true;
        }
        if !state.measured.get() {
            return false;
        }
        open_initial(store, library, notices);
        true
    });
    view! {
        <div class="studio" class:wide=move || workspace.wide.get() style:grid-template-columns=move || {
            let inspector = if workspace.wide.get() { " 340px" } else { "" };
            format!("auto {}px 6px minmax(0, 1fr){inspector}", workspace.width.get().round())
        }>
            <header class="toolbar" role="toolbar" aria-label="Design tools">
                <h1 class="brand">"Relvar"</h1>
                <ShareTools store=store library=library notices=notices />
                <span class="separator" aria-hidden="true"></span>
                <ActionButton action=&actions::UNDO id="undo" />
                <ActionButton action=&actions::REDO id="redo" />
                <span class="separator" aria-hidden="true"></span>
                <ActionButton action=&actions::ADD_TABLE id="add-table" />
                <ActionButton action=&actions::ADD_NOTE id="add-note" />
                <ActionButton action=&actions::GROUP id="add-area" />
                <ActionButton action=&actions::AUTO_LAYOUT id="auto-layout" />
                <span class="separator" aria-hidden="true"></span>
                <ActionButton action=&actions::SAVE_SVG id="save-svg" />
                <ActionButton action=&actions::SAVE_PNG id="save-png" />
                <span class="stats" id="design-stats">{stats}</span>
                <label class="theme-switch">"Theme"
                    <select id="theme" on:change=move |event| themes.choose(ThemeChoice::from_id(&event_target_value(&event)))>
                        {["system", "light", "dark"].into_iter().map(|id| view! {
                            <option value=id selected=move || themes.choice.get().id() == id>{id}</option>
                        }).collect_view()}
                    </select>
                </label>
                <ActionButton action=&actions::SHORTCUTS id="shortcuts" />
            </header>
            <ActivityBar />
            <aside class="sidebar" aria-label="Side panel">
                <NoticeBar store=store library=library notices=notices />
                <Show when=move || store.refusal.with(Option::is_some)>
                    <p class="refusal" id="refusal" role="alert">
                        {move || store.refusal.get().unwrap_or_default()}
                        <button class="link" aria-label="Dismiss" on:click=move |_| store.refusal.set(None)>"✕"</button>
                    </p>
                </Show>
                <Show when=move || !workspace.wide.get()><Inspector /></Show>
                <PanelHost tab=PanelTab::Tables><TablesPanel /></PanelHost>
                <PanelHost tab=PanelTab::Views><ViewsPanel /></PanelHost>
                <PanelHost tab=PanelTab::Review><ReviewPanel /></PanelHost>
                <PanelHost tab=PanelTab::Workload><WorkloadPanel /></PanelHost>
                <PanelHost tab=PanelTab::Normalize><NormalizePanel /></PanelHost>
                <PanelHost tab=PanelTab::Enums><EnumsPanel /></PanelHost>
                <PanelHost tab=PanelTab::Decisions><DecisionsPanel /></PanelHost>
                <PanelHost tab=PanelTab::Versions><VersionsPanel /></PanelHost>
                <PanelHost tab=PanelTab::Import><ImportPanel /></PanelHost>
                <PanelHost tab=PanelTab::Export><ExportPanel /></PanelHost>
            </aside>
            <SideEdge />
            <main class="stage">
                <Canvas />
            </main>
            <Show when=move || workspace.wide.get()>
                <aside class="inspector-column" aria-label="Inspector">
                    <Inspector />
                </aside>
            </Show>
            <ShortcutSheetDialog />
            <CommandPaletteDialog />
            <DesignsDialog store=store library=library />
        </div>
    }
}
