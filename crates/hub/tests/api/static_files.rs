//! The PWA's files, its fallback to index.html, the precache list and the unbuilt page.

use crate::helpers::{spawn_app, spawn_app_with};
use std::sync::Arc;

#[tokio::test]
async fn the_app_is_served_with_index_html_for_its_routes() {
    let site = tempfile::tempdir().unwrap();
    std::fs::write(site.path().join("index.html"), "<html>Kumppani</html>").unwrap();
    std::fs::write(site.path().join("sw.js"), "// sw").unwrap();
    std::fs::create_dir(site.path().join("assets")).unwrap();
    std::fs::write(site.path().join("assets/app.js"), "console.log(1)").unwrap();
    let dir = site.path().to_path_buf();
    let app = spawn_app_with(Arc::new(tempfile::tempdir().unwrap()), None, move |c| {
        c.static_dir = Some(dir);
    })
    .await;
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
        serde_json::json!(["/", "/assets/app.js", "/index.html", "/sw.js"])
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
