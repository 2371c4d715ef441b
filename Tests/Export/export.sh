#!/usr/bin/env bash
# Export tests: the Anki file is imported by the real `anki` package (PyPI,
# in .venv-anki, made on first use); CSV goes through Python's csv parser and
# back; JSON through json; --output never overwrites without --force.
#
#   Tests/Export/export.sh [BINARY]     (default .build/debug/awsml-tui)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/checks.sh"
cd "$(dirname "$0")/../.."
binary=$(realpath "${1:-.build/debug/awsml-tui}")
work=$(mktemp -d /tmp/awsml-export.XXXXXX)
trap 'rm -rf "$work"' EXIT

if [ ! -x .venv-anki/bin/python ]; then
  python3 -m venv .venv-anki && .venv-anki/bin/pip install -q 'anki==26.9.3' >/dev/null 2>&1
fi

# Anki: import the file into a fresh collection.
"$binary" export --format anki --output "$work/deck.tsv"
if .venv-anki/bin/python Tests/Export/anki_import.py "$work/deck.tsv" 42 > "$work/anki.log" 2>&1; then
  check "Anki imports the export (anki package)" true
else
  check "Anki imports the export (anki package)" false
fi
sed 's/^/    /' "$work/anki.log"

# CSV: a real parser reads every row back, fields intact, including progress.
store="$work/progress.sqlite"
"$binary" stats --store "$store" > /dev/null
"$binary" export --format csv --store "$store" --output "$work/deck.csv"
check "CSV round-trips through Python's csv module with the facts of check --json" \
  python3 - "$work/deck.csv" <<PY
import csv, json, subprocess, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
header, body = rows[0], rows[1:]
assert header == ["deck", "topic path", "fact", "details", "fact id", "state", "due", "stability", "difficulty", "reps", "lapses"], header
doc = json.loads(subprocess.check_output(["$binary", "check", "--json"]))
facts = []
def walk(node):
    facts.extend((f["id"], f["text"]) for f in node["facts"])
    for child in node["children"]: walk(child)
walk(doc["decks"][0]["root"])
assert [(r[4], r[2]) for r in body] == facts, "facts differ"
assert all(r[5] == "new" for r in body)
with open(sys.argv[1] + ".again", "w", newline="", encoding="utf-8") as again:
    csv.writer(again, lineterminator="\r\n").writerows(rows)
assert open(sys.argv[1] + ".again", encoding="utf-8").read() == open(sys.argv[1], encoding="utf-8").read(), "not RFC 4180 as Python writes it"
PY

check "JSON export parses and carries progress and reviews per fact" \
  bash -c "'$binary' export --format json --store '$store' | python3 -c 'import json,sys; d=json.load(sys.stdin); f=d[\"decks\"][0][\"root\"][\"children\"][0][\"children\"][0][\"facts\"][0]; assert f[\"progress\"] is None and f[\"reviews\"] == [], f'"

printf 'keep me\n' > "$work/existing.tsv"
out=$("$binary" export --format anki --output "$work/existing.tsv" 2>&1); status=$?
check "--output refuses to overwrite without --force" \
  test "$status:$out:$(cat "$work/existing.tsv")" = "2:awsml-tui: error: $work/existing.tsv: already exists; add --force to overwrite it:keep me"
check "--force overwrites" bash -c "'$binary' export --format anki --output '$work/existing.tsv' --force && head -1 '$work/existing.tsv' | grep -q '#separator:tab'"

finish export
