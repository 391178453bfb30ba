//! FNV-1a, below every stage: a small, stable, dependency-free hash for content fingerprints
//! (cache-busting asset URLs) and for keying terms without allocating them.

/// The 64-bit FNV-1a hash of `bytes`. Stable across runs and platforms, so outputs that carry it
/// stay byte-for-byte reproducible.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        assert_eq!(super::fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(super::fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
    }
}
