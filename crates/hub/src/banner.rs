//! What `serve` and `codes` print for people: where the hub is, and for each project its
//! join and organiser codes with their links as terminal QR codes.

use crate::store::ProjectRecord;
use qrcode::render::unicode::Dense1x2;
use qrcode::QrCode;
use std::fmt::Write;

/// A QR code of `text` in Unicode half blocks, with its quiet zone, light on dark.
pub fn qr(text: &str) -> String {
    match QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<Dense1x2>()
            .quiet_zone(true)
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .build(),
        Err(_) => String::from("(link too long for a QR code)"),
    }
}

pub fn join_link(public_url: &str, code: &str) -> String {
    format!("{}/join?code={code}", public_url.trim_end_matches('/'))
}

/// Every project's codes and links, each link with its QR code when `with_qr`.
pub fn projects(projects: &[ProjectRecord], public_url: &str, with_qr: bool) -> String {
    let mut out = String::new();
    if projects.is_empty() {
        out.push_str("No projects yet. Make one with: kumppani-hub project create --name NAME\n");
    }
    for p in projects {
        let _ = writeln!(out, "\nProject: {} ({})", p.name, p.id);
        for (label, code) in [
            ("Join code", &p.join_code),
            ("Organiser code", &p.organiser_code),
        ] {
            let Some(code) = code else { continue };
            let link = join_link(public_url, code);
            let _ = writeln!(out, "  {label}: {code}\n  Link: {link}");
            if with_qr {
                out.push_str(&qr(&link));
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_link_carries_the_code_and_renders_as_a_qr_code() {
        let link = join_link("http://127.0.0.1:8080/", "sininen-kettu");
        assert_eq!(link, "http://127.0.0.1:8080/join?code=sininen-kettu");
        let art = qr(&link);
        assert!(art.lines().count() > 10);
        assert!(art.contains('█') || art.contains('▀') || art.contains('▄'));
    }
}
