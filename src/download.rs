//! Handing text to the browser as a file download: a Blob, an object URL and a temporary
//! `<a download>` that is clicked and removed. Used for the roster and the idea exports.
//! Through web-sys, not evaluated script: the app's Content-Security-Policy has no
//! `'unsafe-eval'`.

/// Starts a download of `text` named `name` with the MIME type `mime`
/// (for example `"text/csv;charset=utf-8"`).
#[cfg(target_arch = "wasm32")]
pub async fn save_file(name: &str, text: &str, mime: &str) -> Result<(), String> {
    start_download(name, text, mime)
        .map_err(|_| "The browser did not start the download. Try again.".into())
}

#[cfg(target_arch = "wasm32")]
fn start_download(name: &str, text: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

    let missing = || wasm_bindgen::JsValue::from_str("no document");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(missing)?;
    let body = document.body().ok_or_else(missing)?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    body.append_child(&a)?;
    a.click();
    a.remove();
    // The browser reads the blob after this returns; free it once it surely has.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// On a phone an app has no Downloads folder to write to (sharing the file out is not
/// built yet): say so rather than save it where nobody can find it.
#[cfg(any(target_os = "android", target_os = "ios"))]
pub async fn save_file(_name: &str, _text: &str, _mime: &str) -> Result<(), String> {
    Err("The phone app cannot save files yet: download this from Kumppani in a browser.".into())
}

/// On a computer: the file goes to the person's Downloads folder, as a browser puts it.
#[cfg(all(
    not(target_arch = "wasm32"),
    not(any(target_os = "android", target_os = "ios"))
))]
pub async fn save_file(name: &str, text: &str, _mime: &str) -> Result<(), String> {
    let dir = dirs::download_dir()
        .or_else(dirs::home_dir)
        .ok_or("This computer has no Downloads folder.")?;
    // Only the file name of what the app offers: never a path elsewhere.
    let name = std::path::Path::new(name)
        .file_name()
        .ok_or("The file has no name.")?;
    std::fs::write(dir.join(name), text)
        .map_err(|e| format!("The file could not be saved in {}: {e}", dir.display()))
}
