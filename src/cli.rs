//! The command line: argument parsing, running a command, printing its report, exit codes
//! (0 success, 1 content/template/link error, 2 usage — clap's own code for bad arguments).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::error::{Diagnostics, articles, display_path, elog, log, print_diagnostics, shell_word};
use crate::pipeline::{self, BuildOptions};

/// The parsed command line.
#[derive(Parser, Debug)]
#[command(name = "helpcenter", version, about = "Build a searchable static help center from Markdown", long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into a folder of plain HTML (public/ by default)
    Build {
        /// The site folder (holding helpcenter.yaml and content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site; replaced as a whole once the build has succeeded
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Overrides base_url from the config (used for canonical URLs, sitemap and feed); "" unsets it
        #[arg(long)]
        base_url: Option<String>,
        /// Include articles marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Print how long each stage of the build took
        #[arg(long)]
        timings: bool,
        /// Replace the output folder even when it is not an earlier helpcenter output
        /// (everything in it is deleted)
        #[arg(long)]
        force: bool,
    },
    /// Build the site in memory and serve it for preview, rebuilding and reloading on every change
    Serve {
        /// The site folder (holding helpcenter.yaml and content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on; only this machine can connect unless told otherwise
        #[arg(long, default_value = "127.0.0.1")]
        interface: std::net::IpAddr,
        /// The port (the next free one is taken, saying so, when it is in use)
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Include articles marked `draft: true`
        #[arg(long)]
        drafts: bool,
        /// Open the site in the default browser
        #[arg(long)]
        open: bool,
    },
    /// Run every check of a build (front matter, links, anchors, templates) without writing
    Check {
        /// The site folder (holding helpcenter.yaml and content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Check drafts too
        #[arg(long)]
        drafts: bool,
    },
    /// Create a new site with a config, one section and one article
    Init {
        /// The folder to create (must be empty or not exist)
        dir: PathBuf,
        /// The site's language: zh-CN (default) or en
        #[arg(long, default_value = "zh-CN", value_parser = language_tag)]
        language: String,
    },
}

/// Runs the parsed command and returns the process exit code.
pub fn run(cli: Cli) -> i32 {
    crate::error::install_panic_hook();
    pipeline::init_threads();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            timings,
            force,
        } => {
            let chosen = output.is_some();
            let out = output.unwrap_or_else(|| root.join("public"));
            build(&root, &out, base_url, drafts, timings, force, chosen)
        }
        Command::Check { root, drafts } => check(&root, drafts),
        Command::Serve {
            root,
            interface,
            port,
            drafts,
            open,
        } => crate::serve::run(crate::serve::ServeOptions {
            root,
            interface,
            port,
            drafts,
            open,
        }),
        Command::Init { dir, language } => match crate::init::create(&dir, &language) {
            Ok(()) => {
                log!("Created a new help center in {}", display_path(&dir));
                log!(
                    "Next: helpcenter serve --root {}",
                    shell_word(&display_path(&dir))
                );
                0
            }
            // Not a build: the message alone, without the build's closing count.
            Err(d) => {
                print_diagnostics(&[d]);
                1
            }
        },
    }
}

/// `--language` goes into the new config as it is, so it must be a language tag (BCP 47:
/// letters, digits and `-`), never text that could be YAML of its own.
fn language_tag(s: &str) -> Result<String, String> {
    if crate::config::is_language_tag(s) {
        Ok(s.to_owned())
    } else {
        Err("a language tag such as zh-CN, en or pt-BR (letters, digits and `-`)".to_owned())
    }
}

fn build(
    root: &Path,
    out: &Path,
    base_url: Option<String>,
    drafts: bool,
    timings: bool,
    force: bool,
    chosen: bool,
) -> i32 {
    let start = Instant::now();
    let target = match crate::output::prepare(root, out, force, chosen) {
        Ok(t) => t,
        Err(d) => return report(&Diagnostics::from(d)),
    };
    let opts = BuildOptions {
        root: root.to_path_buf(),
        drafts,
        base_url,
        incremental: false,
    };
    let built = match guarded_build(&opts) {
        Ok(b) => b,
        Err(diags) => {
            let code = report(&diags);
            if out.exists() {
                elog!(
                    "The previous output in {} was left untouched.",
                    display_path(out)
                );
            }
            return code;
        }
    };
    print_diagnostics(&built.warnings);
    let write_start = Instant::now();
    match crate::output::write_atomic(&target, &built.files, force) {
        Err(d) => return report(&Diagnostics::from(d)),
        Ok(left) => print_diagnostics(left.as_slice()),
    }
    if timings {
        for (stage, t) in built
            .timings
            .iter()
            .chain([&("write", write_start.elapsed())])
        {
            elog!("{stage:>20}: {:>8.1} ms", t.as_secs_f64() * 1000.0);
        }
    }
    let bytes: usize = built.files.iter().map(|f| f.bytes.len()).sum();
    log!(
        "Built {} pages ({}, {} files, {}) into {} in {} ms{}",
        built.pages,
        articles(built.site.articles.len()),
        built.files.len(),
        human_size(bytes),
        display_path(out),
        start.elapsed().as_millis(),
        crate::error::links_left(&built.warnings)
    );
    0
}

fn check(root: &Path, drafts: bool) -> i32 {
    let start = Instant::now();
    let opts = BuildOptions {
        root: root.to_path_buf(),
        drafts,
        base_url: None,
        incremental: false,
    };
    match guarded_build(&opts) {
        Ok(b) => {
            print_diagnostics(&b.warnings);
            log!(
                "Checked {} pages ({}): no errors, {} ms{}",
                b.pages,
                articles(b.site.articles.len()),
                start.elapsed().as_millis(),
                crate::error::links_left(&b.warnings)
            );
            0
        }
        Err(d) => report_as(&d, "Check"),
    }
}

/// The build, with a panic anywhere in it (a bug) reported as an error, not a crash.
fn guarded_build(opts: &BuildOptions) -> Result<pipeline::Built, Diagnostics> {
    crate::error::guard(&opts.root, || pipeline::build(opts)).unwrap_or_else(|d| Err(d.into()))
}

/// Prints every diagnostic and a closing count; returns 1 if any is an error.
fn report(diags: &Diagnostics) -> i32 {
    report_as(diags, "Build")
}

/// The same, for the command `what`.
fn report_as(diags: &Diagnostics, what: &str) -> i32 {
    let text = diags.report_as(what);
    if diags.has_errors() {
        elog!("{text}");
        1
    } else {
        let _ = write!(std::io::stderr(), "{text}");
        0
    }
}

fn human_size(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
    } else {
        format!("{:.0} KB", (bytes as f64 / 1024.0).ceil())
    }
}
