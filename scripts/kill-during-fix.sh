#!/usr/bin/env bash
# kill -9 during `--fix` (issue 16): 20 runs on a large file with fixable findings, each killed
# at a random moment while the fixed file is being written. After each kill the file must hold
# either the old content or the fully fixed one, never a mix; the temporary files left behind
# are counted, and the next run must remove them.
#
#   cargo build --release && scripts/kill-during-fix.sh [RUNS] [MEGABYTES]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${FACTLINT_BIN:-$ROOT/target/release/factlint}"
RUNS="${1:-20}"
MB="${2:-20}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"

cat > rule.toml <<'TOML'
[[rule]]
id = "house.per-cent"
kind = "substitution"
swap = { "per cent" = "percent" }
TOML
# A large document: one fixable finding per line.
python3 - "$MB" <<'PY'
import sys
mb = int(sys.argv[1])
line = "Spending on the mission rose by 4 per cent in the year to June, officials said.\n"
with open("orig.txt", "w") as f:
    f.write(line * (mb * 1024 * 1024 // len(line)))
PY
cp orig.txt doc.txt
"$BIN" check --no-config --no-cache --rules rule.toml --select house.per-cent --fix doc.txt \
    >/dev/null 2>&1 || true
mv doc.txt fixed.txt
OLD=$(sha256sum < orig.txt) FIXED=$(sha256sum < fixed.txt)

intact=0 old=0 new=0 partial=0 left=0 removed=0 aimed=0
for i in $(seq 1 "$RUNS"); do
    cp orig.txt doc.txt
    "$BIN" check --no-config --no-cache --rules rule.toml --select house.per-cent --fix doc.txt \
        >/dev/null 2>&1 &
    pid=$!
    # Wait for the temporary file (the write has begun), then kill at a random moment of it.
    for _ in $(seq 1 4000); do
        if compgen -G ".doc.txt.factlint-tmp-*" >/dev/null || ! kill -0 "$pid" 2>/dev/null; then
            break
        fi
        sleep 0.005
    done
    if compgen -G ".doc.txt.factlint-tmp-*" >/dev/null; then aimed=$((aimed + 1)); fi
    # Anywhere from the first bytes of the temporary file to a little after the rename (a
    # write of tens of MB and its flush take some tens of milliseconds to a few hundred).
    sleep "0.$(printf %03d $((RANDOM % 300)))"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    now=$(sha256sum < doc.txt)
    if [ "$now" = "$OLD" ]; then old=$((old + 1)); intact=$((intact + 1))
    elif [ "$now" = "$FIXED" ]; then new=$((new + 1)); intact=$((intact + 1))
    else partial=$((partial + 1)); fi
    n=$(compgen -G ".doc.txt.factlint-tmp-*" | wc -l || true)
    left=$((left + n))
    if [ "$n" -gt 0 ]; then
        # The next run removes what the killed one left (it is older than the new run).
        "$BIN" check --no-config --no-cache --rules rule.toml --select house.per-cent --fix \
            doc.txt >/dev/null 2>&1 || true
        after=$(compgen -G ".doc.txt.factlint-tmp-*" | wc -l || true)
        removed=$((removed + n - after))
    fi
    rm -f doc.txt
done
# SIGTERM and SIGINT during the write: the handler removes the temporary file at once.
term_left=0 term_intact=0
for sig in TERM INT TERM INT TERM; do
    cp orig.txt doc.txt
    "$BIN" check --no-config --no-cache --rules rule.toml --select house.per-cent --fix doc.txt \
        >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 4000); do
        if compgen -G ".doc.txt.factlint-tmp-*" >/dev/null || ! kill -0 "$pid" 2>/dev/null; then
            break
        fi
        sleep 0.002
    done
    kill -s "$sig" "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    now=$(sha256sum < doc.txt)
    if [ "$now" = "$OLD" ] || [ "$now" = "$FIXED" ]; then term_intact=$((term_intact + 1)); fi
    term_left=$((term_left + $(compgen -G ".doc.txt.factlint-tmp-*" | wc -l || true)))
    rm -f doc.txt .doc.txt.factlint-tmp-*
done
echo "runs: $RUNS on a ${MB} MB file; kills aimed at the write (temporary file present): $aimed"
echo "original intact: $intact ($old old content, $new fully fixed), partial: $partial"
echo "temporary files left by the kills: $left, removed by the next run: $removed"
echo "SIGTERM/SIGINT during the write: 5 runs, original intact $term_intact, temporary files left $term_left"
[ "$partial" -eq 0 ] && [ "$left" -eq "$removed" ] && [ "$term_left" -eq 0 ] && [ "$term_intact" -eq 5 ]
