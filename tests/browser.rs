//! Runs the headless-Chromium tests in tests/browser/ (node's test runner + playwright-core with
//! Debian's chromium) against the binary cargo just built.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn browser_tests() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        std::path::Path::new(&chromium).exists(),
        "the browser tests need Chromium at {chromium}: `apt-get install chromium` (or set CHROMIUM)"
    );
    let installed = ["playwright-core", "axe-core"]
        .iter()
        .all(|m| dir.join("node_modules").join(m).exists());
    if !installed {
        let npm = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .status()
            .expect("npm is needed for the browser tests");
        assert!(npm.success(), "npm ci failed in tests/browser");
    }
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        .collect();
    files.sort();
    let out = Command::new("node")
        .arg("--test")
        .args(&files)
        .current_dir(&dir)
        .env("HELPCENTER_BIN", env!("CARGO_BIN_EXE_helpcenter"))
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node is needed for the browser tests");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{report}");
    assert!(out.status.success(), "browser tests failed:\n{report}");
    assert!(report.contains("# pass"), "no browser test ran:\n{report}");
}
