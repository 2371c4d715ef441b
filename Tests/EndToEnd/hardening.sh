#!/usr/bin/env bash
# Hardening: SIGKILL while answering (plain mode), a resize storm, signals at
# random moments, a store that cannot grow mid-session, every numeric option
# given bad values, a store of ours with part of its schema gone, stats and
# export leaving the store's bytes alone, a backups folder that cannot take a
# copy, a damaged -wal, output to a full disk, names (files, --store,
# --topic) holding controls or bytes that are not UTF-8, a date that is no
# day, a post given twice, a post full of emoji clusters terminals disagree
# on, and mouse clicks past column 223. Waits poll for a condition; the random moments are
# counts of answers or keys, not sleeps.
#
#   [SEED=N] Tests/EndToEnd/hardening.sh [BINARY] [ROUNDS]   (defaults: .build/debug/awsml-tui, 50)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/checks.sh"
binary=$(realpath "${1:-.build/debug/awsml-tui}")
rounds=${2:-50}
# The random moments and sizes come from bash's RANDOM: seeded, and the seed
# printed, so a failing run can be repeated (SEED=N Tests/EndToEnd/hardening.sh).
seed=${SEED:-$$}
RANDOM=$seed
echo "info - random seed $seed"
work=$(mktemp -d /tmp/awsml-hard.XXXXXX)
# stats keeps its record of stores checked here, not in the user's cache.
export XDG_CACHE_HOME="$work/cache"
socket_base="awsml-hard-$$"
socket="$socket_base-0"
sessions=0
trap 'for n in $(seq 0 "$sessions"); do for s in "$socket_base-$n" "$socket_base-$n-inner" "$socket_base-$n-outer"; do tmux -L "$s" kill-server 2>/dev/null; done; done; rm -rf "$work"' EXIT
# Each session gets a server of its own: a new server on a socket that a
# dying one still holds can fail to start (seen under load in CI).
new_server() {
  tmux -L "$socket" kill-server 2>/dev/null
  sessions=$((sessions + 1))
  socket="$socket_base-$sessions"
}
tm() { tmux -L "$socket" -f /dev/null "$@"; }
screen() { tm capture-pane -p -t h 2>/dev/null; }
# The pane with its scrollback: what the shell printed after the app ended.
history() { tm capture-pane -p -S -200 -t h 2>/dev/null; }
wait_for_output() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -lt $deadline ]; do history | grep -qF -- "$1" && return 0; pause; done
  return 1
}
wait_for() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -lt $deadline ]; do screen | grep -qF -- "$1" && return 0; pause; done
  return 1
}

# Answers acknowledged in a plain-mode transcript so far (0 before it exists).
acked_in() { local count; count=$(grep -c '^  Graded' "$1" 2>/dev/null) || true; echo "${count:-0}"; }

# 1. SIGKILL while answering, at random moments, in plain mode.
store="$work/kill.sqlite"
acknowledged=0
lost_rounds=0
for round in $(seq 1 "$rounds"); do
  out="$work/plain-$round.txt"
  ( yes 1 2>/dev/null | "$binary" quiz --plain --mode practice --seed "$round" --store "$store" > "$out" 2>&1 ) &
  target=$((RANDOM % 30 + 1))
  pid=""
  for _ in $(seq 1 500); do
    pid=$(pgrep -n -f "quiz --plain --mode practice --seed $round --store $store" || true)
    [ -n "$pid" ] && [ "$(acked_in "$out")" -ge "$target" ] && break
    pause
  done
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  wait 2>/dev/null
  acked=$(acked_in "$out")
  acknowledged=$((acknowledged + acked))
  kept=$(sqlite3 "$store" 'SELECT count(*) FROM review')
  ok=$(sqlite3 "$store" 'PRAGMA integrity_check')
  if [ "$ok" != ok ] || [ "$kept" -lt "$acknowledged" ]; then lost_rounds=$((lost_rounds + 1)); fi
done
echo "info - $rounds SIGKILLs mid-answer: $acknowledged answers acknowledged, $(sqlite3 "$store" 'SELECT count(*) FROM review') in the log"
check "SIGKILL while answering: the store is intact and every acknowledged answer is kept" test "$lost_rounds" -eq 0
check "and awsml-tui still opens it" "$binary" stats --store "$store" > /dev/null

# 2. A resize storm while keys are sent.
new_server
tm new-session -d -x 100 -y 30 -s h "$binary --store $work/storm.sqlite --no-mouse; echo '[exit '\$?']'" \; set-option -t h remain-on-exit on
wait_for "q quit" >/dev/null
sizes=""
for _ in $(seq 1 50); do
  width=$((RANDOM % 250 + 1)); height=$((RANDOM % 80 + 1))
  sizes+="${width}x$height "
  tm resize-window -t h -x "$width" -y "$height"
  tm send-keys -t h j
done
tm resize-window -t h -x 100 -y 30
check "after 50 random sizes from 1x1 to 250x80 the app is alive" bash -c "pgrep -f 'storm.sqlite' > /dev/null"
check "and the final screen fits 100x30" wait_for "Topics $(printf '━%.0s' $(seq 1 22))┓"
tm send-keys -t h q
check "and it quits cleanly" wait_for_output "[exit 0]"
tm kill-server 2>/dev/null

# 3. Signals at random moments: the terminal is restored and the store intact.
for signal in TERM HUP INT TSTP; do
  store="$work/signal-$signal.sqlite"
  new_server
  tm new-session -d -x 100 -y 30 -s h \
    "trap : INT; stty -a > $work/before; $binary --store $store --no-mouse; s=\$?; stty -a > $work/after; echo \"[exit \$s]\"" \
    \; set-option -t h remain-on-exit on
  wait_for "q quit" >/dev/null
  for _ in $(seq 1 $((RANDOM % 20))); do tm send-keys -t h j; done
  tm send-keys -t h s 1 Enter
  pid=$(pgrep -n -f "store $store")
  if [ "$signal" = TSTP ]; then
    kill -TSTP "$pid"; kill -CONT "$pid"
    check "SIGTSTP then SIGCONT: it redraws and goes on" wait_for "answered"
    tm send-keys -t h Escape Escape q
  else
    kill -"$signal" "$pid"
  fi
  check "SIG$signal at a random moment: it ends" wait_for_output "[exit "
  check "SIG$signal: the terminal settings are as before" cmp -s "$work/before" "$work/after"
  check "SIG$signal: the store is intact" test "$(sqlite3 "$store" 'PRAGMA integrity_check')" = ok
  tm kill-server 2>/dev/null
done

# 4. The store cannot grow mid-session (a file size limit, as a full disk):
# a clear message, no crash, what was saved is kept.
store="$work/full.sqlite"
"$binary" quiz --store "$store" < /dev/null > /dev/null # made by a command that writes (stats only reads)
size_kb=$(( ($(stat -c %s "$store") + 1023) / 1024 + 4 ))
new_server
tm new-session -d -x 100 -y 30 -s h \
  "trap '' XFSZ; ulimit -f $((size_kb * 2)); $binary --store $store --no-mouse --seed 3; echo \"[exit \$?]\"" \; set-option -t h remain-on-exit on
wait_for "q quit" >/dev/null
tm send-keys -t h g s
failed_save=0
for _ in $(seq 1 80); do
  screen | grep -q "answer NOT saved" && { failed_save=1; break; }
  before=$(screen)
  bar=$(screen | tail -1)
  case "$bar" in
    *"Space reveal"*) tm send-keys -t h Space; wait_for "How well did you recall" 2 >/dev/null; tm send-keys -t h 3 ;;
    *"Enter check"*) tm send-keys -t h x Enter; wait_for "Saved as" 2 >/dev/null; tm send-keys -t h Enter ;;
    *"1-4 answer"*|*"1/t true"*) tm send-keys -t h 1; wait_for "Saved as" 2 >/dev/null; tm send-keys -t h Enter ;;
    *"Esc close"*) tm send-keys -t h Escape; wait_for "s study" 2 >/dev/null; tm send-keys -t h g s ;;
    *"s study"*) tm send-keys -t h g s ;;
  esac
  # Wait for the screen to change before reading it again.
  for _ in $(seq 1 100); do [ "$(screen)" != "$before" ] && break; pause; done
done
check "a full store shows 'answer NOT saved' on the screen" test "$failed_save" -eq 1
check "and the app is still running" bash -c "pgrep -f 'store $store' > /dev/null"
tm send-keys -t h Escape
wait_for "Session over" >/dev/null
claimed=$(screen | grep -o '[0-9]* answered ·' | grep -o '^[0-9]*')
stored_now=$(sqlite3 "$store" "SELECT count(*) FROM review WHERE reviewed_at >= '$(date -u +%Y-%m-%d)'")
check "the summary claims only what was stored ($claimed answered)" test -n "$claimed" -a "$claimed" -le "$stored_now"
check "and says that an answer was not saved" wait_for "NOT saved"
tm send-keys -t h Escape q
check "it quits cleanly" wait_for_output "[exit 0]"
check "and the store it could write is intact" test "$(sqlite3 "$store" 'PRAGMA integrity_check')" = ok

# 5. Every numeric option of every command is range-checked by the parser. A
# value out of range, not a whole number or past 64 bits is one line naming
# the option, status 2 (never a trap: 132, 134, 139), nothing on stdout and no
# store made; both `--option V` and `--option=V`. The bounds themselves are
# accepted. "-" is the default command (parsed on its own, without the others).
#   OPTION LOW HIGH COMMANDS   (the limits the README documents)
numeric_options=(
  "--questions 1 10000 - open quiz"
  "--new-per-day 0 10000 - open quiz"
  "--exam-questions 1 1000 - open"
  "--exam-minutes 1 1440 - open"
  "--seed 0 18446744073709551615 - open quiz questions"
  "--day-starts-at 0 23 - open quiz stats"
)
int64_min=-9223372036854775808
printf '# Post\n## Topic\n- a fact about things\n' > "$work/tiny.md"
for row in "${numeric_options[@]}"; do
  read -r option low high commands <<< "$row"
  if [ "$option" = --seed ]; then
    # Past bash's arithmetic: listed by hand.
    refused=(-1 "$int64_min" 18446744073709551616 99999999999999999999 abc 1.5 "")
  else
    refused=()
    for value in $((low - 1)) $((high + 1)) 0 -1; do
      [ "$value" -ge "$low" ] && [ "$value" -le "$high" ] && continue
      [[ " ${refused[*]} " == *" $value "* ]] || refused+=("$value")
    done
    refused+=("$int64_min" 9223372036854775807 9223372036854775808 abc 1.5 "")
  fi
  for command in $commands; do
    words=(); [ "$command" != - ] && words=("$command")
    name="awsml-tui${words[*]/#/ }"
    bad=""
    for value in "${refused[@]}"; do
      for form in apart joined; do
        if [ $form = apart ]; then arguments=("$option" "$value"); else arguments=("$option=$value"); fi
        never="$work/never.sqlite"
        "$binary" "${words[@]}" "${arguments[@]}" --store "$never" < /dev/null > "$work/out" 2> "$work/err"
        status=$?
        lines=$(wc -l < "$work/err")
        if [ $status != 2 ] || [ "$lines" != 1 ] || ! grep -q "^awsml-tui: error: .*'$option <" "$work/err" \
           || [ -s "$work/out" ] || [ -e "$never" ]; then
          bad+=" [${arguments[*]}: status $status, $lines stderr lines]"
        fi
        rm -f "$never"*
      done
    done
    shown=(); for value in "${refused[@]}"; do shown+=("${value:-\"\"}"); done
    check "$name $option: ${#refused[@]} bad values (${shown[*]}) refused in one line, status 2$bad" test -z "$bad"
    for value in "$low" "$high"; do
      case "$command" in
        questions) arguments=(questions "$work/tiny.md") ;;
        quiz) arguments=(quiz --store "$work/ok.sqlite") ;;
        stats) arguments=(stats --store "$work/ok.sqlite") ;;
        *) arguments=("${words[@]}" --plain --store "$work/ok.sqlite") ;;
      esac
      "$binary" "${arguments[@]}" "$option" "$value" < /dev/null > /dev/null 2> "$work/err"; status=$?
      check "$name $option $value is accepted" test "$status:$(cat "$work/err")" = "0:"
    done
  done
done
# An existing store is opened early, on another core, while the arguments are
# parsed: a refused value still leaves it as it was (no -wal or -shm beside
# it, the same rows).
kept="$work/kept.sqlite"
"$binary" quiz --store "$kept" < /dev/null > /dev/null
rows=$(sqlite3 "$kept" .dump)
"$binary" --new-per-day=-9223372036854775808 --store "$kept" < /dev/null 2> /dev/null; status=$?
check "a refused value with an existing store: status 2, no -wal or -shm left, the same rows" \
  bash -c "[ $status = 2 ] && [ ! -e '$kept-wal' ] && [ ! -e '$kept-shm' ] && [ \"\$(sqlite3 '$kept' .dump)\" = \"\$1\" ]" - "$rows"
# The highest limits on the full screen: an exam starts and the app goes on.
tm kill-server 2>/dev/null
new_server
tm new-session -d -x 100 -y 30 -s h \
  "$binary --store $work/limits.sqlite --no-mouse --exam-minutes 1440 --exam-questions 1000 --new-per-day 10000 \
   --seed 18446744073709551615; echo '[exit '\$?']'" \; set-option -t h remain-on-exit on
wait_for "q quit" >/dev/null
tm send-keys -t h g x
check "the highest limits: an exam on the whole post starts" wait_for "left · AWS Machine Learning Specialty Bite Size"
tm send-keys -t h Escape Escape q
check "and it quits cleanly" wait_for_output "[exit 0]"
tm kill-server 2>/dev/null

# 6. Our own store with part of its schema gone (a table dropped, a column
# removed by hand): every command that opens it says so in one line naming
# the file, with status 2, and leaves it byte-identical (no -wal or -shm).
# A store with two answers in it, made by a command that writes.
make_store() { printf '1\n1\n' | "$binary" quiz --store "$1" --seed 3 > /dev/null 2>&1; }
# Answers 3 questions of a practice quiz on STORE, one line at a time through
# a pipe, then kills it with SIGKILL while it waits for the fourth: its
# answers are left in the -wal (a quiz fed all its answers at once may end,
# closing the store cleanly, before it is killed).
killed_mid_session() {
  local store=$1 out="$1.plain.txt" pipe="$1.answers" writer pid
  rm -f "$pipe"; mkfifo "$pipe"
  "$binary" quiz --plain --mode practice --seed 6 --store "$store" < "$pipe" > "$out" 2>&1 & pid=$!
  exec {writer}> "$pipe"
  for answered in 1 2 3; do
    printf '1\n' >&"$writer"
    for _ in $(seq 1 500); do [ "$(acked_in "$out")" -ge "$answered" ] && break; pause; done
  done
  kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  exec {writer}>&-
  rm -f "$pipe"
  acked_in "$out"
}
# COMMAND… on STORE: one line on stderr naming it and saying WORDS, status 2,
# nothing on stdout, the file and its folder as they were.
refused_unchanged() {
  local store=$1 words=$2; shift 2
  cp "$store" "$work/before.copy"
  local listing; listing=$(ls "$(dirname "$store")")
  "$binary" "$@" --store "$store" < /dev/null > "$work/out" 2> "$work/err"; local status=$?
  [ "$status" = 2 ] && [ "$(wc -l < "$work/err")" = 1 ] && [ ! -s "$work/out" ] \
    && grep -qF "awsml-tui: error: $store: $words" "$work/err" \
    && cmp -s "$store" "$work/before.copy" && [ "$(ls "$(dirname "$store")")" = "$listing" ] \
    || { echo "  $*: status $status; $(head -c 300 "$work/err")"; return 1; }
}
for damage in "DROP TABLE review:table review" "ALTER TABLE review DROP COLUMN kind:column review.kind" \
              "ALTER TABLE card DROP COLUMN lapses:column card.lapses"; do
  sql=${damage%%:*}; missing=${damage#*:}
  mkdir -p "$work/schema"; store="$work/schema/progress.sqlite"; rm -rf "$work/schema"/*
  make_store "$store"
  sqlite3 "$store" "$sql"
  for command in stats "export --format json" "export --format csv" quiz; do
    # shellcheck disable=SC2086
    check "$sql: $command refuses it in one line, status 2, the file as it was" \
      refused_unchanged "$store" "is damaged: its schema lacks $missing" $command
  done
done

# 7. stats and export only read: the store's bytes and its folder stay as they
# were (no migration, no daily backup, no checkpoint), with answers still in a
# -wal left by a process killed with SIGKILL too, and with a store of an older
# schema (read through a migrated copy in memory).
mkdir -p "$work/read"; store="$work/read/progress.sqlite"
make_store "$store"
rm -rf "$work/read/backups"
# The same bytes and the same folder listing after COMMAND…
reads_only() {
  cp "$store" "$work/read.copy"; [ -e "$store-wal" ] && cp "$store-wal" "$work/read.wal"
  local listing; listing=$(ls -a "$work/read")
  "$binary" "$@" --store "$store" > "$work/out" 2> "$work/err" < /dev/null; local status=$?
  [ "$status" = 0 ] && [ ! -s "$work/err" ] && cmp -s "$store" "$work/read.copy" \
    && { [ ! -e "$store-wal" ] || cmp -s "$store-wal" "$work/read.wal"; } && [ "$(ls -a "$work/read")" = "$listing" ] \
    || { echo "  $*: status $status; $(head -c 300 "$work/err"); $(ls -a "$work/read" | tr '\n' ' ')"; return 1; }
}
for command in stats "stats --json" "export --format json" "export --format csv"; do
  # shellcheck disable=SC2086
  check "$command leaves the store byte-identical, makes no backup and leaves no file beside it" reads_only $command
done
check "and stats reports its answers" grep -q "(2 reviews logged)" <(reads_only stats; cat "$work/out")
# Answers still in the -wal of a process killed with SIGKILL.
acked=$(killed_mid_session "$store")
check "after a SIGKILL the answers are in a -wal beside the store ($acked acknowledged)" test -s "$store-wal" -a "$acked" = 3
for command in stats "export --format json"; do
  # shellcheck disable=SC2086
  check "$command with a -wal left by SIGKILL: the store and the -wal byte-identical" reads_only $command
done
check "and stats counts the answers in the -wal" \
  bash -c "'$binary' stats --store '$store' | head -1 | grep -qE '\(([0-9]+) reviews logged\)' && [ \$('$binary' stats --store '$store' | head -1 | grep -oE '[0-9]+ reviews' | grep -oE '[0-9]+') -ge $((2 + acked)) ]"
# A store of an older schema (before v7-post-outlines, the newest): read, not
# migrated.
older_schema() { # STORE: takes the newest migration back out of it
  sqlite3 "$1" "DROP TABLE post_outline; DROP TABLE post_outline_text; DELETE FROM grdb_migrations WHERE identifier = 'v7-post-outlines'"
}
make_store "$work/read/old.sqlite"; rm -rf "$work/read/backups"
older_schema "$work/read/old.sqlite"
store="$work/read/old.sqlite"
check "stats on a store of an older schema: read as it is, not migrated, no backup" reads_only stats
check "and it reports its answers" grep -q "(2 reviews logged)" "$work/out"
"$binary" quiz --store "$store" < /dev/null > /dev/null 2>&1
check "a command that writes migrates it, with a copy kept first" \
  bash -c "sqlite3 '$store' \"SELECT count(*) FROM grdb_migrations WHERE identifier = 'v7-post-outlines'\" | grep -qx 1 \
    && ls '$work/read/backups' | grep -q '^old.sqlite.before-migration-'"

# 7b. stats reads a post's outline from the store instead of parsing it when
# the post's bytes (and the build) are those a command that writes last
# loaded: the same output either way, and any edit, even one that keeps the
# size and the modification time, is parsed again.
mkdir -p "$work/outline"; store="$work/outline/progress.sqlite"; post="$work/outline/notes.md"
"$binary" init "$post" > /dev/null 2>&1
outline_count() { sqlite3 "$store" "SELECT count(*) FROM post_outline"; }
printf '1\n2\n1\n' | "$binary" quiz --store "$store" --seed 5 "$post" > /dev/null 2>&1
check "a command that writes keeps the post's outline in the store" test "$(outline_count)" = 1
"$binary" stats --store "$store" "$post" > "$work/outline/before.txt" 2>&1
sqlite3 "$store" ".backup '$work/outline/p.sqlite'"
sqlite3 "$work/outline/p.sqlite" "DELETE FROM post_outline; DELETE FROM post_outline_text"
"$binary" stats --store "$work/outline/p.sqlite" "$post" | sed "s|$work/outline/p.sqlite|$store|" > "$work/outline/reparsed.txt" 2>&1
check "stats from the outline prints what stats from the parsed post prints" \
  bash -c "grep -q 'reviews logged' '$work/outline/before.txt' && cmp -s '$work/outline/before.txt' '$work/outline/reparsed.txt'"
"$binary" stats --json --store "$store" "$post" > "$work/outline/before.json" 2>&1
"$binary" stats --json --store "$work/outline/p.sqlite" "$post" | sed "s|$work/outline/p.sqlite|$store|" > "$work/outline/reparsed.json" 2>&1
check "and so does stats --json" cmp -s "$work/outline/before.json" "$work/outline/reparsed.json"
sqlite3 "$store" ".backup '$work/outline/marked.sqlite'"
sqlite3 "$work/outline/marked.sqlite" "UPDATE post_outline SET title = 'Read from the outline'"
check "(stats does read the outline: a title changed in the store shows)" \
  bash -c "'$binary' stats --store '$work/outline/marked.sqlite' '$post' | grep -q '^Read from the outline: '"
# A word of a studied fact changed in place (same length), then the old
# modification time put back: the post is parsed again, the studied fact is
# new, and the figures are those of a store with no outline at all.
touch -r "$post" "$work/outline/stamp"
word=$(sqlite3 "$store" "SELECT text FROM card JOIN fact_text USING (fact_id) LIMIT 1" | tr -c 'A-Za-z' '\n' | awk 'length > 4' | head -1)
python3 - "$post" "$word" <<'PY'
import sys
path, word = sys.argv[1:]
text = open(path, encoding="utf-8").read()
assert word and word in text
swapped = word[:-1] + ("q" if word[-1] != "q" else "z")
open(path, "w", encoding="utf-8").write(text.replace(word, swapped))
PY
touch -r "$work/outline/stamp" "$post"
"$binary" stats --json --store "$store" "$post" > "$work/outline/edited.json" 2>&1
"$binary" stats --json --store "$work/outline/p.sqlite" "$post" | sed "s|$work/outline/p.sqlite|$store|" > "$work/outline/edited-parsed.json" 2>&1
check "an edit that keeps the size and the time is parsed again ('$word' changed): the studied fact is new" \
  python3 -c "
import json, sys
before, after = (json.load(open(f))['decks'][0]['cards']['new'] for f in sys.argv[1:3])
assert after > before, (before, after)
" "$work/outline/before.json" "$work/outline/edited.json"
check "and its figures are those of the post parsed" cmp -s "$work/outline/edited.json" "$work/outline/edited-parsed.json"
check "and stats wrote nothing: the store still holds the old outline only" test "$(outline_count)" = 1

# 7c. The full screen keeps the post's outline (and the day's copy) on a
# thread of its own after its first frame (StoreUpkeep): the outline gets
# there with nobody pressing a key, and stats reads it; quitting at the
# first frame ends cleanly and leaves the store whole, with no -wal or -shm.
mkdir -p "$work/upkeep"; store="$work/upkeep/progress.sqlite"; post="$work/upkeep/notes.md"
"$binary" init "$post" > /dev/null 2>&1
# until COMMAND…: polls COMMAND until it succeeds, for up to 10 s.
until_true() { local deadline=$((SECONDS + 10)); while [ $SECONDS -lt $deadline ]; do "$@" && return 0; pause; done; return 1; }
upkeep_outlines() { [ "$(sqlite3 "$store" "SELECT count(*) FROM post_outline" 2>/dev/null)" = 1 ]; }
tm kill-server 2>/dev/null
new_server
tm new-session -d -x 100 -y 30 -s h "$binary --store $store --no-mouse $post; echo '[exit '\$?']'" \; set-option -t h remain-on-exit on
wait_for "q quit" >/dev/null
tm send-keys -t h q
check "the full screen quit at its first frame ends cleanly" wait_for_output "[exit 0]"
check "and leaves the store whole, with no -wal or -shm beside it" \
  bash -c "[ ! -e '$store-wal' ] && [ ! -e '$store-shm' ] && [ \"\$(sqlite3 '$store' 'PRAGMA quick_check')\" = ok ]"
tm kill-server 2>/dev/null
new_server
rm -f "$store" "$store-wal" "$store-shm"
tm new-session -d -x 100 -y 30 -s h "$binary --store $store --no-mouse $post; echo '[exit '\$?']'" \; set-option -t h remain-on-exit on
wait_for "q quit" >/dev/null
check "the post's outline is kept after the first frame with nobody pressing a key" until_true upkeep_outlines
tm send-keys -t h q
check "and it quits cleanly" wait_for_output "[exit 0]"
sqlite3 "$store" "UPDATE post_outline SET title = 'Kept off the run loop'"
check "stats reads that outline" bash -c "'$binary' stats --store '$store' '$post' | grep -q '^Kept off the run loop: '"
tm kill-server 2>/dev/null

# 8. A backups folder that cannot take a copy (a file in its place, or
# read-only) does not stop a good store: quiz answers and says so in one
# warning line on stderr; the full screen says it in its status bar. A store
# reached through a symbolic link keeps its backups beside the real file.
backup_case() { # NAME: a store in $work/bk-NAME with a good store made first
  rm -rf "$work/bk-$1"; mkdir -p "$work/bk-$1"; make_store "$work/bk-$1/progress.sqlite"; rm -rf "$work/bk-$1/backups"
}
# quiz on STORE answers twice, exits 0, and warns once about FOLDER saying WORDS.
answers_with_warning() {
  local store=$1 words=$2 before after
  before=$(sqlite3 "$store" 'SELECT count(*) FROM review')
  printf '1\n1\n' | "$binary" quiz --store "$store" --seed 4 > "$work/out" 2> "$work/err"; local status=$?
  after=$(sqlite3 "$store" 'SELECT count(*) FROM review')
  [ "$status" = 0 ] && [ "$after" = $((before + 2)) ] && [ "$(wc -l < "$work/err")" = 1 ] \
    && grep -qF "awsml-tui: warning: $store: no backup was made: $words" "$work/err" \
    || { echo "  status $status, $before -> $after reviews; $(cat "$work/err")"; return 1; }
}
backup_case file; printf 'keep me\n' > "$work/bk-file/backups"
check "backups is a file: quiz works and warns in one line" \
  answers_with_warning "$work/bk-file/progress.sqlite" "$work/bk-file/backups is not a folder"
check "and the file named backups is left as it was" test "$(cat "$work/bk-file/backups")" = "keep me"
check "stats reads that store without a word" \
  bash -c "'$binary' stats --store '$work/bk-file/progress.sqlite' 2>&1 >/dev/null | grep -c . | grep -qx 0"
backup_case readonly; mkdir "$work/bk-readonly/backups"; chmod 555 "$work/bk-readonly/backups"
check "backups is read-only: quiz works and warns in one line" \
  answers_with_warning "$work/bk-readonly/progress.sqlite" "$work/bk-readonly/backups is read-only"
check "and nothing was written into it" test -z "$(ls -A "$work/bk-readonly/backups")"
chmod 755 "$work/bk-readonly/backups"
backup_case link; mkdir "$work/bk-link/real"; mv "$work/bk-link/progress.sqlite" "$work/bk-link/real/mine.sqlite"
ln -s real/mine.sqlite "$work/bk-link/progress.sqlite"
printf '1\n' | "$binary" quiz --store "$work/bk-link/progress.sqlite" --seed 4 > /dev/null 2> "$work/err"; status=$?
check "a symbolic link to the store: quiz works without a warning" test "$status:$(cat "$work/err")" = "0:"
check "and today's copy is beside the real file, named after it" \
  test -f "$work/bk-link/real/backups/mine.sqlite.daily-$(date -u +%Y-%m-%d).sqlite" -a ! -e "$work/bk-link/backups"
check "the link is still a link" test -L "$work/bk-link/progress.sqlite"
# A store that needs a schema migration is not migrated without its copy:
# refused in one line, left as it was.
backup_case migrate; printf 'keep me\n' > "$work/bk-migrate/backups"
older_schema "$work/bk-migrate/progress.sqlite"
check "a store to migrate, backups a file: quiz refuses it in one line, status 2, the file as it was" \
  refused_unchanged "$work/bk-migrate/progress.sqlite" \
  "needs its schema brought up to this awsml-tui's, which is done only after a copy is kept, and no copy can be made: $work/bk-migrate/backups is not a folder" quiz
# The full screen: the warning in the status bar, the app usable.
tm kill-server 2>/dev/null
new_server
tm new-session -d -x 120 -y 30 -s h "$binary --store $work/bk-file/progress.sqlite --no-mouse; echo '[exit '\$?']'" \
  \; set-option -t h remain-on-exit on
check "backups is a file: the full screen starts and says so in its status bar" \
  wait_for "warning: no backup made: $work/bk-file/backups is not a folder"
tm send-keys -t h j
gone() { local deadline=$((SECONDS + 10)); while [ $SECONDS -lt $deadline ]; do ! screen | grep -qF -- "$1" && return 0; pause; done; return 1; }
check "the message goes at the next key, and the app goes on" bash -c "$(declare -f gone screen tm pause); socket=$socket; gone 'warning: no backup' && screen | grep -qF 'q quit'"
tm send-keys -t h q
check "and it quits cleanly" wait_for_output "[exit 0]"
tm kill-server 2>/dev/null

# 9. A damaged -wal: SQLite drops every answer after the damage without a
# word. Answers left in the -wal by a SIGKILL, one byte of its first frame
# flipped: stats warns (and leaves it all as it is), quiz warns and keeps the
# file and its -wal as they were in backups/, the full screen says it in its
# status bar.
walcase() { # a store in $work/wal-$1 with answers only in its -wal
  local dir="$work/wal-$1"; rm -rf "$dir"; mkdir -p "$dir"
  killed_mid_session "$dir/progress.sqlite" > /dev/null
  # One byte of the first frame's page: after the 32-byte header and the 24-byte frame header.
  printf '\377' | dd of="$dir/progress.sqlite-wal" bs=1 seek=156 conv=notrunc 2>/dev/null
}
walcase stats; store="$work/wal-stats/progress.sqlite"
cp "$store-wal" "$work/wal.copy"
"$binary" stats --store "$store" > "$work/out" 2> "$work/err"; status=$?
check "a damaged -wal: stats says the answers after the damage are lost, in one warning line, status 0" \
  bash -c "[ $status = 0 ] && [ \$(wc -l < '$work/err') = 1 ] && grep -qE '^awsml-tui: warning: $store: its -wal is damaged: the last [0-9]+ changes written to it \(answers, grades, undos\) cannot be read and are lost' '$work/err'"
check "and leaves the -wal as it was" cmp -s "$store-wal" "$work/wal.copy"
walcase quiz; store="$work/wal-quiz/progress.sqlite"
cp "$store-wal" "$work/wal.copy"
printf '1\n' | "$binary" quiz --store "$store" --seed 4 > /dev/null 2> "$work/err"; status=$?
check "quiz on it warns in one line and goes on" \
  bash -c "[ $status = 0 ] && [ \$(wc -l < '$work/err') = 1 ] && grep -q 'its -wal is damaged: .* are kept in $work/wal-quiz/backups/progress.sqlite.damaged-wal-' '$work/err'"
check "and the damaged -wal is kept in backups/ as it was" \
  cmp -s "$work/wal.copy" "$(ls "$work/wal-quiz/backups/"progress.sqlite.damaged-wal-*.sqlite-wal)"
check "the next run says nothing more" bash -c "printf '1\n' | '$binary' quiz --store '$store' --seed 5 2>&1 >/dev/null | grep -c . | grep -qx 0"
walcase screen; store="$work/wal-screen/progress.sqlite"
tm kill-server 2>/dev/null
new_server
tm new-session -d -x 120 -y 30 -s h "$binary --store $store --no-mouse; echo '[exit '\$?']'" \; set-option -t h remain-on-exit on
check "the full screen says it in its status bar" wait_for "warning: the -wal is damaged: the last "
tm send-keys -t h q
check "and quits cleanly" wait_for_output "[exit 0]"
tm kill-server 2>/dev/null

# 10. Output that cannot be written (a full disk: /dev/full). Every command
# that prints says so in one line and exits 2, never 0 with its output lost.
full_disk_line="awsml-tui: error: standard output: cannot be written: No space left on device"
store_option="--store $work/full-output.sqlite"
for words in "check" "check --json" "questions" "questions --json" "stats $store_option" \
             "stats --json $store_option" "quiz $store_option" "--plain $store_option" "--help"; do
  read -r -a arguments <<< "$words"
  printf '1\n1\n' | "$binary" "${arguments[@]}" > /dev/full 2> "$work/err"; status=$?
  check "awsml-tui ${words% --store *} > /dev/full: status 2 and one line" \
    test "$status:$(cat "$work/err")" = "2:$full_disk_line"
done

# 11. Names that cannot drive the terminal: a post file name, a --store path
# and a --topic holding ESC, BEL and a newline, and a name that is not UTF-8.
# Every line printed shows them with U+FFFD (as the screen does) and an error
# stays one line.
controls_in() { LC_ALL=C grep -cP '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; }
fffd=$'\xef\xbf\xbd'
# ESC ] starts a title change, BEL ends it; U+009B is the one-byte CSI of C1.
post="$work/inj"$'\e]0;owned\a\n\xc2\x9bline.md'
shown="$work/inj$fffd]0;owned$fffd$fffd${fffd}line.md"
# (No front matter title and no level-1 heading: the file name titles the deck.)
printf '## Post\n### Topic\n- a fact about things\n- another fact about things\n- a fact about things\n' > "$post"
"$binary" check "$post" > "$work/out" 2> "$work/err"; status=$?
check "check: a deck titled by a file name with ESC, BEL and a newline shows them as U+FFFD" \
  test "$status:$(controls_in "$work/out"):$(head -2 "$work/out")" \
     = "0:0:inj$fffd]0;owned$fffd$fffd${fffd}line"$'\n'"  file: $shown"
check "and its warning is one line naming the file" \
  test "$(tail -1 "$work/out")" = "$shown:5: warning: duplicated fact (also on line 3): a fact about things"
"$binary" check --json "$post" > "$work/out"
check "check --json: no raw control" test "$(controls_in "$work/out")" = 0
check "and the file name is exact once parsed" \
  python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["decks"][0]["file"] == sys.argv[2]' "$work/out" "$post"
weird_store="$work/st"$'\e[2J\n\xc2\x9bx.sqlite'
"$binary" stats "$post" --store "$weird_store" > "$work/out" 2> "$work/err"; status=$?
check "stats: the store path and the title are one line each, controls as U+FFFD" \
  test "$status:$(controls_in "$work/out"):$(head -2 "$work/out")" \
     = "0:0:Progress: $work/st$fffd[2J$fffd${fffd}x.sqlite (0 reviews logged)"$'\n'"inj$fffd]0;owned$fffd$fffd${fffd}line: 3 facts"
"$binary" stats --json "$post" --store "$weird_store" > "$work/out"
check "stats --json: no raw control" test "$(controls_in "$work/out")" = 0
printf 'q\n' | "$binary" quiz "$post" --mode practice --seed 1 --store "$weird_store" > "$work/out" 2> "$work/err"; status=$?
check "plain mode: the deck's title as U+FFFD, no control in the transcript" \
  test "$status:$(controls_in "$work/out"):$(head -1 "$work/out")" = "0:0:Practice · inj$fffd]0;owned$fffd$fffd${fffd}line"
printf '' | "$binary" quiz "$post" --topic $'Top\e[31mic\nX' --store "$weird_store" > "$work/out" 2> "$work/err"; status=$?
check "an unknown --topic with controls: one error line, controls as U+FFFD" \
  test "$status:$(cat "$work/err")" = "2:awsml-tui: error: no topic \"Top$fffd[31mic${fffd}X\"; \`awsml-tui check\` lists them"
"$binary" check "$work/missing"$'\e[2J\a\nx.md' > "$work/out" 2> "$work/err"; status=$?
check "a missing file with controls in its name: one error line" \
  test "$status:$(cat "$work/err")" = "2:awsml-tui: error: $work/missing$fffd[2J$fffd${fffd}x.md: no such file"
printf 'not a store\n' > "$work/bad"$'\e[2J\n.sqlite'
"$binary" stats --store "$work/bad"$'\e[2J\n.sqlite' > "$work/out" 2> "$work/err"; status=$?
check "a --store that is refused, controls in its name: one error line naming it" \
  test "$status:$(wc -l < "$work/err"):$(controls_in "$work/err"):$(grep -cF "error: $work/bad$fffd[2J$fffd.sqlite: " "$work/err")" = 2:1:0:1
latin1="$work/caf"$'\xe9'".md"
printf '## Post\n### Topic\n- a fact about things\n' > "$latin1"
"$binary" check "$latin1" > "$work/out" 2> "$work/err"; status=$?
check "a file named in Latin-1 (caf\\xe9.md) loads, shown with U+FFFD" \
  test "$status:$(head -2 "$work/out")" = "0:caf$fffd"$'\n'"  file: $work/caf$fffd.md"
"$binary" check "$work/caf"$'\xe8'".md" > "$work/out" 2> "$work/err"; status=$?
check "and one that does not exist is 'no such file', shown the same way" \
  test "$status:$(cat "$work/err")" = "2:awsml-tui: error: $work/caf$fffd.md: no such file"
"$binary" stats --store "$work/caf"$'\xe9'".sqlite" > "$work/out" 2> "$work/err"; status=$?
check "a --store path that is not UTF-8 is refused in one line, and no store is made" \
  bash -c "[ '$status:$(cat "$work/err")' = '2:awsml-tui: error: $work/caf$fffd.sqlite: cannot be the progress file: its name is not UTF-8 text' ] && ! ls '$work' | grep -q 'caf.*sqlite'"

# 12. A front matter date that is no day of the calendar is refused with a
# warning naming the file and line; a post given twice is loaded once, with
# one warning line naming it.
printf -- '---\ntitle: Dated\ndate: 2024-13-45\n---\n# Post\n## Topic\n- a fact about things\n' > "$work/dated.md"
"$binary" check "$work/dated.md" > "$work/out" 2> "$work/err"; status=$?
check "date: 2024-13-45 is refused: a warning at its line, no date printed, status 0" \
  test "$status:$(grep -c '^  date:' "$work/out"):$(grep ': warning: ' "$work/out")" \
     = "0:0:$work/dated.md:3: warning: date \"2024-13-45\" is not a day of the calendar (YYYY-MM-DD): the post has no date"
check "and neither check --json nor export carries it" \
  bash -c "'$binary' check --json '$work/dated.md' | grep -q '\"date\":null' && ! '$binary' export --format json --store '$work/dated.sqlite' '$work/dated.md' | grep -q 2024-13-45"
printf '# Post\n## Topic\n- a fact about things\n' > "$work/twice.md"
"$binary" check "$work/twice.md" "$work/twice.md" > "$work/out" 2> "$work/err"; status=$?
"$binary" check "$work/twice.md" > "$work/once"
check "a post given twice is loaded once: the report of one post, status 0" cmp -s "$work/once" "$work/out"
check "with one warning line naming it" \
  test "$status:$(cat "$work/err")" = "0:awsml-tui: warning: $work/twice.md: given more than once; loaded once"
ln -s "$work/twice.md" "$work/twice-link.md"
"$binary" stats --json --store "$work/twice.sqlite" "$work/twice.md" "$work/twice-link.md" "$work/twice.md" > "$work/out" 2> "$work/err"
check "the same file by another path too (stats: one deck, one warning line)" \
  test "$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["decks"]))' "$work/out"):$(cat "$work/err")" \
     = "1:awsml-tui: warning: $work/twice-link.md: the same file as $work/twice.md; loaded once"

# 13. Wide and joined characters: a post whose topic titles and facts are full
# of clusters terminals measure each in their own way (joined emoji, VS16,
# flags, keycaps, skin tones, tags, zero width spaces). Its twin, the same
# post with each cluster replaced by as many "x" as the columns it should
# take, is driven beside it with the same keys: on every screen each row's
# box-drawing characters, `›` markers and scroll arrows must be in the twin's
# columns (measured with the C library's wcwidth, as tmux does), and no
# scalar terminals disagree on may reach the terminal.
tm kill-server 2>/dev/null
seed=${WIDE_SEED:-$RANDOM}
echo "info - wide characters: cluster post seed $seed (WIDE_SEED=$seed replays it)"
python3 - "$seed" "$work/clusters.md" "$work/twin.md" <<'POST'
import random, sys
seed, clusters_path, twin_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(seed)
# Each cluster and the columns it should take: the width every terminal
# agrees on (a joined sequence as its first picture, VS16 and skin tones
# dropped, a flag as two letters, a keycap as its key, zero width as none).
clusters = {"👩‍💻": 2, "👨‍🎓": 2, "👨‍👩‍👧‍👦": 2, "👩‍❤️‍👨": 2, "⬆️": 1, "❣️": 1, "🛍️": 1, "❤️‍🔥": 1, "🏳️‍🌈": 1,
            "🇯🇵": 2, "🇺🇸": 2, "1️⃣": 1, "#️⃣": 1, "👍🏽": 2,
            "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F": 2,
            "\u200b": 0, "\u2060": 0, "\u00ad": 0, "☕︎": 2, "e\u0301": 1, "機": 2}
names = list(clusters)
def text(words):
    out = []
    for _ in range(words):
        word = rng.choice(["Associate", "graduates", "learn", "flags", "keys", "family", "topic", "more"])
        glued = [rng.choice(names) for _ in range(rng.randint(1, 3))]
        side = rng.randint(0, 2)  # before the word, after it, or both
        out.append((glued if side != 1 else [], word, glued if side != 0 else []))
    return out
def render(words, twin):
    glue = (lambda g: "x" * sum(clusters[c] for c in g)) if twin else (lambda g: "".join(g))
    return " ".join(glue(before) + word + glue(after) for before, word, after in words)
heading, section = text(1), text(2)
lines = {twin: [f"# {render(heading, twin)} deck", "", f"## {render(section, twin)} of clusters", ""] for twin in (False, True)}
for topic in range(24):
    title = text(3)
    # The first topic (selected at start) has more facts than the detail
    # shows at once, so it scrolls.
    facts = [text(rng.randint(6, 14)) for _ in range(30 if topic == 0 else 3)]
    for twin in (False, True):
        lines[twin].append(f"### {render(title, twin)} {topic}")
        lines[twin] += [f"- {render(fact, twin)}" for fact in facts]
        lines[twin].append("")
open(clusters_path, "w").write("\n".join(lines[False]))
open(twin_path, "w").write("\n".join(lines[True]))
POST
cat > "$work/columns.py" <<'PY'
# columns.py SCREEN TWIN: compares two captured screens row by row: the
# columns of box-drawing characters, scroll arrows and `›` markers, measured as tmux does
# (the C library's wcwidth, -1 counted as 1). Prints each difference.
import ctypes, locale, sys
locale.setlocale(locale.LC_ALL, "C.UTF-8")
libc = ctypes.CDLL(None)
libc.wcwidth.argtypes = [ctypes.c_wchar]
def width(c):
    w = libc.wcwidth(c)
    return 1 if w < 0 else w
def is_box(c):
    return 0x2500 <= ord(c) <= 0x257F
def marks(line):
    # Box-drawing characters, scroll arrows, and the selection marker `›`
    # right after a border or a border and a space (not the `›` between a
    # path's parts).
    column, found = 0, []
    for index, c in enumerate(line):
        if is_box(c) or c in "↑↓" or (c == "›" and index >= 2 and (is_box(line[index - 1])
                                                              or (line[index - 1] == " " and is_box(line[index - 2])))):
            found.append((column, c))
        column += width(c)
    return found
# Scalars whose width terminals disagree on: none may reach the terminal.
def disputed(c):
    v = ord(c)
    return (v in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x20E3) or 0xFE00 <= v <= 0xFE0F
            or 0x1F1E6 <= v <= 0x1F1FF or 0x1F3FB <= v <= 0x1F3FF or 0xE0000 <= v <= 0xE007F)
screen, twin = (open(path, encoding="utf-8").read().split("\n") for path in sys.argv[1:3])
bad = 0
for row, (line, reference) in enumerate(zip(screen, twin)):
    if marks(line) != marks(reference):
        bad += 1
        print(f"  row {row}: {marks(line)}\n   twin: {marks(reference)}\n   text: {line}")
    shown = [f"U+{ord(c):04X}" for c in line if disputed(c)]
    if shown:
        bad += 1
        print(f"  row {row}: reached the terminal: {' '.join(shown)}\n   text: {line}")
sys.exit(1 if bad else 0)
PY
new_server # one server for both sessions, side by side
for name in clusters twin; do
  tm new-session -d -x 100 -y 30 -s "$name" "XDG_DATA_HOME=$work/data-$name $binary $work/$name.md --no-mouse"
done
pane() { tm capture-pane -p -t "$1" 2>/dev/null; }
both_show() {
  local deadline=$((SECONDS + 10))
  while [ $SECONDS -lt $deadline ]; do
    pane clusters | grep -qF -- "$1" && pane twin | grep -qF -- "$1" && return 0; pause
  done
  return 1
}
screens=0; misplaced=0; report=""
# Sends KEY to both and waits until each screen has changed (a key that
# changes nothing counts as a failure: the walk did not go where it meant to).
press_both() {
  local before_clusters before_twin; before_clusters=$(pane clusters); before_twin=$(pane twin)
  tm send-keys -t clusters "$@"; tm send-keys -t twin "$@"
  local deadline=$((SECONDS + 10))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(pane clusters)" != "$before_clusters" ] && [ "$(pane twin)" != "$before_twin" ] && return 0; pause
  done
  misplaced=$((misplaced + 1)); report+="the key $* changed nothing on one of the screens"$'\n'
  return 1
}
# Compares the two screens; a difference must last (a capture can catch
# tmux halfway through a frame), so it is read again until a deadline.
compare() {
  screens=$((screens + 1))
  local out deadline=$((SECONDS + 3))
  while :; do
    pane clusters > "$work/screen"; pane twin > "$work/reference"
    out=$(python3 "$work/columns.py" "$work/screen" "$work/reference") && return 0
    [ $SECONDS -lt $deadline ] || break
    pause
  done
  misplaced=$((misplaced + 1))
  [ -z "$report" ] && report="after $1:"$'\n'"$out"$'\n'
}
both_show "q quit"
compare "the first frame"
press_both Tab; compare "Tab to the facts"
for _ in $(seq 1 29); do press_both j; compare "moving down the first topic's 30 facts"; done
press_both g; compare "the first fact"
press_both h; compare "back to the tree"
for _ in $(seq 1 23); do press_both j; compare "moving down the tree"; done # from the first topic to the last
check "scrolling through a post of clusters: every border and marker in its column ($screens screens)" \
  test "$misplaced" -eq 0
[ "$misplaced" -eq 0 ] || printf '%s' "$report"
misplaced=0; report=""
press_both '?'
both_show "any key closes"
compare "opening help"
check "help over it: its borders and the panes' in their columns" test "$misplaced" -eq 0
[ "$misplaced" -eq 0 ] || printf '%s' "$report"
misplaced=0; report=""
press_both x
compare "closing help"
press_both k; compare "moving after help"
check "help closed: nothing of it is left and every border is in its column" test "$misplaced" -eq 0
[ "$misplaced" -eq 0 ] || printf '%s' "$report"
misplaced=0; report=""
tm send-keys -t clusters C-l; tm send-keys -t twin C-l
press_both k; compare "Ctrl-L"
press_both Tab; compare "Ctrl-L and Tab"
check "after Ctrl-L every border is in its column" test "$misplaced" -eq 0
[ "$misplaced" -eq 0 ] || printf '%s' "$report"
tm kill-server 2>/dev/null

# 14. The mouse past column 223. X10 mouse reports (all ncurses asks for under
# tmux's TERM=screen) cannot say a column past 223: tmux sent such a click as
# column 223. The app asks for SGR reports (mode 1006) and reads them. A real
# click path: an outer tmux (678 columns, so the tree ends at column 226)
# runs a client of the inner tmux where the app runs; an SGR report typed
# into the outer pane is a mouse event to the inner tmux, which passes it to
# the app in the encoding the app asked for. The tmux pane's mode flags show
# the mode is off again after Ctrl-Z, q, SIGTERM and a crash.
tm kill-server 2>/dev/null
inner() { tmux -L "$socket-inner" -f /dev/null "$@"; }
outer() { tmux -L "$socket-outer" -f /dev/null "$@"; }
app_screen() { inner capture-pane -p -t app 2>/dev/null; }
app_shows() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -lt $deadline ]; do app_screen | grep -qF -- "$1" && return 0; pause; done
  return 1
}
# mouse_modes: the app pane's SGR and click-report flags, "sgr=1 x10=1" while the app runs.
mouse_modes() { inner display-message -p -t app 'sgr=#{mouse_sgr_flag} x10=#{mouse_standard_flag}'; }
modes_become() {
  local deadline=$((SECONDS + 10))
  while [ $SECONDS -lt $deadline ]; do [ "$(mouse_modes)" = "$1" ] && return 0; pause; done
  echo "  mouse modes: $(mouse_modes), expected $1"; return 1
}
# click COLUMN ROW (counted from 1), through the outer terminal.
click() { outer send-keys -t outer -l $'\e[<0;'"$1;$2"$'M\e[<0;'"$1;$2"'m'; }
mouse_store="$work/mouse.sqlite"
run_app() { inner send-keys -t app "XDG_DATA_HOME=$work/data-mouse $binary --store $mouse_store" Enter; app_shows "q quit"; }
inner new-session -d -x 678 -y 30 -s app "bash --norc --noprofile -i" \; set-option -g status off
outer new-session -d -x 678 -y 30 -s outer "TMUX= tmux -L $socket-inner -f /dev/null attach -t app" \; set-option -g status off
for _ in $(seq 1 200); do [ "$(inner display-message -p -t app '#{pane_width}x#{pane_height}')" = 678x30 ] && break; pause; done
inner send-keys -t app "PS1='prompt$ '" Enter
run_app
check "the app asks for SGR mouse reports" modes_become "sgr=1 x10=1"
click 5 7   # the tree row of "AWS Glue Data Catalog"
check "a click at column 5 selects a tree row" app_shows "Contains references to data used in ETL jobs"
click 230 8   # the third fact's line in the detail; column 223 there is the tree
check "a click at column 230 lands on the fact drawn there" app_shows "› Serves as an index for location"
check "and not on the tree row beside column 223" bash -c "$(declare -f inner app_screen); socket='$socket'; app_screen | grep -qF '│›    · AWS Glue Data Catalog'"
outer send-keys -t outer -l $'\e[<65;400;10M'   # the wheel down over the detail, column 400
check "the wheel at column 400 scrolls the detail" app_shows "› Information stored as metadata tables"
inner send-keys -t app C-z
app_shows "Stopped" >/dev/null
check "Ctrl-Z: the shell gets the terminal without mouse reports" modes_become "sgr=0 x10=0"
inner send-keys -t app fg Enter
app_shows "q quit" >/dev/null
check "fg: SGR reports are on again" modes_become "sgr=1 x10=1"
click 230 6
check "and a click at column 230 still lands" app_shows "› Contains references to data used in ETL jobs"
inner send-keys -t app q
check "q turns the mouse reports off" modes_become "sgr=0 x10=0"
for signal in TERM SEGV; do
  run_app
  modes_become "sgr=1 x10=1" >/dev/null
  kill -s "$signal" "$(pgrep -n -f -- "--store $mouse_store")"
  check "SIG$signal turns the mouse reports off" modes_become "sgr=0 x10=0"
done
inner kill-server 2>/dev/null; outer kill-server 2>/dev/null

finish hardening
