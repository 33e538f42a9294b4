//! Downloads made in the browser, with no server: a Blob, an object URL and a temporary link with
//! a `download` name. PNGs are drawn from the export's SVG onto a canvas at twice its size.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Offers `bytes` as a file named `name` of type `mime`. Logs (never panics) when the browser
/// refuses.
pub fn save(name: &str, mime: &str, bytes: &[u8]) {
    if let Err(e) = try_save(name, mime, bytes) {
        gloo::console::warn!(format!("powershift: the download of {name} failed: {e:?}"));
    }
}

fn blob(mime: &str, bytes: &[u8]) -> Result<web_sys::Blob, wasm_bindgen::JsValue> {
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(bytes).into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
}

fn try_save(name: &str, mime: &str, bytes: &[u8]) -> Result<(), wasm_bindgen::JsValue> {
    save_blob(name, &blob(mime, bytes)?)
}

fn save_blob(name: &str, blob: &web_sys::Blob) -> Result<(), wasm_bindgen::JsValue> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: the download has started from the URL by then.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Draws `svg` (a standalone SVG document `width` × `height` CSS pixels) at `scale`× onto a canvas
/// and offers it as the PNG `name`.
pub fn save_png(name: &str, svg: &str, width: f64, height: f64, scale: f64) {
    let name = name.to_string();
    let result = (|| -> Result<(), wasm_bindgen::JsValue> {
        let url = web_sys::Url::create_object_url_with_blob(&blob("image/svg+xml", svg.as_bytes())?)?;
        let img = web_sys::HtmlImageElement::new()?;
        let (w, h) = ((width * scale).round() as u32, (height * scale).round() as u32);
        let image = img.clone();
        let src = url.clone();
        let onload = Closure::once(move || {
            let drawn = (|| -> Result<(), wasm_bindgen::JsValue> {
                let canvas: web_sys::HtmlCanvasElement =
                    gloo::utils::document().create_element("canvas")?.dyn_into()?;
                canvas.set_width(w);
                canvas.set_height(h);
                let ctx: web_sys::CanvasRenderingContext2d =
                    canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
                ctx.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, f64::from(w), f64::from(h))?;
                let file = name.clone();
                let callback = Closure::once(move |b: Option<web_sys::Blob>| match b {
                    Some(b) => {
                        if let Err(e) = save_blob(&file, &b) {
                            gloo::console::warn!(format!("powershift: the download of {file} failed: {e:?}"));
                        }
                    }
                    None => gloo::console::warn!(format!("powershift: the picture for {file} could not be made")),
                });
                canvas.to_blob(callback.as_ref().unchecked_ref())?;
                callback.forget();
                Ok(())
            })();
            let _ = web_sys::Url::revoke_object_url(&src);
            if let Err(e) = drawn {
                gloo::console::warn!(format!("powershift: the PNG could not be drawn: {e:?}"));
            }
        });
        img.set_onload(Some(onload.as_ref().unchecked_ref()));
        onload.forget();
        img.set_src(&url);
        Ok(())
    })();
    if let Err(e) = result {
        gloo::console::warn!(format!("powershift: the PNG could not be made: {e:?}"));
    }
}
