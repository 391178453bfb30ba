//! Byte ranges (`Range: bytes=…`): a browser asks for part of a video or audio file to seek in
//! it, and without a `206` answer Chromium cannot seek at all, so a screencast in an article
//! would play only from the start in the preview while it seeks on the static host.
//!
//! One range is answered; a request for several gets the whole file, which the standard allows
//! and which spares a `multipart/byteranges` body nobody here needs. A header that does not
//! parse is ignored the same way, as RFC 9110 §14.2 asks.

use std::ops::Range;

/// What to send of a file of a given length.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Part {
    /// No usable `Range`: the whole file, `200`.
    Whole,
    /// These bytes, `206`.
    Bytes(Range<usize>),
    /// The range starts past the end: `416`.
    Unsatisfiable,
}

/// The part of a file of `len` bytes that `header` (the `Range` value, if any) asks for.
pub(super) fn requested(header: Option<&str>, len: usize) -> Part {
    let Some(value) = header else {
        return Part::Whole;
    };
    let Some((unit, spec)) = value.trim().split_once('=') else {
        return Part::Whole;
    };
    if !unit.trim().eq_ignore_ascii_case("bytes") || spec.contains(',') {
        return Part::Whole;
    }
    let Some((first, last)) = spec.trim().split_once('-') else {
        return Part::Whole;
    };
    let (first, last) = (first.trim(), last.trim());
    match (number(first), number(last)) {
        // `bytes=-500`: the last 500 bytes.
        (None, Some(n)) if first.is_empty() => {
            if n == 0 || len == 0 {
                Part::Unsatisfiable
            } else {
                Part::Bytes(len.saturating_sub(n)..len)
            }
        }
        // `bytes=500-`: from byte 500 to the end.
        (Some(start), None) if last.is_empty() => from(start, len, len),
        // `bytes=500-999`, the end clamped to the file.
        (Some(start), Some(end)) if start <= end => from(start, end.saturating_add(1), len),
        _ => Part::Whole,
    }
}

fn from(start: usize, end: usize, len: usize) -> Part {
    if start >= len {
        Part::Unsatisfiable
    } else {
        Part::Bytes(start..end.min(len))
    }
}

/// Digits only; a number too large for memory stands for "past any file".
fn number(s: &str) -> Option<usize> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(s.parse().unwrap_or(usize::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_a_browser_sends() {
        assert_eq!(requested(None, 10), Part::Whole);
        assert_eq!(requested(Some("bytes=0-"), 10), Part::Bytes(0..10));
        assert_eq!(requested(Some("bytes=2-4"), 10), Part::Bytes(2..5));
        assert_eq!(requested(Some("bytes=8-100"), 10), Part::Bytes(8..10));
        assert_eq!(requested(Some("bytes=-3"), 10), Part::Bytes(7..10));
        assert_eq!(requested(Some("bytes=-30"), 10), Part::Bytes(0..10));
        assert_eq!(requested(Some(" Bytes = 1 - 1 "), 10), Part::Bytes(1..2));
        assert_eq!(
            requested(Some("bytes=0-99999999999999999999999"), 10),
            Part::Bytes(0..10)
        );
    }

    #[test]
    fn past_the_end_is_unsatisfiable() {
        assert_eq!(requested(Some("bytes=10-"), 10), Part::Unsatisfiable);
        assert_eq!(requested(Some("bytes=10-20"), 10), Part::Unsatisfiable);
        assert_eq!(requested(Some("bytes=-0"), 10), Part::Unsatisfiable);
        assert_eq!(requested(Some("bytes=0-"), 0), Part::Unsatisfiable);
        assert_eq!(
            requested(Some("bytes=99999999999999999999999-"), 10),
            Part::Unsatisfiable
        );
    }

    #[test]
    fn what_does_not_parse_or_asks_several_gets_the_whole_file() {
        for header in [
            "bytes=0-1,3-4",
            "bytes=5-2",
            "bytes=-",
            "bytes=a-b",
            "bytes=+1-2",
            "items=0-1",
            "bytes 0-1",
            "",
        ] {
            assert_eq!(requested(Some(header), 10), Part::Whole, "{header}");
        }
    }
}
