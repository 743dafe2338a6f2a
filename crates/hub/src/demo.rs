//! The demo project, for trying Kumppani out: "Hervannan kumppanuus" in Tampere, with fixed
//! codes, three events over the next weeks, and a resident, Aino Virtanen, whose diary
//! already holds a few entries and who has signed up for the first event (the hub confirms
//! her seat at startup, as it does any sign-up).

use crate::clock::now_ms;
use crate::projects::create_project_with_codes;
use crate::state::AppState;
use crate::store::{HubStore, MemberRecord, NewMember, Role, StoreError};
use crate::tokens::random_bytes;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use kumppani_core::ids::{DocId, EntryId, EventId, MemberId};
use kumppani_core::model::event::{Accessibility, EventDraft};
use kumppani_core::model::member::MemberDocError;
use kumppani_core::model::project::{self, ProjectDocError};
use kumppani_core::model::{member, set_writer, EntryDraft, Mood};
use kumppani_core::time::Timestamp;

pub const PROJECT_NAME: &str = "Hervannan kumppanuus";
pub const JOIN_CODE: &str = "sininen-kettu";
pub const ORGANISER_CODE: &str = "kirkas-majakka";
pub const RESIDENT_NAME: &str = "Aino Virtanen";
/// The demo resident's link code works this long, so it can be printed and used later.
pub const LINK_CODE_TTL_MS: i64 = 7 * 24 * 60 * 60 * 1000;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// (days ago, mood, tags, text)
const ENTRIES: &[(i64, i64, &[&str], &str)] = &[
    (13, 4, &["kirjasto"], "Kirjaston uusi lukunurkkaus on tosi viihtyisä. Lapset lukivat siellä koko iltapäivän, mutta valo on illalla vähän himmeä."),
    (10, 2, &["puisto"], "Puiston penkit ovat vieläkin rikki leikkipaikan vieressä. Isovanhemmilla ei ole missä istua, kun lapset leikkivät."),
    (7, 5, &["koulu", "asukasilta"], "Asukasilta koululla oli hyvä! Paikalla oli noin 40 ihmistä ja saimme kertoa omat ideamme puistosta suoraan kaupungin väelle."),
    (4, 2, &["liikenne", "turvallisuus"], "Bussipysäkin valo Hervannan valtaväylällä on ollut pimeänä viikon. Aamulla seitsemältä pysäkillä on tosi pimeää."),
    (1, 3, &["puisto", "liikenne"], "Kävelin puiston läpi pysäkille. Polku on liukas, mutta joku on korjannut yhden penkeistä. Hyvä alku."),
];

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write the demo diary: {0}")]
    Document(#[from] MemberDocError),
    #[error("could not write the demo events: {0}")]
    Events(#[from] ProjectDocError),
    #[error("the demo project has no project document")]
    NoProjectDocument,
    #[error("the demo project document could not be read: {0}")]
    Corrupt(#[from] kumppani_core::store::CorruptDoc),
}

/// Helsinki's offset from UTC at `utc`: +3 h in EU summer time (from 01:00 UTC on the last
/// Sunday of March to 01:00 UTC on the last Sunday of October), +2 h otherwise.
pub fn helsinki_offset_hours(utc: chrono::DateTime<Utc>) -> i64 {
    let last_sunday = |month: u32| {
        let next_month = NaiveDate::from_ymd_opt(utc.year(), month + 1, 1).expect("a valid month");
        let mut day = next_month - Duration::days(1);
        while day.weekday() != Weekday::Sun {
            day -= Duration::days(1);
        }
        Utc.from_utc_datetime(&day.and_hms_opt(1, 0, 0).expect("01:00 exists"))
    };
    if utc >= last_sunday(3) && utc < last_sunday(10) {
        3
    } else {
        2
    }
}

/// `days` days after `now`'s Helsinki date, at `hour:minute` Helsinki time.
pub fn helsinki_time(now: i64, days: i64, hour: u32, minute: u32) -> Timestamp {
    let now_utc = Timestamp(now).to_utc();
    let local_date = (now_utc + Duration::hours(helsinki_offset_hours(now_utc))).date_naive()
        + Duration::days(days);
    let naive =
        local_date.and_time(NaiveTime::from_hms_opt(hour, minute, 0).expect("a valid time"));
    let guess = Utc.from_utc_datetime(&naive) - Duration::hours(2);
    let utc = Utc.from_utc_datetime(&naive) - Duration::hours(helsinki_offset_hours(guess));
    Timestamp::from_utc(utc)
}

/// The demo events, over the next weeks at Helsinki evening and afternoon hours.
pub fn events(now: i64) -> Vec<EventDraft> {
    let at = |days, (h, m)| helsinki_time(now, days, h, m);
    vec![
        EventDraft {
            title: "Asukasilta: Hervannan puistosuunnitelma".into(),
            description: "Kaupunki esittelee Hervannan puiston luonnokset: penkit, valaistus, \
                leikkipaikka ja polut. Kerro, mitä sinä puistolta toivot. Kahvia ja pullaa tarjolla."
                .into(),
            starts_at: at(9, (18, 0)),
            ends_at: at(9, (19, 30)),
            place: "Hervannan koulun auditorio, Lindforsinkatu 2".into(),
            capacity: Some(40),
            needs_approval: false,
            languages: vec!["fi".into(), "sv".into()],
            accessibility: Accessibility {
                step_free: true,
                induction_loop: true,
                ..Accessibility::default()
            },
        },
        EventDraft {
            title: "Esteettömyyskävely Hervannan keskustassa".into(),
            description: "Kävelemme yhdessä keskustan reitit läpi ja merkitsemme, missä \
                pyörätuolilla, rollaattorilla tai lastenvaunuilla on vaikea kulkea. \
                Ilmoittautumiset hyväksytään, jotta ryhmä pysyy pienenä."
                .into(),
            starts_at: at(16, (13, 0)),
            ends_at: at(16, (15, 0)),
            place: "Lähtö Hervannan kirjaston edestä".into(),
            capacity: Some(12),
            needs_approval: true,
            languages: vec!["fi".into()],
            accessibility: Accessibility {
                step_free: true,
                sign_language: true,
                ..Accessibility::default()
            },
        },
        EventDraft {
            title: "Lukupiiri: kaupunginosan tarinat".into(),
            description: "Luemme ja kerromme tarinoita Hervannan vuosikymmeniltä. \
                Pieni ryhmä, rauhallinen tila."
                .into(),
            starts_at: at(23, (17, 30)),
            ends_at: at(23, (19, 0)),
            place: "Hervannan kirjasto, ryhmätila".into(),
            capacity: Some(2),
            needs_approval: false,
            languages: vec!["fi".into()],
            accessibility: Accessibility {
                quiet_room: true,
                ..Accessibility::default()
            },
        },
    ]
}

/// Aino's member document, with her diary entries written by a fresh random writer.
pub fn resident_document(now: i64) -> Result<automerge::AutoCommit, MemberDocError> {
    let mut doc = member::new_document();
    set_writer(&mut doc, random_bytes());
    for (days_ago, mood, tags, text) in ENTRIES {
        let at = Timestamp(now - days_ago * DAY_MS);
        let draft = EntryDraft {
            text: (*text).to_owned(),
            mood: Mood::new(*mood).expect("demo moods are 1 to 5"),
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            at,
        };
        member::add_entry(&mut doc, EntryId::from_bytes(random_bytes()), &draft, at)?;
        member::commit(&mut doc, "päiväkirjamerkintä", at);
    }
    Ok(doc)
}

/// Creates the demo project and resident if the hub has no projects yet. `true` if it did.
pub async fn seed_if_empty(store: &dyn HubStore) -> Result<bool, DemoError> {
    if !store.projects().await?.is_empty() {
        return Ok(false);
    }
    let project = create_project_with_codes(store, PROJECT_NAME, JOIN_CODE, ORGANISER_CODE).await?;
    let now = now_ms();
    let project_doc = store
        .project(project.id)
        .await?
        .and_then(|p| p.project_doc)
        .ok_or(DemoError::NoProjectDocument)?;
    let mut events_doc = store.load_doc(project_doc).await?.to_doc()?;
    set_writer(&mut events_doc, random_bytes());
    let mut first = None;
    for draft in events(now) {
        let id = EventId::from_bytes(random_bytes());
        first.get_or_insert(id);
        project::add_event(&mut events_doc, id, &draft, Timestamp(now))?;
    }
    kumppani_core::model::commit(&mut events_doc, "tapahtumat", Timestamp(now));
    store
        .append_chunk(project_doc, &events_doc.save_incremental())
        .await?;
    let mut doc = resident_document(now)?;
    if let Some(first) = first {
        member::request_signup(&mut doc, first, Timestamp(now))?;
        member::commit(&mut doc, "ilmoittautuminen", Timestamp(now));
    }
    let resident = MemberRecord {
        id: MemberId::from_bytes(random_bytes()),
        project: project.id,
        display_name: RESIDENT_NAME.to_owned(),
        role: Role::Resident,
        member_doc: DocId::from_bytes(random_bytes()),
    };
    store
        .create_member(
            &NewMember {
                member: resident,
                member_doc_snapshot: doc.save(),
                device: None,
            },
            now,
        )
        .await?;
    tracing::info!("seeded the demo project");
    Ok(true)
}

/// The demo resident, if the demo project is there.
pub async fn resident(store: &dyn HubStore) -> Result<Option<MemberRecord>, StoreError> {
    let Some(code) = store.code(JOIN_CODE).await? else {
        return Ok(None);
    };
    Ok(store
        .members_of_project(code.project)
        .await?
        .into_iter()
        .find(|m| m.display_name == RESIDENT_NAME))
}

/// A fresh single-use link code for the demo resident, valid for [`LINK_CODE_TTL_MS`].
pub async fn resident_link_code(state: &AppState) -> Result<Option<String>, StoreError> {
    let Some(aino) = resident(state.store.as_ref()).await? else {
        return Ok(None);
    };
    let code =
        crate::routes::devices::issue_link_code(state, &aino, now_ms() + LINK_CODE_TTL_MS).await?;
    Ok(Some(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_diary_holds_every_entry_with_moods_and_tags() {
        let doc = resident_document(1_700_000_000_000).unwrap();
        let entries = member::entries(&doc);
        assert_eq!(entries.len(), ENTRIES.len());
        assert!(entries
            .iter()
            .all(|e| (2..=5).contains(&e.mood.get()) && !e.tags.is_empty()));
        assert!(
            entries[0].at > entries[entries.len() - 1].at,
            "newest first"
        );
    }

    #[test]
    fn helsinki_time_follows_summer_and_winter_time() {
        // 2025-01-15 and 2025-07-15, noon UTC.
        let winter = 1_736_942_400_000;
        let summer = 1_752_580_800_000;
        assert_eq!(helsinki_offset_hours(Timestamp(winter).to_utc()), 2);
        assert_eq!(helsinki_offset_hours(Timestamp(summer).to_utc()), 3);
        // 18:00 in Helsinki is 16:00 UTC in winter and 15:00 UTC in summer.
        assert_eq!(
            helsinki_time(winter, 0, 18, 0)
                .to_utc()
                .format("%H:%M")
                .to_string(),
            "16:00"
        );
        assert_eq!(
            helsinki_time(summer, 1, 18, 0)
                .to_utc()
                .format("%H:%M")
                .to_string(),
            "15:00"
        );
    }

    #[test]
    fn the_demo_events_are_valid_and_in_the_future() {
        let now = 1_736_942_400_000;
        let all = events(now);
        assert_eq!(all.len(), 3);
        for e in &all {
            e.validate().unwrap();
            assert!(e.starts_at.millis() > now);
        }
        assert_eq!(all[2].capacity, Some(2), "small, so the waitlist shows");
    }
}
