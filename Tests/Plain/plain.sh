#!/usr/bin/env bash
# Plain mode: sessions driven by piped input with a fixed seed, compared with
# the expected transcripts beside this script (the session's duration is
# masked, it is the only thing that varies). Re-record on purpose only:
#   RECORD_TRANSCRIPTS=1 Tests/Plain/plain.sh
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/checks.sh"
cd "$(dirname "$0")/../.."
binary=$(realpath "${1:-.build/debug/awsml-tui}")
work=$(mktemp -d /tmp/awsml-plain.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The summary counts what is due "later today" and "tomorrow" by the learner's
# day: a study day that starts twelve hours from now (UTC) keeps every step of
# a session in "later today", whatever the time the tests run.
export TZ=UTC
day_starts_at=$(( (10#$(date -u +%H) + 12) % 24 ))

# transcript NAME INPUT ARGS...: runs a session, compares with Tests/Plain/NAME.txt.
transcript() {
  local name=$1 input=$2; shift 2
  local actual="$work/$name.txt" expected="Tests/Plain/$name.txt"
  printf "$input" | TERM=dumb "$binary" "$@" --day-starts-at "$day_starts_at" --store "$work/$name.sqlite" 2>&1 \
    | sed -E 's/, [0-9]+ s\.$/, N s./' > "$actual"
  if [ -n "${RECORD_TRANSCRIPTS:-}" ]; then cp "$actual" "$expected"; fi
  if diff -u "$expected" "$actual" > "$work/$name.diff"; then
    check "transcript $name" true
  else
    check "transcript $name" false
    sed 's/^/    /' "$work/$name.diff" | head -40
  fi
}

transcript study-piped '2\n1\noverfiting\n1\n' quiz --plain --seed 7 --questions 4
transcript practice-typed 'accelration\n76%%\nq\n' --plain --mode practice --seed 1 --topic "Amazon Elastic Inference"
transcript exam-scored '3\n1\n3\n3\n1\n' quiz --plain --mode exam --seed 5 --questions 5 --topic "AWS Machine Learning Specialty 2/3"

# quiz needs no --plain (plain lines are its only mode): the same session, word for word.
printf '2\n1\noverfiting\n1\n' | TERM=dumb "$binary" quiz --seed 7 --questions 4 --day-starts-at "$day_starts_at" --store "$work/implied.sqlite" 2>&1 \
  | sed -E 's/, [0-9]+ s\.$/, N s./' > "$work/implied.txt"
check "quiz without --plain runs the study-piped session" diff -u Tests/Plain/study-piped.txt "$work/implied.txt"

check "answers are in the store, as the full screen writes them" \
  test "$(sqlite3 "$work/study-piped.sqlite" "SELECT group_concat(mode || ':' || kind || ':' || rating, ' ') FROM review")" \
       = "study:which-topic:3 study:cloze-choice:1 study:cloze-typed:3 study:which-topic:3"
check "an exam is logged with mode exam and leaves the schedule alone" \
  test "$(sqlite3 "$work/exam-scored.sqlite" "SELECT count(*) FROM review WHERE mode = 'exam'"):$(sqlite3 "$work/exam-scored.sqlite" 'SELECT count(*) FROM card')" = "5:0"
out=$(printf '' | "$binary" quiz --plain --topic "No such topic" --store "$work/x.sqlite" 2>&1); status=$?
check "an unknown topic: one line and status 2" \
  test "$status:$out" = '2:awsml-tui: error: no topic "No such topic"; `awsml-tui check` lists them'
out=$(printf '' | "$binary" quiz --plain --day-starts-at 24 --store "$work/x.sqlite" 2>&1); status=$?
check "--day-starts-at out of 0-23: one line and status 2" \
  test "$status:$out" = "2:awsml-tui: error: The value '24' is invalid for '--day-starts-at <hour>': must be a whole number from 0 to 23"
out=$(TERM=dumb "$binary" < /dev/null 2>&1); status=$?
check "TERM=dumb without --plain points to it" bash -c "[ $status = 2 ] && grep -q -- '--plain' <<< '$out'"

finish plain
