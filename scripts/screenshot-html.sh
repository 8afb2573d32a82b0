#!/bin/sh
# Renders factlint's HTML report of a document with headless Chromium and saves a screenshot.
#
#   scripts/screenshot-html.sh [DOCUMENT] [OUT.png] [FRAGMENT]
#
# DOCUMENT defaults to fixtures/example-brief.txt, OUT.png to docs/html-report.png; FRAGMENT
# (default #f0) selects a finding and scrolls the text to it. A DOCUMENT ending in .html is
# taken as a report already written. Installs Debian's chromium when it is missing.
set -eu
cd "$(dirname "$0")/.."
doc=${1:-fixtures/example-brief.txt}
out=${2:-docs/html-report.png}
fragment=${3:-#f0}

if ! command -v chromium >/dev/null 2>&1; then
    apt-get update && apt-get install -y chromium
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$doc" in
*.html) report=$doc ;;
*)
    report=$work/report.html
    if [ -x target/release/factlint ]; then
        bin=target/release/factlint
    else
        cargo build --release --quiet
        bin=target/release/factlint
    fi
    # Exit code 1 means findings, which is what we want to see.
    "$bin" check --no-config --format html "$doc" >"$report" || [ $? -eq 1 ]
    ;;
esac

mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run \
    --user-data-dir="$work/profile" --screenshot="$out" --window-size=1400,1000 \
    "file://$(realpath "$report")$fragment" 2>/dev/null
# Smaller with pngquant, where it is installed.
if command -v pngquant >/dev/null 2>&1; then
    pngquant --quality 60-90 --force --output "$out" "$out" || true
fi
echo "wrote $out"
