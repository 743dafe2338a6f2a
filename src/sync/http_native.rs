//! HTTP to the hub natively (reqwest, rustls). Reached through `platform`.

use super::platform::{Answer, Request};
use std::time::Duration;

/// A hub that has not answered by then is as good as unreachable.
const TIMEOUT: Duration = Duration::from_secs(30);

pub async fn send_request(request: Request<'_>) -> Answer {
    let client = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .build()
        .map_err(|_| ())?;
    let mut builder = if request.post {
        client.post(request.url)
    } else {
        client.get(request.url)
    };
    if let Some(token) = request.bearer {
        builder = builder.bearer_auth(token);
    }
    if let Some(json) = request.body {
        builder = builder
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(json);
    }
    let resp = builder.send().await.map_err(|_| ())?;
    let status = resp.status().as_u16();
    let body = resp.bytes().await.map_err(|_| ())?;
    Ok((status, body.to_vec()))
}
