//! "Download my data": everything of a member's that this device holds, as one JSON file
//! they can keep or hand to someone (the right of access). Their member document (diary
//! with what is shared, sign-ups with the hub's answers, ideas, supports, comments,
//! reports) and the private diary of this device, which exists nowhere else.

use crate::api::Role;
use crate::ids::{MemberId, ProjectId};
use crate::model::member::{self, MyComment, MyIdea, MyReport, MySupport, Sharing, Signup};
use crate::model::{private_diary, DiaryEntry};
use crate::time::Timestamp;
use automerge::AutoCommit;
use serde::Serialize;

/// Names the file's shape for whoever reads it later.
pub const FORMAT: &str = "kumppani-personal-data";
pub const VERSION: u32 = 1;

/// Who the data belongs to, as the device knows it.
#[derive(Debug, Clone, Serialize)]
pub struct Owner {
    pub member_id: MemberId,
    pub display_name: String,
    pub project_id: ProjectId,
    pub project_name: String,
    pub role: Role,
}

/// An entry of the member document's diary, and whether it is shared with organisers.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    #[serde(flatten)]
    pub entry: DiaryEntry,
    /// `null`: not shared; `"Named"` or `"Anonymous"`: shown to organisers so.
    pub shared_with_organisers: Option<Sharing>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PersonalData {
    pub format: &'static str,
    pub version: u32,
    pub exported_at: Timestamp,
    pub owner: Owner,
    /// The diary kept in the member document (synced to the hub).
    pub diary: Vec<Entry>,
    /// The private diary on this device: never synced, so only this file holds a copy.
    pub private_diary: Vec<DiaryEntry>,
    pub signups: Vec<Signup>,
    pub ideas: Vec<MyIdea>,
    pub supports: Vec<MySupport>,
    pub comments: Vec<MyComment>,
    pub reports: Vec<MyReport>,
}

impl PersonalData {
    pub fn read(
        owner: Owner,
        member_doc: &AutoCommit,
        private: Option<&AutoCommit>,
        now: Timestamp,
    ) -> Self {
        PersonalData {
            format: FORMAT,
            version: VERSION,
            exported_at: now,
            owner,
            diary: member::entries(member_doc)
                .into_iter()
                .map(|entry| Entry {
                    shared_with_organisers: member::sharing(member_doc, entry.id),
                    entry,
                })
                .collect(),
            private_diary: private.map(private_diary::entries).unwrap_or_default(),
            signups: member::signups(member_doc),
            ideas: member::my_ideas(member_doc),
            supports: member::my_supports(member_doc),
            comments: member::my_comments(member_doc),
            reports: member::my_reports(member_doc),
        }
    }

    /// Indented JSON: people open this file in a text editor.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("personal data serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CommentId, EntryId, EventId, IdeaId};
    use crate::model::idea::IdeaDraft;
    use crate::model::{set_writer, EntryDraft, Mood};

    fn draft(text: &str) -> EntryDraft {
        EntryDraft {
            text: text.into(),
            mood: Mood::new(3).unwrap(),
            tags: vec!["piha".into()],
            at: Timestamp(1_000),
            prompt: None,
        }
    }

    #[test]
    fn everything_the_member_wrote_is_in_the_file_and_nothing_else() {
        let now = Timestamp(5_000);
        let mut doc = member::new_document();
        set_writer(&mut doc, [7; 16]);
        member::add_entry(
            &mut doc,
            EntryId::from_bytes([1; 16]),
            &draft("Oma merkintä"),
            now,
        )
        .unwrap();
        let shared = draft("Jaettu kokemus");
        member::share_entry(
            &mut doc,
            EntryId::from_bytes([2; 16]),
            &shared,
            Sharing::Anonymous,
            now,
        )
        .unwrap();
        member::request_signup(&mut doc, EventId::from_bytes([3; 16]), now).unwrap();
        let idea = IdeaId::from_bytes([4; 16]);
        let idea_draft = IdeaDraft {
            title: "Penkki puistoon".into(),
            description: "Lisää penkkejä leikkipuiston laidalle.".into(),
            theme: "Puistot".into(),
            anonymous: false,
        };
        member::submit_idea(&mut doc, idea, &idea_draft, now).unwrap();
        member::support(&mut doc, IdeaId::from_bytes([5; 16]), now).unwrap();
        member::comment(
            &mut doc,
            CommentId::from_bytes([6; 16]),
            idea,
            "Hyvä ajatus",
            true,
            now,
        )
        .unwrap();
        member::commit(&mut doc, "test", now);
        let mut private = private_diary::new_document();
        private_diary::add_entry(
            &mut private,
            EntryId::from_bytes([8; 16]),
            &draft("Vain minulle"),
            now,
        )
        .unwrap();
        let owner = Owner {
            member_id: MemberId::from_bytes([9; 16]),
            display_name: "Aino Virtanen".into(),
            project_id: ProjectId::from_bytes([10; 16]),
            project_name: "Kontulan kortteli".into(),
            role: Role::Resident,
        };

        let json: serde_json::Value =
            serde_json::from_str(&PersonalData::read(owner, &doc, Some(&private), now).to_json())
                .unwrap();
        assert_eq!(json["format"], FORMAT);
        assert_eq!(json["owner"]["display_name"], "Aino Virtanen");
        let diary = json["diary"].as_array().unwrap();
        let find = |text: &str| diary.iter().find(|e| e["text"] == text).cloned().unwrap();
        assert_eq!(
            find("Oma merkintä")["shared_with_organisers"],
            serde_json::Value::Null
        );
        assert_eq!(
            find("Jaettu kokemus")["shared_with_organisers"],
            "Anonymous"
        );
        assert_eq!(find("Oma merkintä")["tags"], serde_json::json!(["piha"]));
        assert_eq!(json["private_diary"][0]["text"], "Vain minulle");
        assert_eq!(json["signups"].as_array().unwrap().len(), 1);
        assert_eq!(json["ideas"][0]["draft"]["title"], "Penkki puistoon");
        assert_eq!(json["supports"].as_array().unwrap().len(), 1);
        assert_eq!(json["comments"][0]["text"], "Hyvä ajatus");
        assert_eq!(json["reports"], serde_json::json!([]));
    }

    #[test]
    fn without_a_private_diary_the_list_is_empty_not_missing() {
        let doc = member::new_document();
        let owner = Owner {
            member_id: MemberId::from_bytes([1; 16]),
            display_name: "Pekka".into(),
            project_id: ProjectId::from_bytes([2; 16]),
            project_name: "Projekti".into(),
            role: Role::Organiser,
        };
        let data = PersonalData::read(owner, &doc, None, Timestamp(0));
        let json: serde_json::Value = serde_json::from_str(&data.to_json()).unwrap();
        assert_eq!(json["private_diary"], serde_json::json!([]));
        assert_eq!(json["owner"]["role"], "organiser");
    }
}
