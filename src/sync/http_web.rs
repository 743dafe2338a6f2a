//! HTTP to the hub through the browser's `fetch` (gloo-net). Reached through `platform`.

use super::platform::{Answer, Request};
use gloo_net::http::Request as Fetch;

pub async fn send_request(request: Request<'_>) -> Answer {
    let mut builder = if request.post {
        Fetch::post(request.url)
    } else {
        Fetch::get(request.url)
    };
    if let Some(token) = request.bearer {
        builder = builder.header("Authorization", &format!("Bearer {token}"));
    }
    let sent = match request.body {
        Some(json) => {
            builder
                .header("Content-Type", "application/json")
                .body(json)
                .map_err(|_| ())?
                .send()
                .await
        }
        None => builder.send().await,
    };
    let resp = sent.map_err(|_| ())?;
    let body = resp.binary().await.map_err(|_| ())?;
    Ok((resp.status(), body))
}
