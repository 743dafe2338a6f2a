//! The ticket shown at the door: a QR code of the hub-signed ticket and its short code.
//! Both come from the member document, so the ticket shows offline.

use crate::t;
use dioxus::prelude::*;
use kumppani_core::ticket::Ticket;
use qrcode::render::svg;
use qrcode::QrCode;

#[component]
pub fn TicketCard(ticket: String, title: String) -> Element {
    let short = Ticket::decode(&ticket).map(|t| t.short_code()).ok();
    let svg = QrCode::new(ticket.as_bytes()).ok().map(|code| {
        code.render::<svg::Color>()
            .min_dimensions(220, 220)
            .quiet_zone(true)
            .build()
    });
    rsx! {
        section { class: "card ticket", aria_labelledby: "ticket-title",
            h2 { id: "ticket-title", {t!("ticket-title")} }
            if let Some(svg) = svg {
                div { class: "qr", role: "img", aria_label: t!("ticket-qr-label", title: title.clone()), dangerous_inner_html: "{svg}" }
            }
            if let Some(code) = short {
                p { {t!("ticket-code-intro")} }
                p { class: "code", "data-testid": "ticket-code", "{code}" }
            }
        }
    }
}
