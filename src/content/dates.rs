//! Dates as authors write them in front matter.

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

/// Accepts `2024-04-07`, `2024-04-07 15:04:49`, `2024-04-07 15:04`, `2024-04-07T15:04:49` and RFC
/// 3339; dates without an offset are in the site's timezone.
pub fn parse_date(s: &str, offset: FixedOffset) -> Option<DateInfo> {
    let s = s.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(s) {
        return Some(DateInfo { at, has_time: true });
    }
    for fmt in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(s, fmt) {
            let at = offset.from_local_datetime(&naive).single()?;
            return Some(DateInfo { at, has_time: true });
        }
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
