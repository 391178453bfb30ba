//! A fuzzer for the grammars' C code, which no `catch_unwind` protects: a scanner that reads out
//! of bounds kills the build or the preview server, and one that loops hangs it (the bash
//! scanner once crashed on `{` and U+E0144). Not part of the test suite; run it after updating
//! the grammars:
//!
//! ```text
//! HC_FUZZ_COUNT=20000 HC_FUZZ_CORPUS=../shared/corpora \
//!   cargo test --release --lib highlight::fuzz::every_grammar -- --ignored --nocapture
//! ```
//!
//! Each grammar runs in a child process (this test binary again), which announces every input
//! before parsing it; when the child dies or stops announcing, the parent makes the same input
//! again from its number and writes it to `target/highlight-fuzz/`. Inputs are real code (a
//! snippet per grammar, and the fenced blocks of `HC_FUZZ_CORPUS`'s Markdown) mutated with what
//! careless editors and odd text bring: any code point, deep nesting, cut and spliced blocks.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Every grammar `grammar()` can name.
const GRAMMARS: &[&str] = &[
    "bash",
    "javascript",
    "typescript",
    "tsx",
    "vue",
    "html",
    "json",
    "yaml",
    "toml",
    "ini",
    "xml",
    "sql",
    "diff",
    "dockerfile",
    "nginx",
    "go",
    "rust",
    "python",
    "java",
    "c",
    "cpp",
    "c-sharp",
    "kotlin",
    "swift",
    "php",
    "ruby",
    "lua",
    "css",
    "scss",
    "graphql",
    "proto",
    "hcl",
    "dot",
    "markdown",
    "powershell",
];

/// A snippet per grammar, so that every grammar has something real to mutate without a corpus;
/// the ones that embed others (HTML, Vue, PHP, Markdown) embed them.
fn snippets() -> BTreeMap<&'static str, Vec<String>> {
    let pairs: &[(&str, &str)] = &[
        (
            "bash",
            "#!/bin/bash\nfor f in \"$@\"; do\n  echo \"${f%.md}\" | sed -e 's/a/b/' > /dev/null 2>&1 &\ndone\ncat <<EOF\n$HOME {a,b}\nEOF\n[[ -n $x ]] && (( i++ ))\n",
        ),
        (
            "javascript",
            "/** @param {string} a */\nexport async function f(a = `x${1 + 2}`) {\n  const re = /[a-z]+/giu;\n  return { ...a, [b]: await g?.(c) ?? 0 };\n}\nclass A extends B { #p = 1; static { } }\n",
        ),
        (
            "typescript",
            "interface A<T extends keyof B> { readonly x?: T[]; }\ntype U = `a${string}` | never;\nenum E { A = 1 }\nfunction f<T>(x: T): asserts x is string {}\n@dec() class C implements A<number> {}\n",
        ),
        (
            "tsx",
            "const App = ({ a }: Props) => <div className=\"x\" onClick={() => f(a)}>{a && <b>{`t`}</b>}</div>;\n",
        ),
        (
            "vue",
            "<template>\n  <div v-if=\"ok\" :class=\"{ a: b }\" @click=\"go(1)\">{{ msg }}</div>\n</template>\n<script setup lang=\"ts\">\nconst msg = ref<string>('hi')\n</script>\n<style scoped>\n.a { color: red }\n</style>\n",
        ),
        (
            "html",
            "<!DOCTYPE html>\n<html lang=\"zh\"><head><style>p{margin:0}</style><script>let a = '<b>';</script></head>\n<body><p title='x' hidden>文本 &amp; &#x4e00;</p><!-- c --></body></html>\n",
        ),
        (
            "json",
            "{\"a\": [1, -2.5e3, true, null], \"b\": {\"c\": \"\\u4e00\\n\"}}\n",
        ),
        (
            "yaml",
            "%YAML 1.2\n---\na: &x [1, 2]\nb: *x\nc: |\n  text\n  more\nd: !tag {k: v}\n- item\n? complex\n: value\n...\n",
        ),
        (
            "toml",
            "[server]\nport = 8080\nname = \"\"\"multi\nline\"\"\"\n[[items]]\ndate = 1979-05-27T07:32:00Z\ninline = { a = [1, 2] }\n",
        ),
        (
            "ini",
            "; comment\n[section]\nkey = value\nother=\"quoted\"\n",
        ),
        (
            "xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e \"x\">]>\n<r xmlns:a=\"u\"><a:b c='d'>&e;<![CDATA[<x>]]></a:b></r>\n",
        ),
        (
            "sql",
            "SELECT a.id, COUNT(*) AS n FROM t AS a LEFT JOIN u ON a.id = u.id\nWHERE x IN (1, 2) AND y LIKE '%x' -- c\nGROUP BY 1 HAVING n > 0; /* d */\nCREATE TABLE t (id BIGINT PRIMARY KEY AUTO_RANDOM);\n",
        ),
        (
            "diff",
            "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n-old\n+new\n context\n",
        ),
        (
            "dockerfile",
            "FROM rust:1.85 AS build\nRUN cargo build --release \\\n    && strip target/x\nCOPY --from=build /a /b\nENV A=1 B=\"2\"\nCMD [\"x\"]\n",
        ),
        (
            "nginx",
            "server {\n  listen 80;\n  location ~ ^/api/(.*)$ {\n    proxy_pass http://b/$1;\n  }\n}\n",
        ),
        (
            "go",
            "package main\nimport \"fmt\"\nfunc main() {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n\tfmt.Println(<-ch, `raw`)\n}\n",
        ),
        (
            "rust",
            "#[derive(Debug)]\nstruct A<'a> { b: &'a str }\nfn f() -> Result<(), Box<dyn Error>> {\n    let r = r#\"raw\"#;\n    println!(\"{r:?}\");\n    Ok(())\n}\nmacro_rules! m { ($x:expr) => { $x }; }\n",
        ),
        (
            "python",
            "@decorator\nasync def f(a: int = 1, *args, **kw) -> str:\n    \"\"\"Doc.\"\"\"\n    return f\"{a!r:>10}\" + rb'\\x00'\nmatch x:\n    case [1, *rest]: pass\n",
        ),
        (
            "java",
            "@Override\npublic <T> List<T> f(final int... a) throws IOException {\n    var s = \"\"\"\n        text\"\"\";\n    return switch (x) { case 1 -> null; default -> List.of(); };\n}\n",
        ),
        (
            "c",
            "#include <stdio.h>\n#define M(x) ((x) * 2)\nint main(int argc, char **argv) {\n    printf(\"%d\\n\", M(argc));\n    return 0;\n}\n",
        ),
        (
            "cpp",
            "template <typename T>\nauto f(T&& t) -> decltype(auto) {\n    std::vector<int> v{1, 2};\n    return [&](auto x) { return R\"(raw)\"; };\n}\n",
        ),
        (
            "c-sharp",
            "namespace A;\npublic record P(int X) {\n    public async Task<int> F() => await G($\"{X}\");\n}\n",
        ),
        (
            "kotlin",
            "data class P(val x: Int)\nfun main() {\n    val s = \"\"\"${P(1).x}\"\"\"\n    listOf(1).map { it * 2 }\n}\n",
        ),
        (
            "swift",
            "struct A: View {\n    @State var x = 0\n    var body: some View { Text(\"\\(x)\") }\n}\n",
        ),
        (
            "php",
            "<?php\nnamespace A;\nfunction f(?int $a): string { return \"x{$a}\" . <<<EOT\nheredoc\nEOT; }\n?>\n<p><?= $x ?></p>\n",
        ),
        (
            "ruby",
            "class A < B\n  def f(a, *b, &c)\n    puts \"#{a}\" if a =~ /x/\n    %w[a b].each { |x| yield x }\n  end\nend\n",
        ),
        (
            "lua",
            "local t = { a = 1, [2] = \"b\" }\nfunction t:f(...)\n  return [[long\nstring]] --[[ c ]]\nend\n",
        ),
        (
            "css",
            "@media (min-width: 600px) {\n  .a > b::before { content: \"\\201C\"; color: #fff !important; }\n}\n:root { --x: calc(1px + 2em); }\n",
        ),
        (
            "scss",
            "$c: red;\n@mixin m($a) { color: $a; }\n.a { &:hover { @include m($c); } #{$p}-x: 1; }\n",
        ),
        (
            "graphql",
            "query Q($id: ID!) @live {\n  user(id: $id) { ...F name }\n}\nfragment F on User { id }\n",
        ),
        (
            "proto",
            "syntax = \"proto3\";\nmessage A {\n  repeated string b = 1;\n  map<string, int32> c = 2;\n}\nservice S { rpc F(A) returns (stream A); }\n",
        ),
        (
            "hcl",
            "resource \"aws_instance\" \"a\" {\n  ami = var.ami\n  tags = { Name = \"${var.n}-x\" }\n  dynamic \"b\" { for_each = local.c }\n}\n",
        ),
        (
            "dot",
            "digraph G {\n  rankdir=LR;\n  a -> b [label=\"x\"];\n  subgraph cluster_0 { c; d }\n}\n",
        ),
        (
            "markdown",
            "# 标题\n\n- [ ] item `code`\n\n```js\nlet a = 1\n```\n\n> quote **bold** <b>x</b>\n\n| a | b |\n|---|---|\n",
        ),
        (
            "powershell",
            "param([string]$Path = \".\")\nGet-ChildItem $Path | Where-Object { $_.Length -gt 1KB } | ForEach-Object { \"$($_.Name)\" }\n",
        ),
    ];
    let mut map: BTreeMap<&'static str, Vec<String>> = BTreeMap::new();
    for (g, s) in pairs {
        map.entry(g).or_default().push((*s).to_string());
    }
    map
}

/// The fenced blocks of every Markdown file under `root`, by grammar.
fn corpus_blocks(root: &Path, into: &mut BTreeMap<&'static str, Vec<String>>) {
    for entry in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let path = entry.path();
        if !matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("md" | "mdx")
        ) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let mut open: Option<(&'static str, String, String)> = None;
        for line in text.lines() {
            let trimmed = line.trim_start();
            match &mut open {
                None => {
                    if let Some(info) = trimmed.strip_prefix("```") {
                        let lang = info.split([' ', '{', ',']).next().unwrap_or("");
                        let fence = "`".repeat(3 + info.len() - info.trim_start_matches('`').len());
                        if let Some(g) = super::grammar(lang) {
                            open = Some((g, fence, String::new()));
                        }
                    }
                }
                Some((g, fence, code)) => {
                    if trimmed.starts_with(fence.as_str()) {
                        into.entry(g).or_default().push(std::mem::take(code));
                        open = None;
                    } else {
                        code.push_str(line);
                        code.push('\n');
                    }
                }
            }
        }
    }
}

/// xorshift64*: inputs are made again from their number, so nothing is kept per input (and
/// the seeds are in a `BTreeMap`: the same order in the child and in the parent).
struct Rng(u64);

impl Rng {
    fn new(grammar: &str, seed: u64, i: u64) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for b in grammar.bytes().chain(i.to_le_bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
        Rng(h | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// A code point of the kinds that break scanners: syntax characters, controls, CJK, the
/// astral planes, combining marks, line separators.
fn odd_char(rng: &mut Rng) -> char {
    const SYNTAX: &[u8] = b"{}[]()<>\"'`$#@\\/*-+=;:,.|&!?%^~\n\t\r _0aZ";
    let c = match rng.below(10) {
        0..=3 => u32::from(SYNTAX[rng.below(SYNTAX.len())]),
        4 => rng.below(0x20) as u32,
        5 => 0x4e00 + rng.below(0x5000) as u32,
        6 => [0xFEFF, 0x2028, 0x2029, 0x0300, 0x200D, 0xFFFD, 0x7F, 0x85][rng.below(8)],
        7 => 0x10000 + rng.below(0x100000) as u32,
        8 => 0xE0000 + rng.below(0x200) as u32,
        _ => rng.below(0x3000) as u32,
    };
    char::from_u32(c).unwrap_or('\u{FFFD}')
}

/// Input number `i` for `grammar`: one of its seeds, mutated one to eight times.
fn input(grammar: &str, seed: u64, i: u64, seeds: &BTreeMap<&'static str, Vec<String>>) -> String {
    let mut rng = Rng::new(grammar, seed, i);
    let own = &seeds[grammar];
    let mut chars: Vec<char> = own[rng.below(own.len())].chars().collect();
    let all: Vec<&String> = seeds.values().flatten().collect();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(chars.len() + 1);
        match rng.below(8) {
            0..=2 => {
                for _ in 0..1 + rng.below(4) {
                    chars.insert(at, odd_char(&mut rng));
                }
            }
            3 => {
                let end = (at + rng.below(64)).min(chars.len());
                chars.drain(at..end);
            }
            4 => {
                // A run of one character: deep nesting, long operators.
                let c = odd_char(&mut rng);
                let n = [8, 100, 2000, 20000][rng.below(4)];
                chars.splice(at..at, std::iter::repeat_n(c, n));
            }
            5 => {
                let from = rng.below(chars.len());
                let end = (from + rng.below(200)).min(chars.len());
                let copy: Vec<char> = chars[from..end].to_vec();
                chars.splice(at..at, copy);
            }
            6 => {
                let other: Vec<char> = all[rng.below(all.len())].chars().collect();
                let from = rng.below(other.len());
                let end = (from + rng.below(300)).min(other.len());
                chars.splice(at..at, other[from..end].iter().copied());
            }
            _ => chars.truncate(at),
        }
    }
    chars.into_iter().collect()
}

fn seeds() -> BTreeMap<&'static str, Vec<String>> {
    let mut seeds = snippets();
    if let Ok(dirs) = std::env::var("HC_FUZZ_CORPUS") {
        for dir in std::env::split_paths(&dirs) {
            corpus_blocks(&dir, &mut seeds);
        }
    }
    seeds
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The child: parses the inputs of one grammar, announcing each before it starts.
#[test]
#[ignore = "run by every_grammar"]
fn child() {
    let Ok(grammar) = std::env::var("HC_FUZZ_GRAMMAR") else {
        return;
    };
    let seed = env_number("HC_FUZZ_SEED", 1);
    let count = env_number("HC_FUZZ_COUNT", 500);
    // To replay: the inputs from this number on (a hang may need the parser's earlier inputs).
    let from = env_number("HC_FUZZ_FROM", 0);
    let seeds = seeds();
    let mut out = std::io::stdout().lock();
    for i in from..count {
        let code = input(&grammar, seed, i, &seeds);
        let within = super::within_limits(&code);
        writeln!(out, "fuzz-input {i} {}", u8::from(within)).unwrap();
        out.flush().unwrap();
        // What `highlight` does, without its size limits and cache: only crashes and hangs
        // matter (a panic is caught there).
        let _ = super::fresh(&grammar, &code, super::BUDGET);
    }
    writeln!(out, "fuzz-done").unwrap();
}

/// How long one input may take before it counts as a hang (the largest are 300 KB).
const HANG: Duration = Duration::from_secs(20);

#[test]
#[ignore = "minutes per grammar; run after updating the grammars (see the module's comment)"]
fn every_grammar() {
    let seed = env_number("HC_FUZZ_SEED", 1);
    let count = env_number("HC_FUZZ_COUNT", 500);
    let only = std::env::var("HC_FUZZ_ONLY").ok();
    let seeds = seeds();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/highlight-fuzz");
    let mut failures = Vec::new();
    for grammar in GRAMMARS {
        if only
            .as_deref()
            .is_some_and(|o| !o.split(',').any(|g| g == *grammar))
        {
            continue;
        }
        let started = Instant::now();
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "highlight::fuzz::child",
                "--exact",
                "--ignored",
                "--nocapture",
            ])
            .args(["--test-threads", "1"])
            .env("HC_FUZZ_GRAMMAR", grammar)
            .env("HC_FUZZ_SEED", seed.to_string())
            .env("HC_FUZZ_COUNT", count.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut last = None;
        let mut done = false;
        // The slowest input a user could give (within `highlight`'s limits), and its number.
        let mut slowest = (Duration::ZERO, 0);
        let mut within = false;
        let mut since = Instant::now();
        let outcome = loop {
            match rx.recv_timeout(HANG) {
                Ok(line) => {
                    // The input before this line has ended: was it the slowest?
                    if let (Some(prev), true) = (last, within && since.elapsed() > slowest.0) {
                        slowest = (since.elapsed(), prev);
                    }
                    if let Some(rest) = line.strip_prefix("fuzz-input ") {
                        let (i, flag) = rest.split_once(' ').unwrap_or((rest, "0"));
                        last = i.parse::<u64>().ok();
                        within = flag == "1";
                        since = Instant::now();
                    } else if line == "fuzz-done" {
                        done = true;
                        // What the test harness prints after is no input.
                        within = false;
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let _ = child.kill();
                    break "hung";
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    break if done { "ok" } else { "crashed" };
                }
            }
        };
        let status = child.wait().unwrap();
        println!(
            "{grammar:12} {outcome:8} {:>6} inputs in {:>6.1} s; slowest within the limits #{} {:.3} s ({status})",
            last.map_or(0, |l| l + 1),
            started.elapsed().as_secs_f64(),
            slowest.1,
            slowest.0.as_secs_f64(),
        );
        if outcome != "ok" {
            let i = last.unwrap_or(0);
            let code = input(grammar, seed, i, &seeds);
            std::fs::create_dir_all(&dir).unwrap();
            let file = dir.join(format!("{grammar}-{seed}-{i}.txt"));
            std::fs::write(&file, &code).unwrap();
            failures.push(format!("{grammar}: {outcome} on {}", file.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
