#!/usr/bin/env bash
# Store tests across processes: a writer killed with SIGKILL at random moments
# loses nothing it acknowledged and leaves an intact file; two writers at once
# both finish and lose nothing; several writers answering the same facts build
# on each other's answers (each card counts every study answer). Waits poll
# for a condition (a count of acknowledged answers), never a fixed time.
#
#   Tests/EndToEnd/store.sh [BUILD_DIR]     (default .build/debug)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib/checks.sh"

build=$(realpath "${1:-.build/debug}")
writer="$build/ProgressWriter"
app="$build/awsml-tui"
work=$(mktemp -d /tmp/awsml-store.XXXXXX)
# stats keeps its record of stores checked here, not in the user's cache.
export XDG_CACHE_HOME="$work/cache"
trap 'rm -rf "$work"' EXIT


for program in "$writer" "$app"; do
  [ -x "$program" ] || { echo "FAIL - $program is not built"; echo "store: 0 passed, 1 failed"; exit 1; }
done


# Every id after "ack " in FILE is a row of the review table of STORE.
all_acknowledged_kept() {
  local store=$1 acks=$2 expected kept
  expected=$(grep -c '^ack ' "$acks")
  [ "$expected" -eq 0 ] && return 0
  kept=$(sqlite3 "$store" "SELECT count(*) FROM review WHERE id IN ($(sed -n 's/^ack //p' "$acks" | paste -sd, -))")
  [ "$kept" -eq "$expected" ]
}

integrity_ok() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = "ok" ]; }

# 1. SIGKILL at random moments.
store="$work/crash.sqlite"
rounds=${STORE_CRASH_ROUNDS:-25}
crash_failures=0
total_acks=0
for round in $(seq 1 "$rounds"); do
  acks="$work/acks-$round"
  : > "$acks" # made before the writer starts, so the first poll finds it
  "$writer" "$store" 100000 "round$round" > "$acks" 2>"$work/err-$round" &
  pid=$!
  target=$((RANDOM % 120 + 1))
  while [ "$(grep -c '^ack ' "$acks")" -lt "$target" ] && kill -0 "$pid" 2>/dev/null; do pause; done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  total_acks=$((total_acks + $(grep -c '^ack ' "$acks")))
  if ! integrity_ok "$store" || ! all_acknowledged_kept "$store" "$acks"; then
    crash_failures=$((crash_failures + 1))
    echo "  round $round: lost answers or a damaged file"
  fi
done
echo "info - $rounds SIGKILLs; $total_acks acknowledged answers; $(sqlite3 "$store" 'SELECT count(*) FROM review') in the log"
check "after $rounds SIGKILLs: integrity ok and every acknowledged answer kept" \
  test "$crash_failures" -eq 0 -a "$total_acks" -ge "$rounds"
check "the store still opens in awsml-tui after the crashes" "$app" stats --store "$store"

# 2. Two writers at once.
store="$work/shared.sqlite"
"$writer" "$store" 1 warmup > /dev/null                    # create it first, so both only write
"$writer" "$store" 300 alpha > "$work/alpha" 2>"$work/alpha.err" & first=$!
"$writer" "$store" 300 beta > "$work/beta" 2>"$work/beta.err" & second=$!
wait "$first"; first_status=$?
wait "$second"; second_status=$?
check "two writers on one store both finish" test "$first_status:$second_status" = "0:0"
check "the log holds every answer of both (601 rows)" \
  test "$(sqlite3 "$store" 'SELECT count(*) FROM review')" = 601
check "each writer's acknowledged answers are all there" \
  bash -c "$(declare -f all_acknowledged_kept); all_acknowledged_kept '$store' '$work/alpha' && all_acknowledged_kept '$store' '$work/beta'"
check "the shared store is intact" integrity_ok "$store"

# 3. Several writers answering the same 25 facts at once, each from the cards
# it read: every answer is applied to the card as the store holds it, so each
# card's reps equals its study answers in the log (a writer working from its
# own copy left cards at a fraction of that).
store="$work/same.sqlite"
writers=${STORE_SAME_FACT_WRITERS:-4}
"$writer" "$store" 1 same > /dev/null
pids=()
for n in $(seq 1 "$writers"); do
  "$writer" "$store" 150 same > "$work/same-$n" 2>"$work/same-$n.err" & pids+=($!)
done
statuses=""
for pid in "${pids[@]}"; do wait "$pid"; statuses+="$?"; done
check "$writers writers answering the same facts all finish" test "$statuses" = "$(printf '0%.0s' $(seq 1 "$writers"))"
check "the log holds every answer ($((1 + writers * 150)) rows)" \
  test "$(sqlite3 "$store" 'SELECT count(*) FROM review')" = $((1 + writers * 150))
check "every card's reps equals its study answers in the log" test "$(sqlite3 "$store" "
  SELECT count(*) FROM (SELECT fact_id, count(*) AS answers FROM review WHERE mode = 'study' GROUP BY fact_id) AS logged
  LEFT JOIN card USING (fact_id) WHERE card.reps IS NOT logged.answers")" = 0
check "and each answer starts from the card the one before it left (reps before = answers before it)" \
  test "$(sqlite3 "$store" "SELECT count(*) FROM review AS r WHERE before_reps !=
    (SELECT count(*) FROM review AS e WHERE e.fact_id = r.fact_id AND e.mode = 'study' AND e.id < r.id)")" = 0
check "the shared store is intact" integrity_ok "$store"

# 4. A bad store file: one line naming it, status 2, the file byte-identical.
printf 'not a database\n' > "$work/notes.sqlite"
cp "$work/notes.sqlite" "$work/notes.copy"
out=$("$app" stats --store "$work/notes.sqlite" 2>&1); status=$?
check "a file that is not a database: status 2, one line naming it" \
  test "$status:$out" = "2:awsml-tui: error: $work/notes.sqlite: is not an SQLite database; it was left as it is: move it away or choose another file with --store"
check "and it is left byte-identical" cmp -s "$work/notes.sqlite" "$work/notes.copy"

finish store
