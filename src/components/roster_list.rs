//! Organisers: everyone on an event's roster, where their seat stands, who is checked in,
//! and the approve/decline buttons for sign-ups that wait for an organiser. Walk-ins last.

use crate::format;
use crate::i18n::use_i18n;
use crate::state::{ask, use_commands, Door};
use crate::sync::Command;
use crate::t;
use dioxus::prelude::*;
use kumppani_core::derive::seats::SeatStatus;
use kumppani_core::ids::{EventId, MemberId};
use kumppani_core::model::staff::Approval;
use kumppani_core::time::Timestamp;

/// A seat status's message, and the waitlist place it shows, if any.
fn status_message(status: SeatStatus) -> (&'static str, Option<u32>) {
    match status {
        SeatStatus::Confirmed => ("roster-confirmed", None),
        SeatStatus::Waitlisted { position } => ("roster-waitlist", Some(position)),
        SeatStatus::AwaitingApproval => ("roster-awaiting", None),
        SeatStatus::Declined => ("roster-declined", None),
        SeatStatus::Cancelled => ("roster-cancelled", None),
    }
}

/// A seat status in words: "Confirmed", "Waitlist 2", "Awaiting approval", ...
pub fn status_words(status: SeatStatus) -> String {
    let i18n = use_i18n();
    match status_message(status) {
        (key, Some(position)) => i18n.t_args(key, &[("position", position.into())]),
        (key, None) => i18n.t(key),
    }
}

fn status_class(status: SeatStatus) -> &'static str {
    match status {
        SeatStatus::Confirmed => "confirmed",
        SeatStatus::Waitlisted { .. } => "waitlisted",
        SeatStatus::AwaitingApproval => "awaiting",
        SeatStatus::Declined => "declined",
        SeatStatus::Cancelled => "cancelled",
    }
}

#[component]
pub fn RosterList(event: EventId, door: Door) -> Element {
    let commands = use_commands();
    // The member whose decision is being saved, and which decision it is.
    let mut deciding = use_signal(|| None::<(MemberId, Approval)>);
    let mut error = use_signal(|| None::<String>);
    // Decisions saved on this device; the roster shows them once the hub has seen them.
    let mut decided = use_signal(std::collections::BTreeMap::<MemberId, Approval>::new);

    let mut decide = move |member: MemberId, approval: Approval| {
        if deciding().is_some() {
            return;
        }
        deciding.set(Some((member, approval)));
        error.set(None);
        spawn(async move {
            let result = ask(commands, |reply| Command::SetApproval {
                event,
                member,
                approval,
                reply,
            })
            .await;
            deciding.set(None);
            match result {
                Ok(()) => {
                    decided.write().insert(member, approval);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    let checked_at = |who: String| -> Option<Timestamp> {
        door.checkins.iter().find(|c| c.who == who).map(|c| c.at)
    };
    let rows: Vec<_> = door
        .roster
        .iter()
        .map(|r| (r.clone(), checked_at(r.member.to_string())))
        .collect();
    let walk_ins: Vec<_> = door
        .walk_ins
        .iter()
        .map(|w| (w.clone(), checked_at(w.id.to_string()).unwrap_or(w.at)))
        .collect();
    let busy = deciding();
    let pending = decided();

    rsx! {
        if let Some(e) = error() {
            p { class: "error", role: "alert", "{e}" }
        }
        if rows.is_empty() && walk_ins.is_empty() {
            p { {t!("roster-empty")} }
        }
        ul { class: "roster",
            for (entry, at) in rows {
                li { key: "{entry.member}", class: "roster-row", "data-testid": "roster-row",
                    span { class: "roster-name", "{entry.name}" }
                    span { class: "roster-status {status_class(entry.status)}", "{status_words(entry.status)}" }
                    if let Some(at) = at {
                        span { class: "roster-checked",
                            {t!("roster-checked-in-at", time: format::clock(at))}
                        }
                    }
                    if entry.status == SeatStatus::AwaitingApproval {
                        if let Some(approval) = pending.get(&entry.member) {
                            span { class: "roster-decided",
                                {match approval {
                                    Approval::Approved => t!("roster-approved-note"),
                                    Approval::Declined => t!("roster-declined-note"),
                                }}
                            }
                        }
                        div { class: "actions",
                            button {
                                class: "button primary",
                                disabled: busy.is_some(),
                                aria_label: t!("roster-approve-label", name: entry.name.clone()),
                                onclick: move |_| decide(entry.member, Approval::Approved),
                                if busy == Some((entry.member, Approval::Approved)) {
                                    {t!("roster-approving")}
                                } else {
                                    {t!("roster-approve")}
                                }
                            }
                            button {
                                class: "button danger",
                                disabled: busy.is_some(),
                                aria_label: t!("roster-decline-label", name: entry.name.clone()),
                                onclick: move |_| decide(entry.member, Approval::Declined),
                                if busy == Some((entry.member, Approval::Declined)) {
                                    {t!("roster-declining")}
                                } else {
                                    {t!("roster-decline")}
                                }
                            }
                        }
                    }
                }
            }
            for (walk_in, at) in walk_ins {
                li { key: "{walk_in.id}", class: "roster-row walk-in", "data-testid": "roster-row",
                    span { class: "roster-name", "{walk_in.name}" }
                    span { class: "roster-status walk-in", {t!("roster-walk-in")} }
                    span { class: "roster-checked",
                        {t!("roster-checked-in-at", time: format::clock(at))}
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::i18n::{translate, Lang};
    use fluent_bundle::FluentArgs;

    /// What `status_words` shows in `lang`, without a page around it.
    fn words_in(lang: Lang, status: SeatStatus) -> String {
        let (key, position) = status_message(status);
        let mut args = FluentArgs::new();
        if let Some(p) = position {
            args.set("position", p);
        }
        translate(lang, key, Some(&args))
    }

    #[test]
    fn a_waitlist_place_reads_with_its_number() {
        assert_eq!(
            words_in(Lang::En, SeatStatus::Waitlisted { position: 2 }),
            "Waitlist 2"
        );
        assert_eq!(
            words_in(Lang::Fi, SeatStatus::Waitlisted { position: 2 }),
            "Jonosija 2"
        );
        assert_eq!(
            words_in(Lang::En, SeatStatus::AwaitingApproval),
            "Awaiting approval"
        );
    }

    #[test]
    fn every_status_has_words_in_every_language() {
        let all = [
            SeatStatus::Confirmed,
            SeatStatus::Waitlisted { position: 1 },
            SeatStatus::AwaitingApproval,
            SeatStatus::Declined,
            SeatStatus::Cancelled,
        ];
        for lang in Lang::ALL {
            for status in all {
                let (key, _) = status_message(status);
                assert_ne!(
                    words_in(lang, status),
                    key,
                    "{lang:?}: no message for {key}"
                );
            }
        }
    }
}
