#!/usr/bin/env bash
# Regenerates rules/english-words.txt from SCOWL's american-english list (Debian: wamerican).
set -euo pipefail
dict=${1:-/usr/share/dict/american-english}
[ -f "$dict" ] || { echo "need $dict (apt-get install wamerican)" >&2; exit 2; }
cd "$(dirname "$0")/.."
LC_ALL=C grep -E '^[a-z]{4,12}$' "$dict" | LC_ALL=C sort -u > rules/english-words.txt
wc -l rules/english-words.txt
