//! Handing text to the browser as a file download: a Blob, an object URL and a temporary
//! `<a download>` that is clicked and removed. Used for the roster and the idea exports.

/// Starts a download of `text` named `name` with the MIME type `mime`
/// (for example `"text/csv;charset=utf-8"`).
#[cfg(target_arch = "wasm32")]
pub async fn save_file(name: &str, text: &str, mime: &str) -> Result<(), String> {
    use dioxus::prelude::document;
    let literal = |s: &str| serde_json::to_string(s).map_err(|e| e.to_string());
    let js = format!(
        r#"
        const blob = new Blob([{text}], {{type: {mime}}});
        const url = URL.createObjectURL(blob);
        const a = document.createElement("a");
        a.href = url;
        a.download = {name};
        a.style.display = "none";
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
        return true;
        "#,
        text = literal(text)?,
        mime = literal(mime)?,
        name = literal(name)?,
    );
    document::eval(&js)
        .join::<bool>()
        .await
        .map(|_| ())
        .map_err(|_| "The browser did not start the download. Try again.".into())
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn save_file(_name: &str, _text: &str, _mime: &str) -> Result<(), String> {
    Err("Downloading files works in the browser.".into())
}
