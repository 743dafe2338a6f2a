//! The demo project, for trying Kumppani out: "Hervannan kumppanuus" in Tampere, with fixed
//! codes, three events over the next weeks, and a resident, Aino Virtanen, whose diary
//! already holds a few entries and who has signed up for the first event (the hub confirms
//! her seat at startup, as it does any sign-up).
//!
//! So a newcomer sees the whole idea loop, the demo also has themes, three more residents
//! and an organiser, four ideas (one anonymous) with supports and comments, and the
//! organiser's answers and milestones in the staff document. Only the members' and the
//! staff documents are written here: the hub publishes the ideas into the project document
//! when it derives them at startup, before it serves anyone.

use crate::clock::now_ms;
use crate::projects::create_project_with_codes;
use crate::state::AppState;
use crate::store::{HubStore, MemberRecord, NewMember, Role, StoreError};
use crate::tokens::random_bytes;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use kumppani_core::derive::ideas::published_idea_id;
use kumppani_core::ids::{CommentId, DocId, EntryId, EventId, IdeaId, MemberId, MilestoneId};
use kumppani_core::model::event::{Accessibility, EventDraft};
use kumppani_core::model::idea::{IdeaDraft, IdeaStatus, Milestone, PathStep};
use kumppani_core::model::member::MemberDocError;
use kumppani_core::model::project::{self, ProjectDocError};
use kumppani_core::model::staff::{self, StaffDocError};
use kumppani_core::model::{member, set_writer, EntryDraft, Mood};
use kumppani_core::time::Timestamp;

pub const PROJECT_NAME: &str = "Hervannan kumppanuus";
pub const JOIN_CODE: &str = "sininen-kettu";
pub const ORGANISER_CODE: &str = "kirkas-majakka";
pub const RESIDENT_NAME: &str = "Aino Virtanen";
/// The other demo residents, who submit, support and comment on ideas.
pub const NEIGHBOURS: [&str; 3] = ["Matti Korhonen", "Leena Nieminen", "Jukka Mäkinen"];
/// The demo organiser, who answers the ideas.
pub const ORGANISER_NAME: &str = "Olli Organisaattori";
pub const THEMES: [&str; 4] = [
    "Puistot ja viheralueet",
    "Liikenne",
    "Kirjasto ja kulttuuri",
    "Turvallisuus",
];
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
    #[error("could not write the demo answers: {0}")]
    Staff(#[from] StaffDocError),
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
            prompt: None,
        };
        member::add_entry(&mut doc, EntryId::from_bytes(random_bytes()), &draft, at)?;
        member::commit(&mut doc, "päiväkirjamerkintä", at);
    }
    Ok(doc)
}

/// Who does something in the demo: Aino, Matti, Leena, Jukka (see [`NEIGHBOURS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Aino,
    Matti,
    Leena,
    Jukka,
}

impl Who {
    /// Its place among the residents: Aino first, then [`NEIGHBOURS`] in order.
    fn index(self) -> usize {
        self as usize
    }
}

struct DemoIdea {
    author: Who,
    anonymous: bool,
    theme: &'static str,
    title: &'static str,
    description: &'static str,
    days_ago: i64,
    supporters: &'static [Who],
    /// (commenter, anonymous, text)
    comments: &'static [(Who, bool, &'static str)],
    /// (status, note), in the order the organiser answered.
    answers: &'static [(IdeaStatus, &'static str)],
    /// (title, done)
    milestones: &'static [(&'static str, bool)],
}

const IDEAS: &[DemoIdea] = &[
    DemoIdea {
        author: Who::Aino,
        anonymous: false,
        theme: THEMES[0],
        title: "Penkkejä Hervannan puistoon",
        description: "Leikkipaikan vieressä ei ole yhtään ehjää penkkiä. Isovanhemmat ja \
            vanhemmat seisovat, kun lapset leikkivät. Toivon kolmea uutta penkkiä.",
        days_ago: 12,
        supporters: &[Who::Matti, Who::Leena, Who::Jukka],
        comments: &[(
            Who::Matti,
            false,
            "Hyvä idea! Yksi penkki myös koirapuiston portille, siellä odotetaan usein.",
        )],
        answers: &[(
            IdeaStatus::Accepted,
            "Penkit tilataan keväällä; asennus toukokuussa.",
        )],
        milestones: &[("Penkit tilattu", false)],
    },
    DemoIdea {
        author: Who::Leena,
        anonymous: true,
        theme: THEMES[3],
        title: "Valaistus Ahvenisjärven polulle",
        description: "Polku Ahvenisjärven rannassa on syksyllä ja talvella pilkkopimeä jo \
            iltapäivällä. Valot tekisivät kävelystä turvallisemman.",
        days_ago: 9,
        supporters: &[Who::Aino, Who::Jukka],
        comments: &[(
            Who::Jukka,
            true,
            "Kuljen polkua töistä kotiin. Marraskuussa en näe edes omia jalkojani.",
        )],
        answers: &[(
            IdeaStatus::UnderConsideration,
            "Selvitämme katuvalaistuksen kanssa, voiko polulle lisätä valoja ennen ensi talvea.",
        )],
        milestones: &[],
    },
    DemoIdea {
        author: Who::Matti,
        anonymous: false,
        theme: THEMES[2],
        title: "Kirjaston aukioloajat myöhemmäksi iltaisin",
        description: "Kirjasto sulkeutuu arkisin kello 19. Moni tulee töistä vasta silloin. \
            Toivon, että kirjasto olisi auki ainakin kahtena iltana kello 21 asti.",
        days_ago: 8,
        supporters: &[Who::Leena],
        comments: &[],
        answers: &[(
            IdeaStatus::Declined,
            "Aukioloajat päätetään koko kaupungin kirjastoille; välitimme toiveen \
            kirjastopalveluille.",
        )],
        milestones: &[],
    },
    DemoIdea {
        author: Who::Jukka,
        anonymous: false,
        theme: THEMES[1],
        title: "Suojatie Insinöörinkadun kouluun",
        description: "Koululaiset ylittävät Insinöörinkadun joka aamu ilman suojatietä. \
            Autot ajavat kovaa. Suojatie koulun kohdalle tekisi koulumatkasta turvallisemman.",
        days_ago: 6,
        supporters: &[Who::Aino, Who::Matti, Who::Leena, Who::Jukka],
        comments: &[(
            Who::Aino,
            false,
            "Tämä on tärkeä. Saatan lapsia kouluun, ja aamulla kadulla on paljon liikennettä.",
        )],
        answers: &[
            (
                IdeaStatus::UnderConsideration,
                "Liikennesuunnittelija käy katsomassa paikan.",
            ),
            (
                IdeaStatus::InProgress,
                "Suojatie tehdään kesälomalla, ennen kuin koulu alkaa.",
            ),
        ],
        milestones: &[
            ("Liikennesuunnitelma valmis", true),
            ("Suojatie maalattu", false),
        ],
    },
];

/// Writes the demo ideas, supports and comments into the residents' documents (indexed by
/// [`Who::index`]) and the organiser's answers and milestones into the staff document.
fn write_ideas(
    residents: &mut [(MemberId, automerge::AutoCommit)],
    staff_doc: &mut automerge::AutoCommit,
    now: i64,
) -> Result<(), DemoError> {
    for idea in IDEAS {
        let submitted = now - idea.days_ago * DAY_MS;
        let local = IdeaId::from_bytes(random_bytes());
        let (author, doc) = &mut residents[idea.author.index()];
        let published = published_idea_id(*author, local);
        let draft = IdeaDraft {
            title: idea.title.to_owned(),
            description: idea.description.to_owned(),
            theme: idea.theme.to_owned(),
            anonymous: idea.anonymous,
        };
        member::submit_idea(doc, local, &draft, Timestamp(submitted))?;
        member::commit(doc, "idea", Timestamp(submitted));
        for (n, who) in idea.supporters.iter().enumerate() {
            let at = Timestamp(submitted + (n as i64 + 1) * DAY_MS / 4);
            let doc = &mut residents[who.index()].1;
            member::support(doc, published, at)?;
            member::commit(doc, "support", at);
        }
        for (who, anonymous, text) in idea.comments {
            let at = Timestamp(submitted + DAY_MS);
            let doc = &mut residents[who.index()].1;
            let id = CommentId::from_bytes(random_bytes());
            member::comment(doc, id, published, text, *anonymous, at)?;
            member::commit(doc, "comment", at);
        }
        for (n, (status, note)) in idea.answers.iter().enumerate() {
            let at = Timestamp(submitted + (n as i64 + 2) * DAY_MS);
            let step = PathStep {
                status: *status,
                note: (*note).to_owned(),
                by_name: ORGANISER_NAME.to_owned(),
                at,
            };
            staff::answer_idea(staff_doc, published, &step)?;
        }
        for (title, done) in idea.milestones {
            let milestone = Milestone {
                title: (*title).to_owned(),
                done: *done,
                at: Timestamp(submitted + 3 * DAY_MS),
            };
            let id = MilestoneId::from_bytes(random_bytes());
            staff::set_milestone(staff_doc, published, id, &milestone)?;
        }
    }
    kumppani_core::model::commit(staff_doc, "vastaukset", Timestamp(now));
    Ok(())
}

/// Creates the demo project and members if the hub has no projects yet. `true` if it did.
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
    let themes: Vec<String> = THEMES.iter().map(|t| (*t).to_owned()).collect();
    project::set_themes(&mut events_doc, &themes)?;
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

    let mut aino = resident_document(now)?;
    if let Some(first) = first {
        member::request_signup(&mut aino, first, Timestamp(now))?;
        member::commit(&mut aino, "ilmoittautuminen", Timestamp(now));
    }
    let mut residents = vec![(MemberId::from_bytes(random_bytes()), aino)];
    for _ in NEIGHBOURS {
        let mut doc = member::new_document();
        set_writer(&mut doc, random_bytes());
        residents.push((MemberId::from_bytes(random_bytes()), doc));
    }
    let staff_doc = store
        .project(project.id)
        .await?
        .and_then(|p| p.staff_doc)
        .ok_or(DemoError::NoProjectDocument)?;
    let mut answers_doc = store.load_doc(staff_doc).await?.to_doc()?;
    set_writer(&mut answers_doc, random_bytes());
    write_ideas(&mut residents, &mut answers_doc, now)?;
    store
        .append_chunk(staff_doc, &answers_doc.save_incremental())
        .await?;

    let names = std::iter::once(RESIDENT_NAME).chain(NEIGHBOURS);
    let mut members: Vec<_> = names
        .zip(residents)
        .map(|(name, (id, doc))| (id, name, Role::Resident, doc))
        .collect();
    members.push((
        MemberId::from_bytes(random_bytes()),
        ORGANISER_NAME,
        Role::Organiser,
        member::new_document(),
    ));
    for (id, name, role, mut doc) in members {
        let record = MemberRecord {
            id,
            project: project.id,
            display_name: name.to_owned(),
            role,
            member_doc: DocId::from_bytes(random_bytes()),
        };
        store
            .create_member(
                &NewMember {
                    member: record,
                    member_doc_snapshot: doc.save(),
                    device: None,
                },
                now,
            )
            .await?;
    }
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

    #[tokio::test]
    async fn the_demo_ideas_are_published_with_supports_authors_and_answers() {
        use crate::store::sqlite::SqliteStore;
        use std::sync::Arc;
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(&dir.path().join("kumppani.sqlite3"))
            .await
            .unwrap();
        assert!(seed_if_empty(&store).await.unwrap());
        assert!(!seed_if_empty(&store).await.unwrap(), "seeds only once");
        let state = AppState::new(
            Arc::new(store.clone()),
            crate::config::Config::local(dir.path()),
        );
        let project = store.projects().await.unwrap().remove(0);
        let members = store.members_of_project(project.id).await.unwrap();
        let mut names: Vec<_> = members
            .iter()
            .map(|m| (m.display_name.as_str(), m.role))
            .collect();
        names.sort_by_key(|(name, _)| *name);
        assert_eq!(
            names,
            vec![
                (RESIDENT_NAME, Role::Resident),
                ("Jukka Mäkinen", Role::Resident),
                ("Leena Nieminen", Role::Resident),
                ("Matti Korhonen", Role::Resident),
                (ORGANISER_NAME, Role::Organiser),
            ]
        );

        crate::ideas::rederive_project(&state, project.id)
            .await
            .unwrap();
        let doc = store
            .load_doc(project.project_doc.unwrap())
            .await
            .unwrap()
            .to_doc()
            .unwrap();
        assert_eq!(project::themes(&doc), THEMES);
        let published = project::published_ideas(&doc);
        let idea = |title: &str| {
            published
                .iter()
                .find(|i| i.title == title)
                .unwrap_or_else(|| panic!("{title} is published"))
        };
        let benches = idea("Penkkejä Hervannan puistoon");
        let lighting = idea("Valaistus Ahvenisjärven polulle");
        let library = idea("Kirjaston aukioloajat myöhemmäksi iltaisin");
        let crossing = idea("Suojatie Insinöörinkadun kouluun");
        assert_eq!(published.len(), 4);
        assert!(published.iter().all(|i| !i.hidden));

        assert_eq!(benches.author.as_deref(), Some(RESIDENT_NAME));
        assert_eq!(lighting.author, None, "Leena submitted it anonymously");
        assert_eq!(library.author.as_deref(), Some("Matti Korhonen"));
        assert_eq!(crossing.author.as_deref(), Some("Jukka Mäkinen"));

        let supports: Vec<_> = [benches, lighting, library, crossing]
            .iter()
            .map(|i| i.supports)
            .collect();
        assert_eq!(supports, vec![3, 2, 1, 4]);

        assert_eq!(benches.status, IdeaStatus::Accepted);
        assert_eq!(
            benches.path[0].note,
            "Penkit tilataan keväällä; asennus toukokuussa."
        );
        assert_eq!(benches.path[0].by_name, ORGANISER_NAME);
        assert_eq!(benches.milestones.len(), 1);
        assert_eq!(benches.milestones[0].title, "Penkit tilattu");
        assert!(!benches.milestones[0].done);
        assert_eq!(lighting.status, IdeaStatus::UnderConsideration);
        assert!(!lighting.path[0].note.is_empty());
        assert_eq!(library.status, IdeaStatus::Declined);
        assert_eq!(
            library.path[0].note,
            "Aukioloajat päätetään koko kaupungin kirjastoille; välitimme toiveen \
            kirjastopalveluille."
        );
        assert_eq!(crossing.status, IdeaStatus::InProgress);
        assert!(!crossing.milestones.is_empty());

        let comments: Vec<_> = published.iter().flat_map(|i| &i.comments).collect();
        assert_eq!(comments.len(), 3);
        assert_eq!(comments.iter().filter(|c| c.author.is_none()).count(), 1);
        assert_eq!(lighting.comments[0].author, None);
        assert_eq!(
            benches.comments[0].author.as_deref(),
            Some("Matti Korhonen")
        );
        assert_eq!(crossing.theme, "Liikenne");
        assert_eq!(lighting.theme, "Turvallisuus");
    }
}
