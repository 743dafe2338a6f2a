//! The demo project, for trying Kumppani out: "Hervannan kumppanuus" in Tampere, with fixed
//! codes and a resident, Aino Virtanen, whose diary already holds a few entries.

use crate::clock::now_ms;
use crate::projects::create_project_with_codes;
use crate::state::AppState;
use crate::store::{HubStore, MemberRecord, NewMember, Role, StoreError};
use crate::tokens::random_bytes;
use kumppani_core::ids::{DocId, EntryId, MemberId};
use kumppani_core::model::member::MemberDocError;
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
    let mut doc = resident_document(now)?;
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
}
