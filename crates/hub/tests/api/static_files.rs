//! The PWA's files, its fallback to index.html, the precache list and the unbuilt page.

use crate::helpers::{spawn_app, spawn_app_with, TestApp};
use std::sync::Arc;
use tempfile::TempDir;

/// A hub serving a small built app, with compressed copies of its wasm as the build makes.
async fn serve_site() -> (TestApp, TempDir) {
    let site = tempfile::tempdir().unwrap();
    for (path, bytes) in [
        ("index.html", &b"<html>Kumppani</html>"[..]),
        ("sw.js", b"// sw"),
        ("assets/app.js", b"console.log(1)"),
        ("assets/app.wasm", b"\0asm raw"),
        ("assets/app.wasm.br", b"brotli bytes"),
        ("assets/app.wasm.gz", b"gzip bytes"),
    ] {
        let path = site.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let dir = site.path().to_path_buf();
    let app = spawn_app_with(Arc::new(tempfile::tempdir().unwrap()), None, move |c| {
        c.static_dir = Some(dir);
    })
    .await;
    (app, site)
}

#[tokio::test]
async fn the_app_is_served_with_index_html_for_its_routes() {
    let (app, _site) = serve_site().await;
    let get = |path: &str| app.http.get(format!("{}{path}", app.base)).send();

    for path in ["/", "/diary", "/join?code=sininen-kettu"] {
        let res = get(path).await.unwrap();
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.text().await.unwrap(), "<html>Kumppani</html>");
    }
    assert_eq!(
        get("/assets/app.js").await.unwrap().text().await.unwrap(),
        "console.log(1)"
    );
    let sw = get("/sw.js").await.unwrap();
    assert_eq!(sw.headers()["cache-control"], "no-cache");
    let precache: serde_json::Value = get("/precache.json").await.unwrap().json().await.unwrap();
    assert_eq!(
        precache["files"],
        serde_json::json!([
            "/",
            "/assets/app.js",
            "/assets/app.wasm",
            "/index.html",
            "/sw.js"
        ])
    );
    assert!(precache["version"].as_str().is_some_and(|v| !v.is_empty()));
    let api = get("/api/nothing").await.unwrap();
    assert_eq!(api.status(), 404);
    assert_eq!(
        api.json::<serde_json::Value>().await.unwrap()["error"],
        "not_found"
    );
}

#[tokio::test]
async fn a_browser_that_accepts_brotli_or_gzip_gets_the_compressed_copy() {
    let (app, _site) = serve_site().await;
    let wasm = |accept: Option<&'static str>| {
        let mut req = app.http.get(format!("{}/assets/app.wasm", app.base));
        if let Some(accept) = accept {
            req = req.header("accept-encoding", accept);
        }
        req.send()
    };

    for (accept, encoding, body) in [
        (Some("gzip, deflate, br"), Some("br"), &b"brotli bytes"[..]),
        (Some("gzip"), Some("gzip"), b"gzip bytes"),
        (None, None, b"\0asm raw"),
    ] {
        let res = wasm(accept).await.unwrap();
        assert_eq!(res.status(), 200);
        assert_eq!(
            res.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accept:?}"
        );
        // The type is the file's, so the browser can stream-compile the wasm.
        assert_eq!(res.headers()["content-type"], "application/wasm");
        assert_eq!(&res.bytes().await.unwrap()[..], body, "{accept:?}");
    }
}

#[tokio::test]
async fn without_a_built_app_a_page_says_so() {
    let app = spawn_app().await;
    let res = app
        .http
        .get(format!("{}/diary", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap().contains("not built"));
}

#[tokio::test]
async fn every_response_carries_a_strict_content_security_policy() {
    let (app, _site) = serve_site().await;
    for path in [
        "/",
        "/diary",
        "/assets/app.js",
        "/api/health",
        "/api/nothing",
    ] {
        let res = app
            .http
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        let directive = |name: &str| {
            csp.split(';')
                .map(str::trim)
                .find(|d| d.split_whitespace().next() == Some(name))
                .unwrap_or_else(|| panic!("{path}: no {name} in {csp}"))
                .to_owned()
        };
        assert_eq!(directive("default-src"), "default-src 'self'", "{path}");
        // Nothing from elsewhere, no evaluated or inline script.
        assert_eq!(
            directive("script-src"),
            "script-src 'self' 'wasm-unsafe-eval'",
            "{path}"
        );
        assert!(!csp.contains("http"), "{path}: no third party in {csp}");
        assert!(!csp.contains('*'), "{path}: no wildcard in {csp}");
        assert_eq!(directive("object-src"), "object-src 'none'");
        assert_eq!(directive("frame-ancestors"), "frame-ancestors 'none'");
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "no-referrer", "{path}");
    }
}
