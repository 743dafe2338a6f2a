//! What each simulated device holds before it connects: the offline backlog of a member
//! who kept a diary, signed up for events and supported ideas without a network.

use automerge::AutoCommit;
use kumppani_core::ids::{EntryId, EventId, IdeaId};
use kumppani_core::model::event::{Accessibility, EventDraft};
use kumppani_core::model::idea::IdeaDraft;
use kumppani_core::model::member::{self, Sharing};
use kumppani_core::model::{EntryDraft, Mood};
use kumppani_core::time::Timestamp;

pub fn random_id() -> [u8; 16] {
    let mut b = [0; 16];
    getrandom::fill(&mut b).expect("the OS gives random bytes");
    b
}

const TEXTS: [&str; 4] = [
    "Kävin tänään kirjaston lukupiirissä. Keskustelu oli vilkasta ja sain uusia ideoita \
     puiston kunnostukseen; moni toivoi lisää penkkejä ja valoja.",
    "Bussi oli taas myöhässä ja pysäkillä ei ollut katosta. Sateessa odottaminen on \
     ikävää, varsinkin lasten kanssa. Toivoisin reaaliaikaisen näytön.",
    "Asukasillassa kuultiin suunnitelmista. Oli hienoa, että nuoretkin pääsivät ääneen, \
     vaikka aikaa oli vähän ja sali oli täynnä.",
    "Puistossa oli siivoustalkoot. Naapurit toivat kahvia ja pullaa, ja roskia kertyi \
     yllättävän paljon kolmessa tunnissa.",
];

/// An event as organisers publish them, for the project document.
pub fn event(n: usize, now: i64) -> EventDraft {
    EventDraft {
        title: format!("Asukasilta {n}: Hervannan puistosuunnitelma"),
        description: TEXTS[n % TEXTS.len()].to_owned(),
        starts_at: Timestamp(now + 86_400_000 * (1 + n as i64 % 30)),
        ends_at: Timestamp(now + 86_400_000 * (1 + n as i64 % 30) + 7_200_000),
        place: "Hervannan kirjasto, Insinöörinkatu 38".into(),
        capacity: Some(40),
        needs_approval: false,
        languages: vec!["fi".into()],
        accessibility: Accessibility::default(),
        translations: Default::default(),
    }
}

pub fn idea(n: usize) -> IdeaDraft {
    IdeaDraft {
        title: format!("Idea {n}: lisää penkkejä puistoon"),
        description: TEXTS[(n + 1) % TEXTS.len()].to_owned(),
        theme: "Puistot ja viheralueet".into(),
        anonymous: n.is_multiple_of(3),
    }
}

/// Adds the backlog to a fresh member document and commits it. Returns the size of the
/// document saved (compressed, as automerge stores it): what the baseline measures too.
pub fn backlog(
    doc: &mut AutoCommit,
    entries: usize,
    signups: &[EventId],
    supports: &[IdeaId],
    now: i64,
) -> usize {
    diary_entries(doc, entries, now);
    for event in signups {
        member::request_signup(doc, *event, Timestamp(now)).expect("a valid sign-up");
    }
    for idea in supports {
        member::support(doc, *idea, Timestamp(now)).expect("a valid support");
    }
    member::commit(doc, "offline backlog", Timestamp(now));
    doc.save().len()
}

/// `entries` shared diary entries, an hour apart up to `now`, half of them anonymous.
pub fn diary_entries(doc: &mut AutoCommit, entries: usize, now: i64) {
    for n in 0..entries {
        let draft = EntryDraft {
            text: TEXTS[n % TEXTS.len()].to_owned(),
            mood: Mood::new(1 + (n % 5) as i64).expect("1 to 5"),
            tags: vec!["lähiö".into()],
            at: Timestamp(now - (entries - n) as i64 * 3_600_000),
            prompt: None,
        };
        let sharing = if n % 2 == 0 {
            Sharing::Named
        } else {
            Sharing::Anonymous
        };
        member::share_entry(
            doc,
            EntryId::from_bytes(random_id()),
            &draft,
            sharing,
            draft.at,
        )
        .expect("a valid entry");
    }
}
