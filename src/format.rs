//! Dates and times for people: in the project's time zone ([`zone`]), whatever the device's,
//! so everyone in a project sees the same clock and a date typed in a form reads back the
//! same; written the way the page's language writes them.
//!
//! | language | [`date_time`]            | [`clock`] | [`at_clock`] | [`date`]     |
//! |----------|--------------------------|-----------|--------------|--------------|
//! | Finnish  | `27.11.2026 klo 14.32`   | `14.32`   | `klo 14.32`  | `27.11.2026` |
//! | Swedish  | `27.11.2026 kl. 14.32`   | `14.32`   | `kl. 14.32`  | `27.11.2026` |
//! | English  | `27.11.2026 14:32`       | `14:32`   | `14:32`      | `27.11.2026` |
//!
//! [`clock`] is the bare time because the messages it goes into already say "klo"/"kl."
//! ("Synkronoitu klo { $time }") or follow a [`date_time`] ("… klo 18.00–20.00").
//!
//! The language is [`crate::i18n::current`]: the page's language, also in event handlers
//! and outside the views. Input values (`<input type="date">`, `datetime-local`) are the
//! same in every language.

use crate::i18n::Lang;
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Timelike};
use chrono_tz::Tz;
use kumppani_core::time::Timestamp;

/// The time zone that times are shown and entered in: Europe/Helsinki for now, later the
/// project's own setting. A zone added here must also match `CHRONO_TZ_TIMEZONE_FILTER` in
/// `.cargo/config.toml`, which keeps every other zone out of the wasm.
pub fn zone() -> Tz {
    chrono_tz::Europe::Helsinki
}

/// `ts` on the clock of [`zone`].
pub fn local(ts: Timestamp) -> DateTime<Tz> {
    ts.to_utc().with_timezone(&zone())
}

fn lang() -> Lang {
    crate::i18n::current()
}

/// The time of day without a word: "14.32" (Finnish, Swedish), "14:32" (English).
fn clock_in(lang: Lang, ts: Timestamp) -> String {
    let pattern = match lang {
        Lang::Fi | Lang::Sv => "%-H.%M",
        Lang::En => "%H:%M",
    };
    local(ts).format(pattern).to_string()
}

/// The time of day on its own: "klo 14.32", "kl. 14.32", "14:32".
fn at_clock_in(lang: Lang, ts: Timestamp) -> String {
    match lang {
        Lang::Fi => format!("klo {}", clock_in(lang, ts)),
        Lang::Sv => format!("kl. {}", clock_in(lang, ts)),
        Lang::En => clock_in(lang, ts),
    }
}

fn date_time_in(lang: Lang, ts: Timestamp) -> String {
    format!("{} {}", date(ts), at_clock_in(lang, ts))
}

fn day_or_time_in(lang: Lang, ts: Timestamp) -> String {
    let t = local(ts);
    if t.hour() == 0 && t.minute() == 0 {
        date(ts)
    } else {
        date_time_in(lang, ts)
    }
}

/// "14.32" (Finnish, Swedish), "14:32" (English): for messages that say "klo" themselves
/// and for the end of a range after [`date_time`].
pub fn clock(ts: Timestamp) -> String {
    clock_in(lang(), ts)
}

/// "klo 14.32", "kl. 14.32", "14:32": a time of day standing on its own.
pub fn at_clock(ts: Timestamp) -> String {
    at_clock_in(lang(), ts)
}

/// "27.11.2026 klo 14.32", "27.11.2026 kl. 14.32", "27.11.2026 14:32"
pub fn date_time(ts: Timestamp) -> String {
    date_time_in(lang(), ts)
}

/// "27.11.2026" in every language.
pub fn date(ts: Timestamp) -> String {
    local(ts).format("%-d.%-m.%Y").to_string()
}

/// [`date`] at midnight, [`date_time`] otherwise.
pub fn day_or_time(ts: Timestamp) -> String {
    day_or_time_in(lang(), ts)
}

/// The value of an `<input type="date">`: the day of `ts` in [`zone`].
pub fn date_input_value(ts: Timestamp) -> String {
    local(ts).format("%Y-%m-%d").to_string()
}

/// Reads an `<input type="date">` value.
pub fn parse_date_input(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// The moment a wall-clock time of [`zone`] means. A time that the clocks skip in spring
/// means the same time after the jump (03.30 is 04.30 summer time); one that comes twice in
/// autumn means its first coming. Browsers read such times the same way.
fn from_wall_clock(naive: NaiveDateTime) -> Option<Timestamp> {
    let at = match zone().from_local_datetime(&naive) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => t,
        LocalResult::None => zone()
            .from_local_datetime(&(naive + Duration::hours(1)))
            .earliest()?,
    };
    Some(Timestamp::from_utc(at.to_utc()))
}

/// The first moment of a day in [`zone`].
pub fn day_start(day: NaiveDate) -> Option<Timestamp> {
    from_wall_clock(day.and_hms_opt(0, 0, 0)?)
}

/// The value of an `<input type="datetime-local">`, on the clock of [`zone`].
pub fn input_value(ts: Timestamp) -> String {
    local(ts).format("%Y-%m-%dT%H:%M").to_string()
}

/// Reads an `<input type="datetime-local">` value on the clock of [`zone`].
pub fn parse_input(value: &str) -> Option<Timestamp> {
    let value = value.trim();
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    from_wall_clock(naive)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    const MINUTE: i64 = 60_000;
    const HOUR: i64 = 60 * MINUTE;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Timestamp {
        Timestamp::from_utc(Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap())
    }

    /// "2026-03-28 21:30" in UTC.
    fn utc_text(text: &str) -> Timestamp {
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap();
        Timestamp::from_utc(naive.and_utc())
    }

    #[test]
    fn winter_is_two_hours_and_summer_three_ahead_of_utc_whatever_the_device() {
        // 27.11.2026: Eastern European Time, UTC+2.
        let winter = utc(2026, 11, 27, 12, 32);
        assert_eq!(input_value(winter), "2026-11-27T14:32");
        assert_eq!(date_time_in(Lang::En, winter), "27.11.2026 14:32");
        // 15.7.2026: summer time, UTC+3; late in the UTC evening is already the next day.
        let summer = utc(2026, 7, 15, 21, 5);
        assert_eq!(input_value(summer), "2026-07-16T00:05");
        assert_eq!(date(summer), "16.7.2026");
        assert_eq!(clock_in(Lang::En, summer), "00:05");
        assert_eq!(clock_in(Lang::Fi, summer), "0.05");
    }

    #[test]
    fn each_language_writes_dates_and_times_its_own_way() {
        let ts = utc(2026, 11, 27, 12, 32);
        assert_eq!(date_time_in(Lang::Fi, ts), "27.11.2026 klo 14.32");
        assert_eq!(date_time_in(Lang::Sv, ts), "27.11.2026 kl. 14.32");
        assert_eq!(date_time_in(Lang::En, ts), "27.11.2026 14:32");
        assert_eq!(at_clock_in(Lang::Fi, ts), "klo 14.32");
        assert_eq!(at_clock_in(Lang::Sv, ts), "kl. 14.32");
        assert_eq!(at_clock_in(Lang::En, ts), "14:32");
        assert_eq!(clock_in(Lang::Fi, ts), "14.32");
        assert_eq!(clock_in(Lang::Sv, ts), "14.32");
        assert_eq!(clock_in(Lang::En, ts), "14:32");
        assert_eq!(date(ts), "27.11.2026");
        // The hour has no leading zero in Finnish and Swedish; English stays as it was.
        let morning = utc(2026, 11, 27, 7, 5);
        assert_eq!(date_time_in(Lang::Fi, morning), "27.11.2026 klo 9.05");
        assert_eq!(at_clock_in(Lang::Sv, morning), "kl. 9.05");
        assert_eq!(date_time_in(Lang::En, morning), "27.11.2026 09:05");
    }

    #[test]
    fn the_format_functions_follow_the_page_language() {
        let ts = utc(2026, 11, 27, 12, 32);
        for l in Lang::ALL {
            crate::i18n::set_current(l);
            assert_eq!(date_time(ts), date_time_in(l, ts));
            assert_eq!(clock(ts), clock_in(l, ts));
            assert_eq!(at_clock(ts), at_clock_in(l, ts));
            assert_eq!(day_or_time(ts), day_or_time_in(l, ts));
        }
    }

    #[test]
    fn an_input_value_reads_back_to_the_same_minute() {
        let ts = Timestamp(1_795_000_000_000);
        let back = parse_input(&input_value(ts)).unwrap();
        assert_eq!(back.millis() / MINUTE, ts.millis() / MINUTE);
    }

    #[test]
    fn an_input_value_reads_back_to_the_same_minute_across_the_clock_changes() {
        // Spring: 29.3.2026 at 03.00 the clocks jump to 04.00 (01:00 UTC).
        let spring = utc(2026, 3, 28, 20, 0);
        for m in (0..8 * 60).step_by(10) {
            let ts = Timestamp(spring.millis() + m * MINUTE);
            assert_eq!(
                parse_input(&input_value(ts)),
                Some(ts),
                "{}",
                input_value(ts)
            );
        }
        assert_eq!(input_value(utc(2026, 3, 29, 0, 59)), "2026-03-29T02:59");
        assert_eq!(input_value(utc(2026, 3, 29, 1, 0)), "2026-03-29T04:00");
        // A time the clocks skip means the same time an hour on.
        assert_eq!(
            parse_input("2026-03-29T03:30"),
            parse_input("2026-03-29T04:30")
        );

        // Autumn: 25.10.2026 at 04.00 summer time (01:00 UTC) the clocks go back to 03.00.
        let autumn = utc(2026, 10, 24, 20, 0);
        let repeated = utc(2026, 10, 25, 1, 0).millis()..utc(2026, 10, 25, 2, 0).millis();
        for m in (0..8 * 60).step_by(10) {
            let ts = Timestamp(autumn.millis() + m * MINUTE);
            let back = parse_input(&input_value(ts)).unwrap();
            if repeated.contains(&ts.millis()) {
                // The second 03.xx has no value of its own; it reads as the first.
                assert_eq!(back.millis(), ts.millis() - HOUR);
            } else {
                assert_eq!(back, ts, "{}", input_value(ts));
            }
        }
        assert_eq!(input_value(utc(2026, 10, 25, 0, 30)), "2026-10-25T03:30");
        assert_eq!(input_value(utc(2026, 10, 25, 1, 30)), "2026-10-25T03:30");
    }

    #[test]
    fn a_date_input_reads_back_to_the_same_day_across_the_clock_changes() {
        // (a moment in UTC, its day in Helsinki, the start of that day in UTC)
        for (ts, day, start) in [
            // Last winter day, first summer day, last summer day, first winter day.
            ("2026-03-28 21:30", "2026-03-28", "2026-03-27 22:00"),
            ("2026-03-28 22:30", "2026-03-29", "2026-03-28 22:00"),
            ("2026-03-29 20:30", "2026-03-29", "2026-03-28 22:00"),
            ("2026-03-29 21:30", "2026-03-30", "2026-03-29 21:00"),
            ("2026-10-24 20:30", "2026-10-24", "2026-10-23 21:00"),
            ("2026-10-24 21:30", "2026-10-25", "2026-10-24 21:00"),
            ("2026-10-25 21:30", "2026-10-25", "2026-10-24 21:00"),
            ("2026-10-25 22:30", "2026-10-26", "2026-10-25 22:00"),
        ] {
            let (ts, start) = (utc_text(ts), utc_text(start));
            assert_eq!(date_input_value(ts), day);
            let parsed = day_start(parse_date_input(day).unwrap()).unwrap();
            assert_eq!(parsed, start, "{day}");
            assert_eq!(date_input_value(parsed), day);
            assert!(parsed <= ts && ts.millis() - parsed.millis() < 25 * HOUR);
        }
    }

    #[test]
    fn nonsense_is_not_a_date() {
        assert_eq!(parse_input("eilen"), None);
        assert_eq!(parse_date_input("eilen"), None);
    }

    #[test]
    fn a_date_input_reads_back_to_the_start_of_its_day() {
        let ts = Timestamp(1_795_000_000_000);
        let day = parse_date_input(&date_input_value(ts)).unwrap();
        let start = day_start(day).unwrap();
        assert!(start <= ts && ts.millis() - start.millis() < 86_400_000);
        for l in Lang::ALL {
            assert_eq!(day_or_time_in(l, start), date(start));
            assert_ne!(day_or_time_in(l, ts), date(ts));
        }
    }
}
