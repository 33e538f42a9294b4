//! "Share": a dialog with three copyable codes for the current view — the link, an `<iframe>` and
//! the `embed.js` snippet — at the page's real public address, with the theme and title options.
//! Copying uses the Clipboard API and falls back to selecting the text.

use powershift_core::embed::{share_codes, Theme};
use powershift_core::view::to_query;
use yew::prelude::*;

use crate::platform::events::value_of;
use crate::platform::{location, share};
use crate::state::use_app;

/// Which code was copied (or selected for copying).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Code {
    Link,
    Iframe,
    Script,
}

/// Props of [`ShareDialog`].
#[derive(Properties, PartialEq, Debug)]
pub struct ShareDialogProps {
    /// The page's theme, the codes' default.
    #[prop_or_default]
    pub theme: Theme,
}

/// The Share button and its dialog.
#[function_component(ShareDialog)]
pub fn share_dialog(props: &ShareDialogProps) -> Html {
    let dialog = use_node_ref();
    let theme = use_state(|| props.theme);
    let title = use_state(|| true);
    let copied = use_state(|| None::<(Code, bool)>);

    // The page's public address, read when the dialog opens (never during a render, which also
    // runs natively).
    let base = use_state(String::new);
    // The dialog's content exists only while it is open: closed, it would be ~30 elements more in
    // the network panel's first render (the longest task of the load on a phone) and three codes
    // rebuilt on every date change. Opening renders it, then shows the dialog (an effect, so the
    // browser focuses its first control as before).
    let shown = use_state(|| false);
    {
        let dialog = dialog.clone();
        use_effect_with(*shown, move |shown| {
            if *shown {
                share::show_modal(&dialog);
            }
        });
    }

    let open = {
        let (copied, base, shown) = (copied.clone(), base.clone(), shown.clone());
        Callback::from(move |_| {
            copied.set(None);
            base.set(location::public_base());
            shown.set(true);
        })
    };
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_| share::close(&dialog))
    };
    // Closed by its button or by Escape: the content goes.
    let onclose = {
        let shown = shown.clone();
        Callback::from(move |_: Event| shown.set(false))
    };
    // The content, only while the dialog is open (a component of its own: its code is not part of
    // the page's first download, `platform::rest_module`).
    let content = if *shown {
        html! { <ShareCodes base={(*base).clone()} theme={theme.clone()} title={title.clone()} copied={copied.clone()} {close} /> }
    } else {
        Html::default()
    };
    html! {
        <>
            <button type="button" class="link share-button" aria-haspopup="dialog" onclick={open}>{ "Share" }</button>
            <dialog ref={dialog} class="share-dialog" aria-labelledby={shown.then_some("share-title")} {onclose}>{ content }</dialog>
        </>
    }
}

/// Props of [`ShareCodes`]: the dialog's choices live in [`ShareDialog`], so they outlast a close.
#[derive(Properties, PartialEq)]
struct ShareCodesProps {
    /// The page's public address.
    base: String,
    /// The codes' theme.
    theme: UseStateHandle<Theme>,
    /// Whether the embed shows its title line.
    title: UseStateHandle<bool>,
    /// Which code was last copied, and whether copying worked (else it was selected).
    copied: UseStateHandle<Option<(Code, bool)>>,
    /// Closes the dialog.
    close: Callback<MouseEvent>,
}

/// The open dialog's content: the options and the three codes.
#[function_component(ShareCodes)]
fn share_codes_view(props: &ShareCodesProps) -> Html {
    let app = use_app();
    let (theme, title, copied, close) =
        (props.theme.clone(), props.title.clone(), props.copied.clone(), props.close.clone());
    let areas = [use_node_ref(), use_node_ref(), use_node_ref()];
    let q = to_query(&app.view.view, &app.story.ds);
    let codes = share_codes(&props.base, &q, app.options.data.as_deref(), *theme, *title, &app.story.ds.meta.title);
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |e: Event| theme.set(Theme::parse(&value_of(&e)).unwrap_or_default()))
    };
    let on_title = {
        let title = title.clone();
        Callback::from(move |_| title.set(!*title))
    };
    let block = |code: Code, label: &'static str, text: String, area: NodeRef, rows: u32| {
        let id = format!("share-{}", label.to_lowercase().replace(' ', "-"));
        let onclick = {
            let (copied, text, area) = (copied.clone(), text.clone(), area.clone());
            Callback::from(move |_| {
                let (copied, area) = (copied.clone(), area.clone());
                share::copy(text.clone(), move |ok| {
                    if !ok {
                        share::select_all(&area);
                    }
                    copied.set(Some((code, ok)));
                });
            })
        };
        let status = match *copied {
            Some((c, true)) if c == code => "Copied.",
            Some((c, false)) if c == code => "Selected: press Ctrl+C (⌘C on a Mac) to copy.",
            _ => "",
        };
        html! {
            <div class="share-code">
                <label for={id.clone()}>{ label }</label>
                <textarea {id} ref={area} readonly=true rows={rows.to_string()} spellcheck="false" value={text} />
                <div class="share-actions">
                    <button type="button" {onclick}>{ format!("Copy {}", label.to_lowercase()) }</button>
                    <span class="small muted" role="status">{ status }</span>
                </div>
            </div>
        }
    };
    html! {
        <>
            <h2 id="share-title">{ "Share this view" }</h2>
            <p class="small">{ format!("The codes show the graphic as it is now: {}.", app.view.view.date_words()) }</p>
            <div class="share-options">
                <label for="share-theme">{ "Theme" }</label>
                <select id="share-theme" onchange={on_theme}>
                    <option value="auto" selected={*theme == Theme::Auto}>{ "Automatic (the reader's setting)" }</option>
                    <option value="light" selected={*theme == Theme::Light}>{ "Light" }</option>
                    <option value="dark" selected={*theme == Theme::Dark}>{ "Dark" }</option>
                </select>
                <label class="check"><input type="checkbox" checked={*title} onchange={on_title} />{ "Show the title in the embed" }</label>
            </div>
            { block(Code::Link, "Link", codes.link, areas[0].clone(), 2) }
            { block(Code::Iframe, "Iframe code", codes.iframe, areas[1].clone(), 3) }
            { block(Code::Script, "Embed script", codes.script, areas[2].clone(), 3) }
            <p class="small muted">{ "The embed script sizes the frame to its content and lets the page around it set the view; the iframe code has a fixed height." }</p>
            <button type="button" class="close" onclick={close}>{ "Close" }</button>
        </>
    }
}
