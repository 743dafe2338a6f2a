//! Dates and times for people: the device's local time zone, short forms.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Timelike};
use kumppani_core::time::Timestamp;

pub fn local(ts: Timestamp) -> DateTime<Local> {
    ts.to_utc().with_timezone(&Local)
}

/// "14:32"
pub fn clock(ts: Timestamp) -> String {
    local(ts).format("%H:%M").to_string()
}

/// "27.11.2026 14:32"
pub fn date_time(ts: Timestamp) -> String {
    local(ts).format("%-d.%-m.%Y %H:%M").to_string()
}

/// "27.11.2026"
pub fn date(ts: Timestamp) -> String {
    local(ts).format("%-d.%-m.%Y").to_string()
}

/// "27.11.2026" at midnight, "27.11.2026 14:32" otherwise.
pub fn day_or_time(ts: Timestamp) -> String {
    let t = local(ts);
    if t.hour() == 0 && t.minute() == 0 {
        date(ts)
    } else {
        date_time(ts)
    }
}

/// The value of an `<input type="date">`: the local day of `ts`.
pub fn date_input_value(ts: Timestamp) -> String {
    local(ts).format("%Y-%m-%d").to_string()
}

/// Reads an `<input type="date">` value.
pub fn parse_date_input(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// The first moment of a day in the device's time zone.
pub fn day_start(day: NaiveDate) -> Option<Timestamp> {
    let local = Local
        .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
        .earliest()?;
    Some(Timestamp::from_utc(local.to_utc()))
}

/// The value of an `<input type="datetime-local">`.
pub fn input_value(ts: Timestamp) -> String {
    local(ts).format("%Y-%m-%dT%H:%M").to_string()
}

/// Reads an `<input type="datetime-local">` value in the device's time zone.
pub fn parse_input(value: &str) -> Option<Timestamp> {
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    let local = Local.from_local_datetime(&naive).earliest()?;
    Some(Timestamp::from_utc(local.to_utc()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_value_reads_back_to_the_same_minute() {
        let ts = Timestamp(1_795_000_000_000);
        let back = parse_input(&input_value(ts)).unwrap();
        assert_eq!(back.millis() / 60_000, ts.millis() / 60_000);
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
        assert_eq!(day_or_time(start), date(start));
    }
}
