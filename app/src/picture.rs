//! Saving the diagram as a picture: the SVG from the shared drawing code, and a PNG rendered
//! from that SVG by the browser at twice its size.

use relvar_layout::draw::{DiagramScope, Theme, diagram_svg};
use relvar_model::Design;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::{describe, download, download_blob};
use crate::selection::Selection;

/// The largest PNG side the browser is asked for; bigger diagrams are scaled down to fit.
const MAX_PNG_SIDE: f64 = 16_384.0;
const PNG_SCALE: f64 = 2.0;

fn picture(design: &Design, selection: &Selection, theme: Theme) -> Result<String, String> {
    let scope = if selection.tables.is_empty() {
        DiagramScope::Whole
    } else {
        DiagramScope::Tables(&selection.tables)
    };
    diagram_svg(design, scope, theme).ok_or_else(|| String::from("There is nothing to draw yet."))
}

pub fn save_svg(design: &Design, selection: &Selection, theme: Theme) -> Result<(), String> {
    let svg = picture(design, selection, theme)?;
    download("relvar-diagram.svg", "image/svg+xml", &svg)
}

fn number_attribute(svg: &str, name: &str) -> Option<f64> {
    let start = svg.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = svg.get(start..)?;
    rest.get(..rest.find('"')?)?.parse().ok()
}

/// Renders the picture to a PNG in the browser and offers it as a download.
pub fn save_png(design: &Design, selection: &Selection, theme: Theme) -> Result<(), String> {
    let svg = picture(design, selection, theme)?;
    let width = number_attribute(&svg, "width").ok_or("the picture has no width")?;
    let height = number_attribute(&svg, "height").ok_or("the picture has no height")?;
    let scale = PNG_SCALE.min(MAX_PNG_SIDE / width.max(height));
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|error| describe(&error))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|error| describe(&error))?;
    let image = web_sys::HtmlImageElement::new().map_err(|error| describe(&error))?;
    let canvas: web_sys::HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|error| describe(&error))?
        .dyn_into()
        .map_err(|_| String::from("no canvas"))?;
    canvas.set_width((width * scale).ceil() as u32);
    canvas.set_height((height * scale).ceil() as u32);
    let source = url.clone();
    let loaded = image.clone();
    let on_load = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|context| context.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.scale(scale, scale);
        let _ = context.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        let on_blob = Closure::once_into_js(move |blob: JsValue| {
            if let Ok(blob) = blob.dyn_into::<web_sys::Blob>() {
                let _ = download_blob("relvar-diagram.png", &blob);
            }
        });
        let _ = canvas.to_blob(on_blob.unchecked_ref());
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&source);
    Ok(())
}
