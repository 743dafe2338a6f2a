//! Test builds only (feature `harness`, never in a shipped app): lets
//! `tests/desktop_app.rs` drive the native app the way Playwright drives the web build.
//!
//! With `KUMPPANI_HARNESS=<host:port>` set, the app connects to the test there and runs
//! each line it receives (a JSON string) as the body of an async function in its webview,
//! then answers one line of JSON: `{"ok": <the returned value>}` or `{"err": "<why>"}`.
//! The scripts click and type as a person would; nothing else of the app is reachable.

use dioxus::prelude::*;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

pub fn start() {
    let Some(addr) = std::env::var("KUMPPANI_HARNESS")
        .ok()
        .filter(|a| !a.is_empty())
    else {
        return;
    };
    spawn(async move {
        if let Err(e) = serve(&addr).await {
            tracing::error!("test harness at {addr}: {e}");
        }
    });
}

async fn serve(addr: &str) -> std::io::Result<()> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read).lines();
    while let Some(line) = lines.next_line().await? {
        let answer = match serde_json::from_str::<String>(&line) {
            Ok(script) => match document::eval(&script).join::<serde_json::Value>().await {
                Ok(value) => serde_json::json!({ "ok": value }),
                Err(e) => serde_json::json!({ "err": e.to_string() }),
            },
            Err(e) => serde_json::json!({ "err": format!("not a JSON string: {e}") }),
        };
        write.write_all(format!("{answer}\n").as_bytes()).await?;
    }
    Ok(())
}
