#!/usr/bin/env bash
# Build benchmark: helpcenter vs Hugo on the same generated zh-CN corpus.
#
#   bash bench/build.sh [--sizes 1000,10000] [--code-sizes 1000,10000] [--runs 3] [--no-hugo]
#                       [--no-helpcenter] [--clean-corpora]
#
# --code-sizes: corpora with code blocks (gen_corpus.py --code), built with highlighting on and
# off to print what highlighting costs; "" skips them.
#
# Environment:
#   HELPCENTER_BIN  use this helpcenter binary and skip `cargo build --release`
#   BENCH_DIR       where corpora and outputs live (default: ${TMPDIR:-/tmp}/helpcenter-bench);
#                   corpora are reused across runs while gen_corpus.py is unchanged,
#                   build outputs are deleted after each measured run.
set -euo pipefail

CALLER_PWD=$PWD
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SCRIPT_DIR/.." && pwd)
cd "$ROOT"

SIZES=1000,10000
CODE_SIZES=1000,10000
RUNS=3
DO_HUGO=1
DO_HC=1
CLEAN_CORPORA=0

usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES=${2:?--sizes needs a value}; shift 2 ;;
        --sizes=*) SIZES=${1#*=}; shift ;;
        --code-sizes) CODE_SIZES=${2?--code-sizes needs a value}; shift 2 ;;
        --code-sizes=*) CODE_SIZES=${1#*=}; shift ;;
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        --runs=*) RUNS=${1#*=}; shift ;;
        --no-hugo) DO_HUGO=0; shift ;;
        --no-helpcenter) DO_HC=0; shift ;;
        --clean-corpora) CLEAN_CORPORA=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "build.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
case "$RUNS" in ''|*[!0-9]*|0) echo "build.sh: --runs must be a positive integer" >&2; exit 2 ;; esac
IFS=, read -r -a SIZE_LIST <<<"$SIZES"
IFS=, read -r -a CODE_SIZE_LIST <<<"$CODE_SIZES"
for n in "${SIZE_LIST[@]}" "${CODE_SIZE_LIST[@]}"; do
    case "$n" in ''|*[!0-9]*) echo "build.sh: bad size '$n'" >&2; exit 2 ;; esac
done

TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "build.sh: GNU time not found at /usr/bin/time (apt-get install time)" >&2; exit 1; }

WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/helpcenter-bench}
case "$WORK" in /*) ;; *) WORK=$CALLER_PWD/$WORK ;; esac
mkdir -p "$WORK"
OUTS=()
cleanup() {
    local d
    for d in "${OUTS[@]}"; do rm -rf "$d"; done
    rm -f "$WORK/time.txt"
    if [ "$CLEAN_CORPORA" = 1 ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

# ---------------------------------------------------------------- tools
HC_BIN=
if [ "$DO_HC" = 1 ]; then
    if [ -n "${HELPCENTER_BIN:-}" ]; then
        HC_BIN=$HELPCENTER_BIN
        case "$HC_BIN" in
            /*) ;;
            */*) HC_BIN=$CALLER_PWD/$HC_BIN ;;            # relative to where build.sh was started
            *) HC_BIN=$(command -v "$HC_BIN" || echo "$HC_BIN") ;;  # a name on PATH
        esac
    else
        echo "== cargo build --release" >&2
        cargo build --release >&2
        HC_BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/helpcenter
    fi
    [ -x "$HC_BIN" ] || { echo "build.sh: helpcenter binary not found: $HC_BIN" >&2; exit 1; }
fi
HUGO_VERSION=
if [ "$DO_HUGO" = 1 ]; then
    if command -v hugo >/dev/null 2>&1; then
        HUGO_VERSION=$(hugo version 2>/dev/null | awk '{print $2}')
    else
        echo "== hugo not installed (apt-get install -y hugo); comparing nothing" >&2
        DO_HUGO=0
    fi
fi
if [ "$DO_HC" = 0 ] && [ "$DO_HUGO" = 0 ]; then
    echo "build.sh: nothing to run" >&2; exit 1
fi

# ---------------------------------------------------------------- corpora
GEN="$SCRIPT_DIR/gen_corpus.py"
GEN_SUM=$(sha256sum "$GEN" | cut -c1-16)

sections_for() {  # 1000 -> 20, 10000 -> 100: one section per 50 articles, 1..100
    local s=$(( $1 / 50 ))
    [ "$s" -lt 1 ] && s=1
    [ "$s" -gt 100 ] && s=100
    [ "$s" -gt "$1" ] && s=$1
    echo "$s"
}

corpus() {  # corpus FORMAT N [code] -> prints the corpus dir, generating it unless current
    local fmt=$1 n=$2 code=${3:-} secs dir stamp want
    secs=$(sections_for "$n")
    dir=$WORK/corpus-$fmt-$n${code:+-code}
    stamp=$dir.stamp
    want="$GEN_SUM $fmt $n $secs $code"
    if [ -d "$dir" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        echo "== reusing $dir" >&2
    else
        rm -f "$stamp"
        echo "== generating $fmt corpus: $n articles, $secs sections${code:+, with code blocks}" >&2
        python3 "$GEN" --articles "$n" --sections "$secs" --out "$dir" --format "$fmt" --force ${code:+--code} >&2
        echo "$want" >"$stamp"
    fi
    echo "$dir"
}

plain_root() {  # plain_root DIR -> a site beside DIR with DIR's content and highlighting off
    local dir=$1 plain=$1-plain
    rm -rf "$plain"
    mkdir -p "$plain"
    { cat "$dir/helpcenter.yaml"; printf 'code:\n  highlight: false\n'; } >"$plain/helpcenter.yaml"
    ln -s "$dir/content" "$plain/content"
    echo "$plain"
}

# ---------------------------------------------------------------- measuring
ratio() { awk "BEGIN{ if ($2 > 0) printf \"%.2fx\", $1 / $2; else print \"-\" }"; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# run_once LABEL OUTDIR CMD... : sets R_TIME R_CPU R_RSS_KB R_PAGES R_BYTES R_LAST
run_once() {
    local label=$1 out=$2; shift 2
    local tf=$WORK/time.txt log=$WORK/log-$label.txt
    rm -rf "$out"
    OUTS+=("$out")
    if ! "$TIME" -o "$tf" -f '%e %M %U %S' "$@" >"$log" 2>&1; then
        echo "build.sh: $label failed: $*" >&2
        tail -n 30 "$log" >&2
        echo "build.sh: full log kept at $log" >&2
        exit 1
    fi
    local u s
    read -r R_TIME R_RSS_KB u s < <(tail -n 1 "$tf")
    R_CPU=$(awk "BEGIN{printf \"%.2f\", $u + $s}")
    R_PAGES=$(find "$out" -type f -name '*.html' | wc -l)
    R_BYTES=$(du -sb "$out" | cut -f1)
    R_LAST=$(grep -v '^[[:space:]]*$' "$log" | tail -n 1 || true)
    # With --timings: the CPU time spent highlighting, in seconds.
    R_HL=$(awk '/highlight \(CPU\)/ {printf "%.2f", $(NF-1) / 1000}' "$log")
    rm -rf "$out" "$log"
}

ROWS=()
CODE_SHARE=()
FMT='%-8s %-10s %8s %8s %12s %7s %10s  %s'
row() { ROWS+=("$(printf "$FMT" "$@")"); }

for n in "${SIZE_LIST[@]}"; do
    hc_dir=; hugo_dir=
    [ "$DO_HC" = 1 ] && hc_dir=$(corpus helpcenter "$n")
    [ "$DO_HUGO" = 1 ] && hugo_dir=$(corpus hugo "$n")
    hc_t=(); hc_c=(); hc_m=(); hu_t=(); hu_c=(); hu_m=()
    for ((r = 1; r <= RUNS; r++)); do
        if [ "$DO_HC" = 1 ]; then
            echo "== $n articles, run $r/$RUNS: helpcenter" >&2
            run_once helpcenter "$WORK/out-helpcenter-$n" \
                "$HC_BIN" build --root "$hc_dir" --output "$WORK/out-helpcenter-$n"
            hc_t+=("$R_TIME"); hc_c+=("$R_CPU"); hc_m+=("$R_RSS_KB"); hc_pages=$R_PAGES; hc_bytes=$R_BYTES; hc_last=$R_LAST
        fi
        if [ "$DO_HUGO" = 1 ]; then
            echo "== $n articles, run $r/$RUNS: hugo" >&2
            run_once hugo "$WORK/out-hugo-$n" \
                hugo --quiet --source "$hugo_dir" --destination "$WORK/out-hugo-$n"
            hu_t+=("$R_TIME"); hu_c+=("$R_CPU"); hu_m+=("$R_RSS_KB"); hu_pages=$R_PAGES; hu_bytes=$R_BYTES
        fi
    done
    mb() { awk "BEGIN{printf \"%.1f\", $1 / $2}"; }
    if [ "$DO_HC" = 1 ]; then
        hc_tm=$(echo "${hc_t[*]}" | median); hc_cm=$(echo "${hc_c[*]}" | median)
        hc_mm=$(echo "${hc_m[*]}" | median)
        row "$n" helpcenter "$hc_tm" "$hc_cm" "$(mb "$hc_mm" 1024)" "$hc_pages" \
            "$(mb "$hc_bytes" 1048576)" "${hc_t[*]}"
        echo "== helpcenter $n: $hc_last" >&2
        HC_SUMMARY+=("$n: $hc_last")
        # One more run for the per-stage breakdown (not timed with the others).
        STAGES+=("$n articles:" "$("$HC_BIN" build --timings --root "$hc_dir" --output "$WORK/out-helpcenter-$n" 2>&1 >/dev/null | sed 's/^/    /')")
        rm -rf "$WORK/out-helpcenter-$n"
    fi
    if [ "$DO_HUGO" = 1 ]; then
        hu_tm=$(echo "${hu_t[*]}" | median); hu_cm=$(echo "${hu_c[*]}" | median)
        hu_mm=$(echo "${hu_m[*]}" | median)
        row "$n" hugo "$hu_tm" "$hu_cm" "$(mb "$hu_mm" 1024)" "$hu_pages" \
            "$(mb "$hu_bytes" 1048576)" "${hu_t[*]}"
    fi
    if [ "$DO_HC" = 1 ] && [ "$DO_HUGO" = 1 ]; then
        row "$n" hugo/hc "$(ratio "$hu_tm" "$hc_tm")" "$(ratio "$hu_cm" "$hc_cm")" \
            "$(ratio "$hu_mm" "$hc_mm")" "" "" ""
    fi
done

# ------------------------------------------------ code blocks: what highlighting costs
CODE_ROWS=()
for n in "${CODE_SIZE_LIST[@]}"; do
    [ "$DO_HC" = 1 ] || break
    hc_dir=$(corpus helpcenter "$n" code)
    plain_dir=$(plain_root "$hc_dir")
    hugo_dir=
    [ "$DO_HUGO" = 1 ] && hugo_dir=$(corpus hugo "$n" code)
    on_t=(); on_c=(); on_h=(); off_t=(); off_c=(); hu_t=(); hu_c=()
    for ((r = 1; r <= RUNS; r++)); do
        echo "== $n articles with code, run $r/$RUNS: helpcenter, highlighting on and off" >&2
        run_once hc-code "$WORK/out-hc-code-$n" "$HC_BIN" build --timings --root "$hc_dir" --output "$WORK/out-hc-code-$n"
        on_t+=("$R_TIME"); on_c+=("$R_CPU"); on_h+=("$R_HL"); on_pages=$R_PAGES; on_bytes=$R_BYTES; on_m=$R_RSS_KB
        run_once hc-plain "$WORK/out-hc-plain-$n" "$HC_BIN" build --root "$plain_dir" --output "$WORK/out-hc-plain-$n"
        off_t+=("$R_TIME"); off_c+=("$R_CPU"); off_pages=$R_PAGES; off_bytes=$R_BYTES; off_m=$R_RSS_KB
        if [ -n "$hugo_dir" ]; then
            run_once hugo-code "$WORK/out-hugo-code-$n" hugo --quiet --source "$hugo_dir" --destination "$WORK/out-hugo-code-$n"
            hu_t+=("$R_TIME"); hu_c+=("$R_CPU"); hu_pages=$R_PAGES; hu_bytes=$R_BYTES; hu_m=$R_RSS_KB
        fi
    done
    on_tm=$(echo "${on_t[*]}" | median); on_cm=$(echo "${on_c[*]}" | median)
    off_tm=$(echo "${off_t[*]}" | median); off_cm=$(echo "${off_c[*]}" | median)
    mb() { awk "BEGIN{printf \"%.1f\", $1 / $2}"; }
    CODE_ROWS+=("$(printf "$FMT" "$n+code" "hc" "$on_tm" "$on_cm" "$(mb "$on_m" 1024)" "$on_pages" "$(mb "$on_bytes" 1048576)" "${on_t[*]}")")
    CODE_ROWS+=("$(printf "$FMT" "$n+code" "hc-plain" "$off_tm" "$off_cm" "$(mb "$off_m" 1024)" "$off_pages" "$(mb "$off_bytes" 1048576)" "${off_t[*]}")")
    if [ -n "$hugo_dir" ]; then
        hu_tm=$(echo "${hu_t[*]}" | median); hu_cm=$(echo "${hu_c[*]}" | median)
        CODE_ROWS+=("$(printf "$FMT" "$n+code" "hugo" "$hu_tm" "$hu_cm" "$(mb "$hu_m" 1024)" "$hu_pages" "$(mb "$hu_bytes" 1048576)" "${hu_t[*]}")")
        CODE_ROWS+=("$(printf "$FMT" "$n+code" "hugo/hc" "$(ratio "$hu_tm" "$on_tm")" "$(ratio "$hu_cm" "$on_cm")" "" "" "" "")")
    fi
    pct() { awk "BEGIN{ if ($2 > 0) printf \"%.0f%%\", 100 * $1 / $2; else print \"-\" }"; }
    on_hm=$(echo "${on_h[*]}" | median)
    CODE_SHARE+=("$n articles with code: highlighting took ${on_hm} s of CPU (all threads) of the build's ${on_cm} s: $(pct "$on_hm" "$on_cm") (runs: ${on_h[*]})")
    CODE_SHARE+=("    on vs off (noisier: writing the output varies more than highlighting costs): wall $on_tm vs $off_tm s, cpu $on_cm vs $off_cm s")
done

echo
echo "helpcenter build benchmark: runs=$RUNS (median), $(nproc) cpus${HUGO_VERSION:+, hugo $HUGO_VERSION}"
printf "$FMT\n" articles tool wall_s cpu_s peak_rss_MB pages output_MB "wall, all runs"
for l in "${ROWS[@]}"; do echo "$l"; done
for l in "${CODE_ROWS[@]}"; do echo "$l"; done
if [ "$DO_HC" = 1 ]; then
    echo
    echo "helpcenter summary lines:"
    for l in "${HC_SUMMARY[@]}"; do echo "  $l"; done
    echo
    echo "helpcenter stages (build --timings):"
    for l in "${STAGES[@]}"; do echo "  $l"; done
    if [ "${#CODE_SHARE[@]}" -gt 0 ]; then
        echo
        echo "code highlighting (hc: highlighting on; hc-plain: code.highlight: false; the same content):"
        for l in "${CODE_SHARE[@]}"; do echo "  $l"; done
    fi
fi
