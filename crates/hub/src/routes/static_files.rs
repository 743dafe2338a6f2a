//! The PWA: files from the static dir, `index.html` for any other non-API path (so
//! `/join?code=x` and `/diary` load the app), `/precache.json` listing every file for the
//! service worker, and `sw.js` with `Cache-Control: no-cache`. A file's `.br` or `.gz` copy
//! beside it is served instead to browsers that accept it. Without a static dir, a
//! small page says the app is not built. Unknown `/api/...` paths get a JSON 404.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;
use tower_http::services::{ServeDir, ServeFile};

pub fn router(static_dir: Option<&Path>) -> Router<AppState> {
    let api_404 = Router::new()
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found));
    match static_dir {
        Some(dir) => {
            let dir = dir.to_path_buf();
            // The build writes brotli and gzip copies beside the shell: a phone on a weak
            // signal downloads a third of the wasm.
            let files = ServeDir::new(&dir)
                .precompressed_br()
                .precompressed_gzip()
                .fallback(
                    ServeFile::new(dir.join("index.html"))
                        .precompressed_br()
                        .precompressed_gzip(),
                );
            api_404
                .route("/precache.json", get(move || precache(dir.clone())))
                .fallback_service(files)
                .layer(middleware::from_fn(no_cache_for_service_worker))
        }
        None => api_404.fallback(not_built),
    }
}

async fn api_not_found() -> ApiError {
    ApiError::NotFound
}

async fn not_built() -> Html<&'static str> {
    Html(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Kumppani hub</title>\
         <body><h1>Kumppani hub</h1><p>The hub is running, but the app is not built. \
         Build it and start the hub with <code>--static DIR</code>.</p></body></html>",
    )
}

async fn no_cache_for_service_worker(req: Request, next: Next) -> Response {
    let is_sw = req.uri().path() == "/sw.js";
    let mut res = next.run(req).await;
    if is_sw {
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    res
}

/// The service worker's precache list and a version that changes when any file does.
#[derive(Debug, PartialEq, Eq, serde::Serialize)]
pub struct Precache {
    pub version: String,
    pub files: Vec<String>,
}

async fn precache(dir: PathBuf) -> Response {
    match tokio::task::spawn_blocking(move || list_precache(&dir)).await {
        Ok(Ok(p)) => Json(p).into_response(),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "could not list the static dir");
            ApiError::NotFound.into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "precache listing panicked");
            ApiError::NotFound.into_response()
        }
    }
}

/// Every file under `dir` as a URL path, plus `/`, sorted, but not the compressed copies
/// (the browser asks for the file itself); the version hashes names, sizes and
/// modification times.
pub fn list_precache(dir: &Path) -> std::io::Result<Precache> {
    let mut found = Vec::new();
    walk(dir, dir, &mut found)?;
    found.sort();
    let mut hasher = Sha256::new();
    let mut files = vec!["/".to_owned()];
    for (url, size, mtime) in &found {
        hasher.update(format!("{url}\t{size}\t{mtime}\n").as_bytes());
        files.push(url.clone());
    }
    let version = hex::encode(&hasher.finalize()[..8]);
    Ok(Precache { version, files })
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, u64, u128)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let meta = entry.metadata()?;
        if meta.is_dir() {
            walk(root, &path, out)?;
        } else if meta.is_file() && !is_compressed_copy(&path) {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            let url = format!(
                "/{}",
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/")
            );
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            out.push((url, meta.len(), mtime));
        }
    }
    Ok(())
}

fn is_compressed_copy(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_precache_lists_every_file_but_compressed_copies_and_its_version_follows_changes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("index.html"), "<html>").unwrap();
        std::fs::create_dir(dir.path().join("assets")).unwrap();
        std::fs::write(dir.path().join("assets/app.js"), "x").unwrap();
        std::fs::write(dir.path().join("assets/app.js.br"), "b").unwrap();
        std::fs::write(dir.path().join("assets/app.js.gz"), "g").unwrap();
        let first = list_precache(dir.path()).unwrap();
        assert_eq!(first.files, ["/", "/assets/app.js", "/index.html"]);
        std::fs::write(dir.path().join("assets/app.js"), "xy").unwrap();
        assert_ne!(list_precache(dir.path()).unwrap().version, first.version);
    }
}
