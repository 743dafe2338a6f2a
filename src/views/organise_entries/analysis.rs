//! Shared diary entries for organisers, without any UI: which entries a filter keeps, how
//! many answer each prompt, the average mood per week, and the exports, with or without
//! the names of the people who shared them.
//!
//! The view turns its form fields into a [`Filter`], shows [`counts_by_prompt`] and
//! [`weekly_mood`] over the kept entries, and writes [`export_rows`] out with
//! [`entries_csv`] or [`entries_json`].

use crate::views::organise_ideas::csv_cell;
use chrono::{Datelike, NaiveDate, SecondsFormat, TimeZone, Weekday};
use kumppani_core::ids::{EntryId, PromptId};
use kumppani_core::model::member::Sharing;
use kumppani_core::model::project::Prompt;
use kumppani_core::model::staff::SharedEntry;
use kumppani_core::time::Timestamp;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What the exports say for an entry whose prompt the organisers removed (a file format:
/// always English).
pub const REMOVED_PROMPT: &str = "A removed prompt";

/// What an entry answers, for the chart and the cards: the view puts it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answers {
    /// The prompt's text.
    Prompt(String),
    /// A prompt the organisers removed.
    Removed,
    /// No prompt.
    Nothing,
}

/// Which prompt the kept entries answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PromptFilter {
    #[default]
    Any,
    /// Entries written without a prompt.
    NoPrompt,
    Prompt(PromptId),
}

/// What the organiser chose at the top of the inbox; each part left empty keeps everything.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    pub prompt: PromptFilter,
    /// Entries with exactly this tag.
    pub tag: Option<String>,
    /// Entries with exactly this mood (1 to 5).
    pub mood: Option<u8>,
    /// Entries about this moment or later.
    pub from: Option<Timestamp>,
    /// Entries about a moment before this one.
    pub until: Option<Timestamp>,
}

impl Filter {
    pub fn keeps(&self, entry: &SharedEntry) -> bool {
        let prompt = match self.prompt {
            PromptFilter::Any => true,
            PromptFilter::NoPrompt => entry.prompt.is_none(),
            PromptFilter::Prompt(id) => entry.prompt == Some(id),
        };
        prompt
            && self
                .tag
                .as_ref()
                .is_none_or(|t| entry.tags.iter().any(|e| e == t))
            && self.mood.is_none_or(|m| entry.mood.get() == m)
            && self.from.is_none_or(|f| entry.at >= f)
            && self.until.is_none_or(|u| entry.at < u)
    }
}

/// The entries the filter keeps, newest first.
pub fn filtered<'a>(entries: &'a [SharedEntry], filter: &Filter) -> Vec<&'a SharedEntry> {
    let mut kept: Vec<&SharedEntry> = entries.iter().filter(|e| filter.keeps(e)).collect();
    kept.sort_by(|a, b| b.at.cmp(&a.at).then(a.id.cmp(&b.id)));
    kept
}

/// Every tag on any entry, once each, in alphabetical order ignoring case.
pub fn tags_present(entries: &[SharedEntry]) -> Vec<String> {
    let set: BTreeSet<&str> = entries
        .iter()
        .flat_map(|e| e.tags.iter().map(String::as_str))
        .filter(|t| !t.trim().is_empty())
        .collect();
    let mut tags: Vec<String> = set.into_iter().map(str::to_owned).collect();
    tags.sort_by_key(|t| t.to_lowercase());
    tags
}

/// What an entry that answers the prompt `id` answers.
pub fn answers(prompts: &[Prompt], id: Option<PromptId>) -> Answers {
    match id {
        None => Answers::Nothing,
        Some(id) => prompts
            .iter()
            .find(|p| p.id == id)
            .map_or(Answers::Removed, |p| Answers::Prompt(p.text.clone())),
    }
}

/// The prompt's text as exported, [`REMOVED_PROMPT`] for a prompt that is gone, `None`
/// for no prompt.
pub fn prompt_text(prompts: &[Prompt], id: Option<PromptId>) -> Option<String> {
    match answers(prompts, id) {
        Answers::Prompt(text) => Some(text),
        Answers::Removed => Some(REMOVED_PROMPT.to_owned()),
        Answers::Nothing => None,
    }
}

/// Entries per prompt: every prompt in the project's order (with zeros), then the
/// entries that answer removed prompts, then those with no prompt (each only if any).
pub fn counts_by_prompt(prompts: &[Prompt], entries: &[&SharedEntry]) -> Vec<(Answers, usize)> {
    let count = |pick: &dyn Fn(&SharedEntry) -> bool| entries.iter().filter(|e| pick(e)).count();
    let mut rows: Vec<(Answers, usize)> = prompts
        .iter()
        .map(|p| {
            (
                Answers::Prompt(p.text.clone()),
                count(&|e| e.prompt == Some(p.id)),
            )
        })
        .collect();
    let removed = count(&|e| {
        e.prompt
            .is_some_and(|id| prompts.iter().all(|p| p.id != id))
    });
    if removed > 0 {
        rows.push((Answers::Removed, removed));
    }
    let none = count(&|e| e.prompt.is_none());
    if none > 0 {
        rows.push((Answers::Nothing, none));
    }
    rows
}

/// The mood of one ISO week.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekMood {
    /// The ISO week's year and number: 2026, 48.
    pub year: i32,
    pub week: u32,
    /// The week's Monday.
    pub monday: NaiveDate,
    pub entries: usize,
    /// The average mood, 1.0 to 5.0.
    pub average: f64,
}

impl WeekMood {
    /// The average rounded to tenths, as whole and tenths: 3.46 is `(3, 5)`.
    pub fn average_tenths(&self) -> (u32, u32) {
        // The average is 1.0 to 5.0, so the rounded tenths fit.
        let tenths = (self.average * 10.0).round().max(0.0) as u32;
        (tenths / 10, tenths % 10)
    }
}

/// The average mood per ISO week, in the time zone `tz`, oldest week first; weeks with
/// no entries are left out.
pub fn weekly_mood<Tz: TimeZone>(entries: &[&SharedEntry], tz: &Tz) -> Vec<WeekMood> {
    let mut weeks: BTreeMap<(i32, u32), (usize, u32)> = BTreeMap::new();
    for entry in entries {
        let iso = entry.at.to_utc().with_timezone(tz).date_naive().iso_week();
        let row = weeks.entry((iso.year(), iso.week())).or_default();
        row.0 += 1;
        row.1 += u32::from(entry.mood.get());
    }
    weeks
        .into_iter()
        .filter_map(|((year, week), (n, sum))| {
            let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
            let n32 = u32::try_from(n).ok()?;
            Some(WeekMood {
                year,
                week,
                monday,
                entries: n,
                average: f64::from(sum) / f64::from(n32),
            })
        })
        .collect()
}

/// One entry as it is exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportEntry {
    /// Only with names: the staff id is stable, so with it anyone holding the staff
    /// document could put the names back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<EntryId>,
    /// When the entry is about, RFC 3339 in UTC.
    pub at: String,
    pub shared_at: String,
    pub mood: u8,
    pub tags: Vec<String>,
    pub prompt: Option<PromptId>,
    /// The prompt's text, or [`REMOVED_PROMPT`].
    pub prompt_text: Option<String>,
    /// "named" or "anonymous".
    pub sharing: &'static str,
    /// Only for named entries, and only when the export keeps names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_name: Option<String>,
    /// The analysis themes the entry is coded with.
    pub codes: Vec<String>,
    pub text: String,
}

fn utc(ts: Timestamp) -> String {
    ts.to_utc().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The entries as they are exported; with `names` false, no entry carries its author.
pub fn export_rows(
    entries: &[&SharedEntry],
    prompts: &[Prompt],
    codes: &BTreeMap<EntryId, BTreeSet<String>>,
    names: bool,
) -> Vec<ExportEntry> {
    entries
        .iter()
        .map(|e| {
            let named = names && e.sharing == Sharing::Named;
            ExportEntry {
                id: names.then_some(e.id),
                at: utc(e.at),
                shared_at: utc(e.shared_at),
                mood: e.mood.get(),
                tags: e.tags.clone(),
                prompt: e.prompt,
                prompt_text: prompt_text(prompts, e.prompt),
                sharing: match e.sharing {
                    Sharing::Named => "named",
                    Sharing::Anonymous => "anonymous",
                },
                author: e.author.filter(|_| named).map(|a| a.to_string()),
                author_name: e.author_name.clone().filter(|_| named),
                codes: codes
                    .get(&e.id)
                    .map(|c| c.iter().cloned().collect())
                    .unwrap_or_default(),
                text: e.text.clone(),
            }
        })
        .collect()
}

/// The rows as CSV, CRLF line ends. With `names` the file has the author columns; without,
/// it has none.
pub fn entries_csv(rows: &[ExportEntry], names: bool) -> String {
    let mut out = String::from(if names { "id," } else { "" });
    out.push_str("at,shared_at,mood,tags,prompt,sharing,");
    if names {
        out.push_str("author,author_name,");
    }
    out.push_str("codes,text\r\n");
    for row in rows {
        let mut cells: Vec<String> = row.id.iter().map(|id| id.to_string()).collect();
        cells.extend([
            row.at.clone(),
            row.shared_at.clone(),
            row.mood.to_string(),
            row.tags.join("; "),
            row.prompt_text.clone().unwrap_or_default(),
            row.sharing.to_owned(),
        ]);
        if names {
            cells.push(row.author.clone().unwrap_or_default());
            cells.push(row.author_name.clone().unwrap_or_default());
        }
        cells.push(row.codes.join("; "));
        cells.push(row.text.clone());
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The rows as JSON, a list of objects; the error is the serialiser's reason.
pub fn entries_json(rows: &[ExportEntry]) -> Result<String, String> {
    serde_json::to_string_pretty(rows).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;
    use kumppani_core::ids::MemberId;
    use kumppani_core::model::Mood;

    /// 2026-11-23 (a Monday) 12:00 UTC.
    const MONDAY: i64 = 1_795_435_200_000;
    const DAY: i64 = 86_400_000;

    fn prompt(n: u8, text: &str) -> Prompt {
        Prompt {
            id: PromptId::from_bytes([n; 16]),
            text: text.into(),
            opens_at: Timestamp(0),
            closes_at: None,
            updated_at: Timestamp(0),
            translations: Default::default(),
        }
    }

    fn entry(n: u8, mood: i64, at: i64) -> SharedEntry {
        SharedEntry {
            id: EntryId::from_bytes([n; 16]),
            text: format!("Entry {n}"),
            mood: Mood::new(mood).unwrap(),
            tags: Vec::new(),
            at: Timestamp(at),
            prompt: None,
            shared_at: Timestamp(at),
            updated_at: Timestamp(at),
            sharing: Sharing::Anonymous,
            author: None,
            author_name: None,
        }
    }

    fn named(n: u8, mood: i64, at: i64, name: &str) -> SharedEntry {
        SharedEntry {
            sharing: Sharing::Named,
            author: Some(MemberId::from_bytes([0xAB; 16])),
            author_name: Some(name.into()),
            ..entry(n, mood, at)
        }
    }

    fn texts(kept: &[&SharedEntry]) -> Vec<String> {
        kept.iter().map(|e| e.text.clone()).collect()
    }

    #[test]
    fn the_monday_constant_is_a_monday_at_noon() {
        let t = Timestamp(MONDAY).to_utc();
        assert_eq!(t.weekday(), Weekday::Mon);
        assert_eq!(t.format("%Y-%m-%d %H:%M").to_string(), "2026-11-23 12:00");
    }

    #[test]
    fn filtering_by_mood_keeps_only_that_mood_newest_first() {
        let entries = [
            entry(1, 2, MONDAY),
            entry(2, 4, MONDAY),
            entry(3, 2, MONDAY + DAY),
        ];
        let filter = Filter {
            mood: Some(2),
            ..Filter::default()
        };
        assert_eq!(texts(&filtered(&entries, &filter)), ["Entry 3", "Entry 1"]);
        assert_eq!(filtered(&entries, &Filter::default()).len(), 3);
    }

    #[test]
    fn filtering_by_prompt_tag_and_dates() {
        let mut a = entry(1, 3, MONDAY);
        a.prompt = Some(PromptId::from_bytes([1; 16]));
        a.tags = vec!["koulu".into(), "ystävät".into()];
        let mut b = entry(2, 3, MONDAY + DAY);
        b.tags = vec!["koulu".into()];
        let c = entry(3, 3, MONDAY + 3 * DAY);
        let entries = [a, b, c];

        let by_prompt = Filter {
            prompt: PromptFilter::Prompt(PromptId::from_bytes([1; 16])),
            ..Filter::default()
        };
        assert_eq!(texts(&filtered(&entries, &by_prompt)), ["Entry 1"]);
        let no_prompt = Filter {
            prompt: PromptFilter::NoPrompt,
            ..Filter::default()
        };
        assert_eq!(
            texts(&filtered(&entries, &no_prompt)),
            ["Entry 3", "Entry 2"]
        );
        let by_tag = Filter {
            tag: Some("koulu".into()),
            ..Filter::default()
        };
        assert_eq!(texts(&filtered(&entries, &by_tag)), ["Entry 2", "Entry 1"]);
        // From Tuesday up to (not including) Thursday noon.
        let dates = Filter {
            from: Some(Timestamp(MONDAY + DAY)),
            until: Some(Timestamp(MONDAY + 3 * DAY)),
            ..Filter::default()
        };
        assert_eq!(texts(&filtered(&entries, &dates)), ["Entry 2"]);
        assert_eq!(tags_present(&entries), ["koulu", "ystävät"]);
    }

    #[test]
    fn prompts_are_counted_with_zeros_removed_ones_and_none() {
        let prompts = [prompt(1, "Kuulluksi"), prompt(2, "Turvassa")];
        let mut a = entry(1, 3, MONDAY);
        a.prompt = Some(PromptId::from_bytes([2; 16]));
        let mut b = entry(2, 3, MONDAY);
        b.prompt = Some(PromptId::from_bytes([9; 16]));
        let c = entry(3, 3, MONDAY);
        let entries = [&a, &b, &c];
        assert_eq!(
            counts_by_prompt(&prompts, &entries),
            vec![
                (Answers::Prompt("Kuulluksi".to_owned()), 0),
                (Answers::Prompt("Turvassa".to_owned()), 1),
                (Answers::Removed, 1),
                (Answers::Nothing, 1),
            ]
        );
        assert_eq!(counts_by_prompt(&prompts, &[&c]).len(), 3);
        assert_eq!(
            prompt_text(&prompts, b.prompt).as_deref(),
            Some(REMOVED_PROMPT)
        );
        assert_eq!(prompt_text(&prompts, None), None);
        assert_eq!(answers(&prompts, b.prompt), Answers::Removed);
        assert_eq!(answers(&prompts, None), Answers::Nothing);
    }

    #[test]
    fn weekly_mood_averages_each_iso_week_oldest_first() {
        // Sunday before, the Monday and Sunday of week 48, and the Monday of week 49.
        let entries = [
            entry(1, 5, MONDAY + 6 * DAY),
            entry(2, 1, MONDAY - DAY),
            entry(3, 2, MONDAY),
            entry(4, 4, MONDAY + 7 * DAY),
            entry(5, 3, MONDAY + 7 * DAY),
        ];
        let refs: Vec<&SharedEntry> = entries.iter().collect();
        let weeks = weekly_mood(&refs, &Utc);
        let summary: Vec<(i32, u32, usize, f64)> = weeks
            .iter()
            .map(|w| (w.year, w.week, w.entries, w.average))
            .collect();
        assert_eq!(
            summary,
            vec![(2026, 47, 1, 1.0), (2026, 48, 2, 3.5), (2026, 49, 2, 3.5),]
        );
        assert_eq!(weeks[1].average_tenths(), (3, 5));
        assert_eq!(weeks[1].monday.to_string(), "2026-11-23");
        assert!(weekly_mood(&[], &Utc).is_empty());
    }

    #[test]
    fn an_export_without_names_holds_no_author_anywhere() {
        let entries = [named(1, 4, MONDAY, "Aino Virtanen"), entry(2, 2, MONDAY)];
        let refs: Vec<&SharedEntry> = entries.iter().collect();
        let author_id = MemberId::from_bytes([0xAB; 16]).to_string();
        let rows = export_rows(&refs, &[], &BTreeMap::new(), false);
        let csv = entries_csv(&rows, false);
        let json = entries_json(&rows).unwrap();
        for file in [&csv, &json] {
            assert!(!file.contains("Aino"), "{file}");
            assert!(!file.contains(&author_id), "{file}");
            assert!(!file.contains("author"), "{file}");
        }
        assert!(csv.contains("Entry 1") && json.contains("Entry 1"));
        assert!(json.contains("\"sharing\": \"named\""));
        // The stable staff id would let anyone with the staff document put names back.
        let staff_id = EntryId::from_bytes([1; 16]).to_string();
        assert!(!csv.contains(&staff_id) && !json.contains(&staff_id));
    }

    #[test]
    fn an_export_with_names_names_only_named_entries() {
        let entries = [named(1, 4, MONDAY, "Aino Virtanen"), entry(2, 2, MONDAY)];
        let refs: Vec<&SharedEntry> = entries.iter().collect();
        let rows = export_rows(&refs, &[], &BTreeMap::new(), true);
        assert_eq!(rows[0].author_name.as_deref(), Some("Aino Virtanen"));
        assert_eq!(rows[1].author_name, None);
        let csv = entries_csv(&rows, true);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "id,at,shared_at,mood,tags,prompt,sharing,author,author_name,codes,text"
        );
        assert!(lines[1].contains(",named,") && lines[1].contains("Aino Virtanen"));
        assert!(lines[2].contains(",anonymous,,,"));
        assert_eq!(csv.matches("Aino").count(), 1);
    }

    #[test]
    fn the_csv_defuses_formulas_and_carries_prompts_tags_and_codes() {
        let prompts = [prompt(1, "Mikä, tänään?")];
        let mut a = entry(1, 5, 0);
        a.text = "=HYPERLINK(\"x\")".into();
        a.tags = vec!["koulu".into(), "piha".into()];
        a.prompt = Some(PromptId::from_bytes([1; 16]));
        let codes = BTreeMap::from([(
            a.id,
            BTreeSet::from(["Turvallisuus".to_owned(), "Koulu".to_owned()]),
        )]);
        let rows = export_rows(&[&a], &prompts, &codes, false);
        let csv = entries_csv(&rows, false);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "at,shared_at,mood,tags,prompt,sharing,codes,text");
        let expected = "1970-01-01T00:00:00Z,1970-01-01T00:00:00Z,5,koulu; piha,\"Mikä, tänään?\",\
             anonymous,Koulu; Turvallisuus,\"'=HYPERLINK(\"\"x\"\")\"";
        assert_eq!(lines[1], expected);
        assert_eq!(lines[2], "");
    }

    #[test]
    fn averages_round_to_tenths() {
        let week = |average| WeekMood {
            year: 2026,
            week: 48,
            monday: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
            entries: 3,
            average,
        };
        assert_eq!(week(10.0 / 3.0).average_tenths(), (3, 3));
        assert_eq!(week(4.96).average_tenths(), (5, 0));
        assert_eq!(week(1.0).average_tenths(), (1, 0));
    }
}
