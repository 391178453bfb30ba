//! Dates as authors write them in front matter.
//!
//! Sites written for other tools keep their dates as those tools accept them: Jekyll's
//! `2015-11-17 16:16:01 -0600` (Ruby's `Time#to_s`), Hugo's `2015-11-17 16:16:01 -06:00`, and
//! fractional seconds wherever a time is written. They build as they are, so these are read
//! here rather than turned into errors the author would have to fix file by file.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};

/// A date as written in front matter, keeping whether a time of day was given so it is shown
/// the way the author wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateInfo {
    /// The moment, in the offset written or the site's.
    pub at: DateTime<FixedOffset>,
    /// Whether a time of day was written (`2024-04-07` has none).
    pub has_time: bool,
}

/// Accepts `2024-04-07`, `2024-04-07 15:04:49`, `2024-04-07 15:04`, `2024-04-07T15:04:49`, RFC
/// 3339, fractional seconds, and an offset after the time with or without its colon and with or
/// without a space before it (`-0600`, ` -06:00`, `Z`); dates without an offset are in the
/// site's timezone.
pub fn parse_date(s: &str, offset: FixedOffset) -> Option<DateInfo> {
    let s = s.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Some(DateInfo { at, has_time: true });
    }
    let (local, written) = split_offset(s);
    if let Some(naive) = date_time(local) {
        let at = written
            .unwrap_or(offset)
            .from_local_datetime(&naive)
            .single()?;
        return Some(DateInfo { at, has_time: true });
    }
    // A day alone has no time to take an offset.
    if written.is_some() {
        return None;
    }
    for fmt in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(day) = NaiveDate::parse_from_str(s, fmt) {
            let at = offset
                .from_local_datetime(&day.and_hms_opt(0, 0, 0)?)
                .single()?;
            return Some(DateInfo {
                at,
                has_time: false,
            });
        }
    }
    None
}

/// A date and time of day without an offset; seconds may have a fraction.
fn date_time(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y/%m/%d %H:%M:%S%.f",
    ]
    .iter()
    .find_map(|fmt| NaiveDateTime::parse_from_str(s, fmt).ok())
}

/// `s` without the offset written at its end, and that offset: `Z`, `+08:00`, `-0600`, `+08`,
/// after the time of day (a day's own `-` are not one), with or without a space before it.
fn split_offset(s: &str) -> (&str, Option<FixedOffset>) {
    // The time of day starts after the date's ten characters.
    let Some(time) = s.get(10..) else {
        return (s, None);
    };
    if let Some(local) = s.strip_suffix(['Z', 'z']) {
        return (local.trim_end(), FixedOffset::east_opt(0));
    }
    let Some(sign_at) = time.rfind(['+', '-']) else {
        return (s, None);
    };
    let sign = if time.as_bytes()[sign_at] == b'-' {
        -1
    } else {
        1
    };
    let digits = &time[sign_at + 1..];
    if !digits.bytes().all(|b| b.is_ascii_digit() || b == b':') {
        return (s, None);
    }
    let (hours, minutes) = match (digits.len(), digits.split_once(':')) {
        (5, Some((h, m))) if h.len() == 2 => (h, m),
        (4, None) => digits.split_at(2),
        (2, None) => (digits, "00"),
        _ => return (s, None),
    };
    let (Ok(h), Ok(m)) = (hours.parse::<i32>(), minutes.parse::<i32>()) else {
        return (s, None);
    };
    if h > 23 || m > 59 {
        return (s, None);
    }
    let local = s[..10 + sign_at].trim_end();
    (local, FixedOffset::east_opt(sign * (h * 3600 + m * 60)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cst() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    /// The moment, as RFC 3339, of a date that must be read.
    fn read(s: &str) -> String {
        parse_date(s, cst())
            .unwrap_or_else(|| panic!("`{s}` was not read"))
            .at
            .to_rfc3339()
    }

    #[test]
    fn jekyll_and_hugo_dates_with_their_offsets() {
        // Jekyll's own docs and `jekyll new` write this; Hugo's the same with a colon.
        assert_eq!(
            read("2015-11-17 16:16:01 -0600"),
            "2015-11-17T16:16:01-06:00"
        );
        assert_eq!(
            read("2015-11-17 16:16:01 -06:00"),
            "2015-11-17T16:16:01-06:00"
        );
        assert_eq!(
            read("2015-11-17 16:16:01-06:00"),
            "2015-11-17T16:16:01-06:00"
        );
        assert_eq!(
            read("2015-11-17T16:16:01-0600"),
            "2015-11-17T16:16:01-06:00"
        );
        assert_eq!(
            read("2015-11-17T16:16:01 +0530"),
            "2015-11-17T16:16:01+05:30"
        );
        assert_eq!(read("2015-11-17 16:16 +08"), "2015-11-17T16:16:00+08:00");
        assert_eq!(read("2015-11-17 16:16:01 Z"), "2015-11-17T16:16:01+00:00");
        assert!(
            parse_date("2015-11-17 16:16:01 -0600", cst())
                .unwrap()
                .has_time
        );
    }

    #[test]
    fn fractional_seconds() {
        assert_eq!(
            read("2024-01-01 10:00:00.5"),
            "2024-01-01T10:00:00.500+08:00"
        );
        assert_eq!(
            read("2024-01-01T10:00:00.123456"),
            "2024-01-01T10:00:00.123456+08:00"
        );
        assert_eq!(
            read("2024-01-01 10:00:00.25 -0600"),
            "2024-01-01T10:00:00.250-06:00"
        );
    }

    #[test]
    fn what_was_read_before_still_is() {
        assert_eq!(read("2024-04-07 15:04:49"), "2024-04-07T15:04:49+08:00");
        assert_eq!(read("2024-04-07 15:04"), "2024-04-07T15:04:00+08:00");
        assert_eq!(read("2024/04/07 15:04:49"), "2024-04-07T15:04:49+08:00");
        assert_eq!(read("2024-04-07T15:04:49Z"), "2024-04-07T15:04:49+00:00");
        let day = parse_date("2024-04-07", cst()).unwrap();
        assert!(!day.has_time);
        assert_eq!(day.at.to_rfc3339(), "2024-04-07T00:00:00+08:00");
    }

    #[test]
    fn garbage_is_still_no_date() {
        for s in [
            "April 7",
            "",
            "2024-04-07 -0600",
            "2024-13-01 10:00:00",
            "2024-01-01 25:00:00",
            "2024-01-01 10:00:00 -2500",
            "2024-01-01 10:00:00 -06:0",
            "2024-01-01 10:00:00 +06:000",
            "2024-01-01 10:00:00 -06:00 extra",
            "2024-01-01 10:00:00.",
            "2024-01-01 10:00:00 - 0600",
            "2024-01-01 10:00:00 --0600",
            "2024-01-01 10:00:00 UTC",
            "yesterday -0600",
            "2024-01-01 10:00:00 +٠٦٠٠",
            "2024-01-01 10:00:00 +1é1",
            "2024-01-01 10:00:00 +0:600",
        ] {
            assert!(parse_date(s, cst()).is_none(), "`{s}` was read");
        }
    }

    proptest::proptest! {
        /// Any text is read or refused without a panic, and what is read keeps its offset.
        #[test]
        fn any_text_is_read_or_refused(s in "\\PC{0,40}", day in "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])") {
            let _ = parse_date(&s, cst());
            let _ = parse_date(&format!("{day} {s}"), cst());
            let _ = parse_date(&format!("{day}T{s}"), cst());
        }

        #[test]
        fn every_written_offset_is_kept(
            day in "20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])",
            time in "([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]",
            sep in "[ T]",
            space in "( )?",
            sign in "[+-]",
            h in 0i32..24,
            m in 0i32..60,
            colon in proptest::bool::ANY,
        ) {
            let offset = if colon { format!("{h:02}:{m:02}") } else { format!("{h:02}{m:02}") };
            let s = format!("{day}{sep}{time}{space}{sign}{offset}");
            let d = parse_date(&s, cst());
            proptest::prop_assert!(d.is_some(), "{s}");
            let secs = if sign == "-" { -(h * 3600 + m * 60) } else { h * 3600 + m * 60 };
            proptest::prop_assert_eq!(d.unwrap().at.offset().local_minus_utc(), secs);
        }
    }
}
