//! The demo project, for trying Kumppani out: "Hervannan kumppanuus" in Tampere, with fixed
//! codes, three events over the next weeks, and a resident, Aino Virtanen, who has shared a
//! few diary entries with the project's research team (some by name, some anonymously,
//! some answering a prompt) and has signed up for the first event (the hub confirms her
//! seat at startup, as it does any sign-up).
//!
//! For the diary, the project document has two open prompts and a closed one, the
//! safeguarding notice and a five-minute idle lock; the staff document has the analysis
//! themes and codes on some of the shared entries. Two neighbours have shared an entry
//! each too. The hub derives the organisers' inbox of shared entries at startup, like the
//! published ideas.
//!
//! So a newcomer sees the whole idea loop, the demo also has themes, three more residents
//! and an organiser, four ideas (one anonymous) with supports and comments, and the
//! organiser's answers and milestones in the staff document. Only the members' and the
//! staff documents are written here: the hub publishes the ideas into the project document
//! when it derives them at startup, before it serves anyone.

use crate::clock::now_ms;
use crate::projects::create_project_with_codes;
use crate::state::AppState;
use crate::store::{DeviceIdentity, HubStore, MemberRecord, NewMember, Role, StoreError};
use crate::tokens::random_bytes;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use kumppani_core::audit::staff_actions;
use kumppani_core::derive::diary::staff_entry_id;
use kumppani_core::derive::ideas::published_idea_id;
use kumppani_core::ids::{
    CommentId, DeviceId, DocId, EntryId, EventId, IdeaId, MemberId, MilestoneId, PromptId,
};
use kumppani_core::model::event::{Accessibility, EventDraft, EventText};
use kumppani_core::model::idea::{IdeaDraft, IdeaStatus, Milestone, PathStep};
use kumppani_core::model::member::{MemberDocError, Sharing};
use kumppani_core::model::project::{self, ProjectDocError, PromptDraft};
use kumppani_core::model::staff::{self, StaffDocError};
use kumppani_core::model::{member, set_writer, EntryDraft, Mood};
use kumppani_core::time::Timestamp;
use std::collections::BTreeMap;

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
/// The themes' names in Swedish and English, in the order of [`THEMES`].
const THEME_NAMES: [(&str, &str); 4] = [
    ("Parker och grönområden", "Parks and green spaces"),
    ("Trafik", "Traffic"),
    ("Bibliotek och kultur", "Library and culture"),
    ("Trygghet", "Safety"),
];

/// The demo resident's link code works this long, so it can be printed and used later.
pub const LINK_CODE_TTL_MS: i64 = 7 * 24 * 60 * 60 * 1000;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// The project's languages, Finnish first.
pub const LANGUAGES: [&str; 3] = ["fi", "sv", "en"];

/// The first prompt in Swedish and English, so a newcomer sees translated prompts.
pub const PROMPT_TRANSLATIONS: [(&str, &str); 2] = [
    ("sv", "Ett ögonblick i dag då du kände dig hörd"),
    ("en", "A moment today when you felt heard"),
];

/// The prompts: (text, opened days ago, closed days ago if closed).
pub const PROMPTS: [(&str, i64, Option<i64>); 3] = [
    ("Hetki tänään, jolloin tunsit tulleesi kuulluksi", 14, None),
    ("Mikä asuinalueella toimi tällä viikolla hyvin?", 5, None),
    (
        "Millainen oli kirjaston remontin aikainen palvelu?",
        30,
        Some(9),
    ),
];

/// The safeguarding notice: who reads shared entries, what they never do, where to get help.
pub const SAFEGUARDING: &str = "Kuka lukee jakamasi merkinnät? Vain hankkeen \
tutkimusryhmä: vastuututkija, hankkeen koordinaattori ja asukastyön sosiaaliohjaaja. He \
lukevat merkintöjä, jotta Hervannan palveluja voidaan kehittää yhdessä asukkaiden kanssa.

Mitä he eivät tee: merkintöjä ei koskaan anneta viranomaisille, eikä niitä käytetä ketään \
vastaan. Nimiä ei julkaista missään. Nimettömästä merkinnästä ei näe, kuka sen kirjoitti.

Voit perua jakamisen milloin tahansa. Silloin merkintä poistuu tutkimusryhmän näkyvistä.

Jos tarvitset apua heti, soita hätänumeroon 112. Kriisipuhelin 09 2525 0111 päivystää \
ympäri vuorokauden.";

/// Minutes before a shared tablet locks itself.
pub const IDLE_LOCK_MINUTES: u32 = 5;

/// The research team's themes for coding shared entries.
pub const ANALYSIS_THEMES: [&str; 4] = [
    "Kuulluksi tuleminen",
    "Turvallisuus",
    "Arki ja rutiinit",
    "Tilat ja ympäristö",
];

/// A diary entry a demo resident shared with the project.
struct DemoEntry {
    who: Who,
    days_ago: i64,
    mood: i64,
    tags: &'static [&'static str],
    text: &'static str,
    sharing: Sharing,
    /// The prompt it answers, by its place in [`PROMPTS`].
    prompt: Option<usize>,
    /// The research team's codes, from [`ANALYSIS_THEMES`].
    codes: &'static [&'static str],
}

const ENTRIES: &[DemoEntry] = &[
    DemoEntry {
        who: Who::Aino,
        days_ago: 13,
        mood: 4,
        tags: &["kirjasto"],
        text: "Kirjaston uusi lukunurkkaus on tosi viihtyisä. Lapset lukivat siellä koko \
            iltapäivän, mutta valo on illalla vähän himmeä.",
        sharing: Sharing::Named,
        prompt: Some(2),
        codes: &[ANALYSIS_THEMES[3]],
    },
    DemoEntry {
        who: Who::Aino,
        days_ago: 10,
        mood: 2,
        tags: &["puisto"],
        text: "Puiston penkit ovat vieläkin rikki leikkipaikan vieressä. Isovanhemmilla ei ole \
            missä istua, kun lapset leikkivät.",
        sharing: Sharing::Anonymous,
        prompt: None,
        codes: &[ANALYSIS_THEMES[3]],
    },
    DemoEntry {
        who: Who::Aino,
        days_ago: 7,
        mood: 5,
        tags: &["koulu", "asukasilta"],
        text: "Asukasilta koululla oli hyvä! Paikalla oli noin 40 ihmistä ja saimme kertoa \
            omat ideamme puistosta suoraan kaupungin väelle.",
        sharing: Sharing::Named,
        prompt: Some(0),
        codes: &[ANALYSIS_THEMES[0]],
    },
    DemoEntry {
        who: Who::Aino,
        days_ago: 4,
        mood: 2,
        tags: &["liikenne", "turvallisuus"],
        text: "Bussipysäkin valo Hervannan valtaväylällä on ollut pimeänä viikon. Aamulla \
            seitsemältä pysäkillä on tosi pimeää.",
        sharing: Sharing::Anonymous,
        prompt: None,
        codes: &[ANALYSIS_THEMES[1], ANALYSIS_THEMES[2]],
    },
    DemoEntry {
        who: Who::Aino,
        days_ago: 1,
        mood: 3,
        tags: &["puisto", "liikenne"],
        text: "Kävelin puiston läpi pysäkille. Polku on liukas, mutta joku on korjannut yhden \
            penkeistä. Hyvä alku.",
        sharing: Sharing::Named,
        prompt: Some(1),
        codes: &[],
    },
    DemoEntry {
        who: Who::Leena,
        days_ago: 3,
        mood: 4,
        tags: &["kirjasto"],
        text: "Kirjaston työntekijä kysyi, miten minulla menee, ja jäi oikeasti kuuntelemaan. \
            Tuntui, että minulla on väliä.",
        sharing: Sharing::Anonymous,
        prompt: Some(0),
        codes: &[ANALYSIS_THEMES[0]],
    },
    DemoEntry {
        who: Who::Matti,
        days_ago: 2,
        mood: 4,
        tags: &["liikenne"],
        text: "Pyörätien kuoppa Insinöörinkadulla korjattiin kahdessa päivässä siitä, kun \
            ilmoitin siitä. Nopeaa!",
        sharing: Sharing::Named,
        prompt: Some(1),
        codes: &[],
    },
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
            translations: BTreeMap::from([
                (
                    "sv".to_owned(),
                    EventText {
                        title: "Invånarkväll: parkplanen för Hervanta".into(),
                        description: "Staden presenterar utkasten till Hervanta park: bänkar, \
                            belysning, lekplats och stigar. Berätta vad du önskar av parken. \
                            Kaffe och bulle bjuds."
                            .into(),
                    },
                ),
                (
                    "en".to_owned(),
                    EventText {
                        title: "Residents' evening: the Hervanta park plan".into(),
                        description: "The city presents the drafts for Hervanta park: benches, \
                            lighting, a playground and paths. Tell us what you want from the \
                            park. Coffee and buns on offer."
                            .into(),
                    },
                ),
            ]),
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
            translations: BTreeMap::new(),
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
            translations: BTreeMap::new(),
        },
    ]
}

/// The demo prompts, opened and closed relative to `now`.
pub fn prompts(now: i64) -> Vec<PromptDraft> {
    PROMPTS
        .iter()
        .enumerate()
        .map(|(i, (text, opened, closed))| PromptDraft {
            text: (*text).to_owned(),
            opens_at: Timestamp(now - opened * DAY_MS),
            closes_at: closed.map(|c| Timestamp(now - c * DAY_MS)),
            translations: if i == 0 {
                PROMPT_TRANSLATIONS
                    .iter()
                    .map(|(lang, text)| ((*lang).to_owned(), (*text).to_owned()))
                    .collect()
            } else {
                BTreeMap::new()
            },
        })
        .collect()
}

/// Shares the demo diary entries from the residents' documents (indexed by [`Who::index`]),
/// answering the prompts `prompt_ids` (in the order of [`PROMPTS`]), and codes them in the
/// staff document. The staff document's inbox itself is the hub's to derive.
fn write_diaries(
    residents: &mut [(MemberId, automerge::AutoCommit)],
    staff_doc: &mut automerge::AutoCommit,
    prompt_ids: &[PromptId],
    now: i64,
) -> Result<(), DemoError> {
    let themes: Vec<String> = ANALYSIS_THEMES.iter().map(|t| (*t).to_owned()).collect();
    staff::set_analysis_themes(staff_doc, &themes)?;
    for e in ENTRIES {
        let at = Timestamp(now - e.days_ago * DAY_MS);
        let draft = EntryDraft {
            text: e.text.to_owned(),
            mood: Mood::new(e.mood).expect("demo moods are 1 to 5"),
            tags: e.tags.iter().map(|t| (*t).to_owned()).collect(),
            at,
            prompt: e.prompt.map(|p| prompt_ids[p]),
        };
        let (author, doc) = &mut residents[e.who.index()];
        let shared = EntryId::from_bytes(random_bytes());
        member::share_entry(doc, shared, &draft, e.sharing, at)?;
        member::commit(doc, "jaettu merkintä", at);
        for theme in e.codes {
            staff::set_code(staff_doc, staff_entry_id(*author, shared), theme, true)?;
        }
    }
    kumppani_core::model::commit(staff_doc, "koodaus", Timestamp(now));
    Ok(())
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

/// Aino and the neighbours, each with a fresh id and an empty member document.
fn empty_residents() -> Vec<(MemberId, automerge::AutoCommit)> {
    std::iter::once(RESIDENT_NAME)
        .chain(NEIGHBOURS)
        .map(|_| {
            let mut doc = member::new_document();
            set_writer(&mut doc, random_bytes());
            (MemberId::from_bytes(random_bytes()), doc)
        })
        .collect()
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
    let names = THEMES
        .iter()
        .zip(THEME_NAMES)
        .map(|(fi, (sv, en))| {
            let names = [("sv", sv), ("en", en)].map(|(l, n)| (l.to_owned(), n.to_owned()));
            ((*fi).to_owned(), names.into_iter().collect())
        })
        .collect();
    project::set_theme_names(&mut events_doc, &project::ThemeNames(names))?;
    project::set_languages(&mut events_doc, &LANGUAGES)?;
    let mut first = None;
    for draft in events(now) {
        let id = EventId::from_bytes(random_bytes());
        first.get_or_insert(id);
        project::add_event(&mut events_doc, id, &draft, Timestamp(now))?;
    }
    let mut prompt_ids = Vec::new();
    for draft in prompts(now) {
        let id = PromptId::from_bytes(random_bytes());
        project::put_prompt(&mut events_doc, id, &draft, Timestamp(now))?;
        prompt_ids.push(id);
    }
    project::set_safeguarding(&mut events_doc, SAFEGUARDING, Timestamp(now))?;
    project::set_idle_lock_minutes(&mut events_doc, IDLE_LOCK_MINUTES)?;
    kumppani_core::model::commit(&mut events_doc, "tapahtumat ja päiväkirja", Timestamp(now));
    store
        .append_chunk(project_doc, &events_doc.save_incremental())
        .await?;

    let mut residents = empty_residents();
    let staff_doc = store
        .project(project.id)
        .await?
        .and_then(|p| p.staff_doc)
        .ok_or(DemoError::NoProjectDocument)?;
    let mut answers_doc = store.load_doc(staff_doc).await?.to_doc()?;
    set_writer(&mut answers_doc, random_bytes());
    let answers_before = answers_doc.clone();
    write_diaries(&mut residents, &mut answers_doc, &prompt_ids, now)?;
    if let Some(first) = first {
        let aino = &mut residents[Who::Aino.index()].1;
        member::request_signup(aino, first, Timestamp(now))?;
        member::commit(aino, "ilmoittautuminen", Timestamp(now));
    }
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
    let mut organiser = None;
    for (id, name, role, mut doc) in members {
        let record = MemberRecord {
            id,
            project: project.id,
            display_name: name.to_owned(),
            role,
            member_doc: DocId::from_bytes(random_bytes()),
        };
        if role == Role::Organiser {
            organiser = Some(record.clone());
        }
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
    // The organiser's answers, as the audit log would have them from their tablet.
    if let Some(member) = organiser {
        let tablet = DeviceIdentity {
            device: DeviceId::from_bytes(random_bytes()),
            member,
        };
        let actions = staff_actions(&answers_before, &answers_doc);
        store
            .append_audit(project.id, &tablet, &actions, now)
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
    fn the_demo_diaries_are_shared_named_and_anonymously_with_prompts_and_codes() {
        let now = 1_700_000_000_000;
        let mut residents = empty_residents();
        let mut staff_doc = staff::new_document();
        set_writer(&mut staff_doc, random_bytes());
        let prompt_ids: Vec<PromptId> = PROMPTS
            .iter()
            .map(|_| PromptId::from_bytes(random_bytes()))
            .collect();
        write_diaries(&mut residents, &mut staff_doc, &prompt_ids, now).unwrap();

        let aino = member::shared_entries(&residents[Who::Aino.index()].1);
        assert_eq!(aino.len(), 5, "Aino's diary as the app's tests know it");
        assert_eq!(member::entries(&residents[Who::Aino.index()].1).len(), 5);
        assert!(aino
            .iter()
            .all(|(e, _)| (2..=5).contains(&e.mood.get()) && !e.tags.is_empty()));
        assert!(aino[0].0.at > aino[aino.len() - 1].0.at, "newest first");
        for sharing in [Sharing::Named, Sharing::Anonymous] {
            assert!(aino.iter().any(|(_, s)| *s == sharing), "{sharing:?}");
        }
        let all: Vec<_> = residents
            .iter()
            .flat_map(|(_, doc)| member::shared_entries(doc))
            .collect();
        assert_eq!(all.len(), ENTRIES.len());
        // Every answer falls while its prompt was open.
        let drafts = prompts(now);
        for (entry, _) in &all {
            if let Some(p) = entry.prompt {
                let i = prompt_ids.iter().position(|id| *id == p).unwrap();
                let open = &drafts[i];
                assert!(open.opens_at <= entry.at, "{}", entry.text);
                assert!(
                    open.closes_at.is_none_or(|c| entry.at < c),
                    "{}",
                    entry.text
                );
            }
        }
        assert_eq!(staff::analysis_themes(&staff_doc), ANALYSIS_THEMES);
        let codes = staff::codes(&staff_doc);
        assert_eq!(
            codes.len(),
            ENTRIES.iter().filter(|e| !e.codes.is_empty()).count()
        );
        assert!(codes
            .values()
            .flatten()
            .all(|c| ANALYSIS_THEMES.contains(&c.as_str())));
    }

    #[test]
    fn the_demo_prompts_are_valid_two_open_and_one_closed() {
        let now = 1_736_942_400_000;
        let mut doc = project::new_document();
        set_writer(&mut doc, random_bytes());
        for draft in prompts(now) {
            draft.validate().unwrap();
            project::put_prompt(
                &mut doc,
                PromptId::from_bytes(random_bytes()),
                &draft,
                Timestamp(now),
            )
            .unwrap();
        }
        let open: Vec<String> = project::open_prompts(&doc, Timestamp(now))
            .into_iter()
            .map(|p| p.text)
            .collect();
        assert_eq!(open.len(), 2);
        assert!(!open.iter().any(|t| t.contains("kirjaston remontin")));
        project::set_safeguarding(&mut doc, SAFEGUARDING, Timestamp(now)).unwrap();
        assert!(SAFEGUARDING.contains("112") && SAFEGUARDING.contains("09 2525 0111"));
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
    async fn the_demo_ideas_are_published_and_the_inbox_holds_named_and_anonymous_entries() {
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

        // The organiser's answers are in the audit log, under their name.
        let organiser = members.iter().find(|m| m.role == Role::Organiser).unwrap();
        let log = store.audit_log(project.id, 0, 1000).await.unwrap();
        let answered = log
            .iter()
            .filter(|l| {
                matches!(
                    l.action,
                    kumppani_core::audit::OrganiserAction::Answered { .. }
                )
            })
            .count();
        let given: usize = IDEAS.iter().map(|i| i.answers.len()).sum();
        assert_eq!(answered, given, "{log:?}");
        assert!(log.iter().all(|l| l.member == organiser.id));

        crate::derivation::rederive_project(&state, project.id)
            .await
            .unwrap();
        let staff_doc = state
            .docs
            .lock(&store, project.staff_doc.unwrap())
            .await
            .unwrap();
        let inbox = staff::shared_entries(&staff_doc);
        assert_eq!(inbox.len(), ENTRIES.len());
        let (named, anonymous): (Vec<_>, Vec<_>) =
            inbox.iter().partition(|e| e.sharing == Sharing::Named);
        assert!(!named.is_empty() && !anonymous.is_empty());
        assert!(anonymous
            .iter()
            .all(|e| e.author.is_none() && e.author_name.is_none()));
        assert!(named.iter().all(|e| e.author.is_some()));
        assert!(named
            .iter()
            .any(|e| e.author_name.as_deref() == Some(RESIDENT_NAME)));
        assert!(inbox.iter().any(|e| e.prompt.is_some()));
        let codes = staff::codes(&staff_doc);
        assert!(!codes.is_empty());
        assert!(
            codes.keys().all(|id| inbox.iter().any(|e| e.id == *id)),
            "every code is on an entry in the inbox"
        );
        assert_eq!(staff::analysis_themes(&staff_doc), ANALYSIS_THEMES);
        drop(staff_doc);
        let doc = store
            .load_doc(project.project_doc.unwrap())
            .await
            .unwrap()
            .to_doc()
            .unwrap();
        assert_eq!(project::themes(&doc), THEMES);
        let names = project::theme_names(&doc);
        assert_eq!(names.name_in(THEMES[1], "sv"), "Trafik");
        assert_eq!(names.name_in(THEMES[3], "en"), "Safety");
        assert_eq!(project::open_prompts(&doc, Timestamp(now_ms())).len(), 2);
        assert_eq!(project::prompts(&doc).len(), 3);
        assert_eq!(
            project::safeguarding(&doc).map(|s| s.text),
            Some(SAFEGUARDING.to_owned())
        );
        assert_eq!(project::idle_lock_minutes(&doc), IDLE_LOCK_MINUTES);
        assert_eq!(project::languages(&doc), LANGUAGES);
        let first_prompt = project::prompts(&doc)
            .into_iter()
            .find(|p| p.text == PROMPTS[0].0)
            .unwrap();
        assert_eq!(first_prompt.text_in("sv"), PROMPT_TRANSLATIONS[0].1);
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
