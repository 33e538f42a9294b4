//! Panics are reported, never silent: to the console (with a stack, via console_error_panic_hook)
//! and on the page, replacing the app with a visible message, so readers never face a blank page.

/// Installs the hook once.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal(&info.to_string());
    }));
}

fn show_fatal(message: &str) {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id("app") else { return };
    let Ok(panel) = document.create_element("div") else { return };
    panel.set_class_name("panel error-panel");
    panel.set_attribute("role", "alert").ok();
    // Text only (never HTML) so a message cannot inject markup.
    let heading = document.create_element("h2").ok();
    let text = document.create_element("pre").ok();
    if let (Some(h), Some(t)) = (heading, text) {
        h.set_text_content(Some("Something went wrong"));
        t.set_text_content(Some(&format!(
            "The visualisation stopped because of an internal error. Reloading the page may help.\n\n{message}"
        )));
        root.set_inner_html("");
        panel.append_child(&h).ok();
        panel.append_child(&t).ok();
        root.append_child(&panel).ok();
    }
}
