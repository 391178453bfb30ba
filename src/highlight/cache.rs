//! Blocks already highlighted, for `serve`: a save rebuilds the page, and its unchanged code
//! blocks should not be highlighted again. Two generations keep it bounded across a day of
//! edits: a build reads both and keeps what it used in the newer one; the next build drops what
//! the one before did not use. A one-off `build` keeps nothing.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use super::Lines;

/// (grammar name, code) → its lines.
type Map = HashMap<(String, String), Lines>;

#[derive(Default)]
struct Generations {
    current: Map,
    previous: Map,
}

static ON: AtomicBool = AtomicBool::new(false);
static CACHE: Mutex<Option<Generations>> = Mutex::new(None);

/// Turns the cache on (`serve`) or off, dropping what it held.
pub fn keep_cache(on: bool) {
    ON.store(on, Ordering::SeqCst);
    if let Ok(mut c) = CACHE.lock() {
        *c = on.then(Generations::default);
    }
}

/// Called before each build: what the build before last did not use is dropped.
pub fn next_generation() {
    if let Some(g) = CACHE.lock().ok().as_mut().and_then(|c| c.as_mut()) {
        g.previous = std::mem::take(&mut g.current);
    }
}

pub(super) fn get(grammar: &str, code: &str) -> Option<Lines> {
    if !ON.load(Ordering::Relaxed) {
        return None;
    }
    let mut c = CACHE.lock().ok()?;
    let g = c.as_mut()?;
    let key = (grammar.to_owned(), code.to_owned());
    if let Some(l) = g.current.get(&key) {
        return Some(l.clone());
    }
    let l = g.previous.remove(&key)?;
    g.current.insert(key, l.clone());
    Some(l)
}

pub(super) fn put(grammar: &str, code: &str, lines: Lines) {
    if !ON.load(Ordering::Relaxed) {
        return;
    }
    if let Some(g) = CACHE.lock().ok().as_mut().and_then(|c| c.as_mut()) {
        g.current
            .insert((grammar.to_owned(), code.to_owned()), lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One test, as the cache is one for the process.
    #[test]
    fn two_generations() {
        keep_cache(true);
        put("JavaScript", "a", vec!["A".to_owned()].into());
        next_generation();
        assert!(
            get("JavaScript", "a").is_some(),
            "used by the last build: kept"
        );
        next_generation();
        next_generation();
        assert!(
            get("JavaScript", "a").is_none(),
            "unused for a build: dropped"
        );
        keep_cache(false);
        put("JavaScript", "b", vec!["B".to_owned()].into());
        assert!(get("JavaScript", "b").is_none());
    }
}
