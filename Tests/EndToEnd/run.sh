#!/usr/bin/env bash
# End-to-end tests: the real binary in tmux, driven as a person would, the
# screen read back with capture-pane. Each wait polls the screen until the
# text appears or a deadline passes; nothing sleeps a fixed time.
#
#   Tests/EndToEnd/run.sh [BINARY]     (default .build/debug/awsml-tui)
set -uo pipefail

binary=$(realpath "${1:-.build/debug/awsml-tui}")
work=$(mktemp -d /tmp/awsml-e2e.XXXXXX)
# stats keeps its record of stores checked here, not in the user's cache.
export XDG_CACHE_HOME="$work/cache"
# The default store goes under this run's folder, never the user's own.
export XDG_DATA_HOME="$work/data"
socket_base="awsml-e2e-$$"
socket="$socket_base-0"
sessions=0
passed=0
failed=0
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT

# Each session gets a server of its own: a new server on a socket that a
# dying one still holds can fail to start.
new_server() {
  tm kill-server 2>/dev/null
  sessions=$((sessions + 1))
  socket="$socket_base-$sessions"
}

tm() { tmux -L "$socket" -f /dev/null "$@"; }

# Starts COMMAND in a fresh 100x30 session; the pane stays after it exits.
start() {
  new_server
  tm new-session -d -x "${WIDTH:-100}" -y "${HEIGHT:-30}" -s e2e "$1" \; set-option -t e2e remain-on-exit on
}

screen() { tm capture-pane -p -t e2e; }
history() { tm capture-pane -p -S -200 -t e2e; }

# wait_for TEXT [SECONDS]: polls the screen until TEXT appears.
wait_for() { poll screen "$@"; }

# wait_for_output TEXT [SECONDS]: the same over the pane's scrollback too, for
# what the shell prints after the app has ended.
wait_for_output() { poll history "$@"; }

# wait_gone TEXT [SECONDS]: polls the screen until TEXT is no longer on it.
wait_gone() {
  local deadline=$((SECONDS + ${2:-10}))
  while [ $SECONDS -lt $deadline ]; do
    screen 2>/dev/null | grep -qF -- "$1" || return 0
    read -r -t 0.05 <> <(:) || true
  done
  return 1
}

poll() {
  local source=$1 text=$2 deadline=$((SECONDS + ${3:-10}))
  while [ $SECONDS -lt $deadline ]; do
    $source 2>/dev/null | grep -qF -- "$text" && return 0
    tm has-session -t e2e 2>/dev/null || return 1
    read -r -t 0.05 <> <(:) || true   # a short pause between polls, not a fixed wait for the app
  done
  return 1
}

check() {
  local name=$1; shift
  if "$@"; then
    passed=$((passed + 1)); echo "ok   - $name"
  else
    failed=$((failed + 1)); echo "FAIL - $name"
    echo "---- screen ----"; history 2>/dev/null | grep -v '^$' | sed 's/^/  | /'; echo "----------------"
  fi
}

# The pane command: records the tty settings before and after the app, so a
# test can see the terminal was restored, then prints the exit status. The
# shell traps SIGINT (as an interactive shell would survive it) so Ctrl-C
# ends only the app; the app still gets the default disposition.
app_command() {
  echo "trap : INT; stty -a > $work/stty-before; $*; status=\$?; stty -a > $work/stty-after; echo \"[exit \$status]\""
}

terminal_restored() { cmp -s "$work/stty-before" "$work/stty-after"; }

# 1. Start on the bundled post, move down, quit with q.
start "$(app_command "$binary")"
check "first screen shows the tree and the first topic's facts" \
  wait_for "Retraining with a larger number of epochs"
check "the tree lists the first topic, selected" wait_for "┃›    · Model Retraining"
check "the status bar names the deck and the keys" wait_for "↑↓ move"
tm send-keys -t e2e Down
check "Down selects the next topic and the detail follows" wait_for "Applying dropout regularization"
check "the selection marker moved" wait_for "┃›    · Dropout Regulari"
tm send-keys -t e2e j
check "j moves down" wait_for "Augmenting model complexity"
tm send-keys -t e2e h
check "h on a topic goes to its section" wait_for "▸ Model Retraining (1 fact)"
tm send-keys -t e2e k
check "k goes up to the deck" wait_for "tags: other"
tm send-keys -t e2e Enter
check "Enter folds the deck" wait_for "┃›▸ AWS Machine Learning"
tm send-keys -t e2e l
check "l unfolds it again" wait_for "· Model Retraining"
tm send-keys -t e2e q
check "q quits with status 0" wait_for_output "[exit 0]"
check "q restores the terminal settings" terminal_restored

# 2. Ctrl-C ends it cleanly with the conventional status.
start "$(app_command "$binary")"
wait_for "Retraining with a larger number" >/dev/null
tm send-keys -t e2e C-c
check "Ctrl-C quits with status 130" wait_for_output "[exit 130]"
check "Ctrl-C restores the terminal settings" terminal_restored

# 3. Your own post, with non-ASCII text, several posts at once.
cat > "$work/notes.md" <<'POST'
---
title: "Kanji notes"
---
# 機械学習
- 精度 means **precision**
- Café au lait ☕
POST
cat > "$work/more.md" <<'POST'
# Second deck
- only fact
POST
start "$(app_command "$binary" "$work/notes.md" "$work/more.md")"
check "an own post opens with its CJK text" wait_for "精度 means precision"
check "several posts are roots of the tree" wait_for "Second deck"
tm send-keys -t e2e q
check "and quits" wait_for_output "[exit 0]"

# 4. Bad input: one line naming the file, status 2, the screen never taken.
out=$("$binary" "$work/missing.md" 2>&1); status=$?
check "a missing file is status 2 with one line" \
  test "$status:$out" = "2:awsml-tui: error: $work/missing.md: no such file"
printf '# T\n- caf\xe9\n' > "$work/latin1.md"
out=$("$binary" check "$work/latin1.md" 2>&1); status=$?
check "not UTF-8 names the line" \
  test "$status:$out" = "2:awsml-tui: error: $work/latin1.md: line 2: not valid UTF-8 text"
out=$("$binary" < /dev/null 2>&1); status=$?
check "no terminal: status 2 and a pointer to check" \
  bash -c "[ $status = 2 ] && grep -q 'awsml-tui check' <<< '$out'"
start "$(app_command env TERM=dumb "$binary")"
check "TERM=dumb: status 2 and the terminal untouched" wait_for_output "[exit 2]"
check "TERM=dumb message" wait_for_output "TERM is dumb"

# 5. check: the outline, warnings with lines, and JSON a program can read.
printf -- '- early\n# Empty\n# Full\n- same\n- same\n' > "$work/warn.md"
out=$("$binary" check "$work/warn.md" 2>&1); status=$?
check "check prints warnings with file and line" \
  bash -c "[ $status = 0 ] && grep -q '$work/warn.md:2: warning: heading with no facts: Empty' <<< '$out' \
    && grep -q '$work/warn.md:1: warning: list before any heading' <<< '$out' \
    && grep -q '$work/warn.md:5: warning: duplicated fact (also on line 4): same' <<< '$out'"
check "check --json parses and holds the documented shape" \
  bash -c "'$binary' check --json | python3 -c '
import json, sys
doc = json.load(sys.stdin)
deck = doc[\"decks\"][0]
assert deck[\"title\"] == \"AWS Machine Learning Specialty Bite Size Recap 2/3\", deck[\"title\"]
assert deck[\"date\"] == \"2023-07-08\" and deck[\"tags\"] == [\"other\"]
def facts(node): return len(node[\"facts\"]) + sum(facts(c) for c in node[\"children\"])
assert facts(deck[\"root\"]) == 42
topic = deck[\"root\"][\"children\"][0][\"children\"][0]
assert set(topic) == {\"title\", \"kind\", \"line\", \"notes\", \"facts\", \"children\"}
assert set(topic[\"facts\"][0]) == {\"id\", \"text\", \"line\", \"details\", \"context\", \"depth\", \"kind\"}
assert topic[\"facts\"][0][\"kind\"] == \"statement\"
'"

# 6. The post is compiled in: a copy of the binary elsewhere still opens it.
mkdir -p "$work/elsewhere"
cp "$binary" "$work/elsewhere/awsml-tui"
out=$(cd / && "$work/elsewhere/awsml-tui" check 2>&1); status=$?
check "a copied binary still has the bundled post" \
  bash -c "[ $status = 0 ] && grep -q 'totals: 1 section, 18 topics, 2 sub-groups, 42 facts' <<< '$out'"

# 7. Search finds a fact and jumps to it; help opens and any key closes it.
start "$(app_command "$binary")"
wait_for "Retraining with a larger number" >/dev/null
tm send-keys -t e2e / f l a t t e n
check "search shows its query and the count as it is typed" wait_for "/flatten▏  1 match"
tm send-keys -t e2e Enter
check "the match is selected in the detail pane" wait_for "› Applying dropout regularization"
check "the tree followed the match" wait_for "│›    · Dropout Regulari"
tm send-keys -t e2e Escape '?'
check "? opens the help overlay" wait_for "Keys · any key closes"
tm send-keys -t e2e x
check "any key closes it" wait_gone "Keys · any key closes"

# 8. Mouse: a click on a tree row selects it (X10 mouse report: button 0 at column 8, row 7).
tm send-keys -t e2e -l $'\e[M ((\e[M#(('   # press and release
check "a click selects a tree row" wait_for "Creating an EMR cluster involves"
tm send-keys -t e2e -l $'\e[M &\'\e[M#&\''   # click: column 5, row 6 (AWS Glue Data Catalog)
check "a click on another row selects it" wait_for "Contains references to data used in ETL jobs"
tm send-keys -t e2e -l $'\e[MaS+'           # wheel down over the detail (column 50, row 10)
check "the wheel over the detail moves to the next fact" wait_for "› Essential for creating data warehouses"

# 9. Resize: too small, then back.
tm resize-window -t e2e -x 30 -y 8
check "at 30x8 it says the terminal is too small" wait_for "terminal too small: need 32x10"
tm resize-window -t e2e -x 100 -y 30
check "back at 100x30 the panes return" wait_for "• Contains references to data used in ETL jobs"
tm resize-window -t e2e -x 1 -y 1
tm resize-window -t e2e -x 45 -y 14
check "1x1 then 45x14: still alive, stacked panes at the new width" wait_for "Topics $(printf '─%.0s' $(seq 1 34))┐"
tm resize-window -t e2e -x 100 -y 30

# 10. Signals restore the terminal and end with the conventional status.
app_pid() { pgrep -P "$(tm display-message -p -t e2e '#{pane_pid}')" -x awsml-tui; }
for signal in TERM:143 HUP:129 SEGV:139; do
  name=${signal%%:*}; status=${signal##*:}
  start "$(app_command "$binary")"
  wait_for "Retraining with a larger number" >/dev/null
  kill -s "$name" "$(app_pid)"
  check "SIG$name ends it with status $status" wait_for_output "[exit $status]"
  check "SIG$name leaves the terminal settings as they were" terminal_restored
done

# 11. Ctrl-Z suspends to the shell; fg redraws and the keys still work.
new_server
tm new-session -d -x 100 -y 30 -s e2e "bash --norc --noprofile -i"
wait_for_output "$" >/dev/null
tm send-keys -t e2e "PS1='prompt$ '; stty -a > $work/stty-before; $binary" Enter
check "started from an interactive shell" wait_for "Retraining with a larger number"
tm send-keys -t e2e C-z
check "Ctrl-Z gives the shell back" wait_for_output "Stopped"
tm send-keys -t e2e fg Enter
check "fg redraws the screen" wait_for "Retraining with a larger number"
tm send-keys -t e2e Down
check "arrow keys work after fg" wait_for "Applying dropout regularization"
tm send-keys -t e2e q
wait_for_output "prompt$" >/dev/null
tm send-keys -t e2e "stty -a > $work/stty-after; echo [done \$?]" Enter
check "the shell has its terminal back after Ctrl-Z, fg and q" \
  bash -c "$(declare -f poll history tm); socket=$socket; poll history '[done 0]' && cmp -s $work/stty-before $work/stty-after"

# 12. Text from a post never drives the terminal.
printf '# Hostile \033[2J\033[31mred\n- bell\a escape \033]0;title\a and \302\233 csi\n- tab\there back\bspace cr\rreturn\n' > "$work/hostile.md"
start "$(app_command "$binary" "$work/hostile.md")"
check "control bytes show as placeholders" wait_for "Hostile ␛[2J␛[31mred"
check "BEL, OSC, C1, BS and CR are visible too" wait_for "• bell␇ escape ␛]0;title␇ and � csi"
check "the rest of the screen is intact" wait_for "┏━ Topics"
tm send-keys -t e2e q
wait_for_output "[exit 0]" >/dev/null
start "$(app_command env TERM=no-such-terminal "$binary")"
check "an unknown TERM: status 2 and a clear message" wait_for_output "unknown terminal type 'no-such-terminal'"

# 13. A terminal without colour, and NO_COLOR: the same screen, still usable.
start "$(app_command env TERM=vt100 NO_COLOR=1 "$binary" --no-mouse)"
check "TERM=vt100 with NO_COLOR shows the panes" wait_for "Retraining with a larger number"
tm send-keys -t e2e j
check "and keys work there" wait_for "Applying dropout regularization"
tm send-keys -t e2e q
check "and it quits cleanly" wait_for_output "[exit 0]"

# 14. Bytes written to the terminal for one Down key at 120x40.
WIDTH=120 HEIGHT=40 start "script -q -f -c '$binary' $work/typescript"
wait_for "Retraining with a larger number" >/dev/null
before=$(stat -c %s "$work/typescript")
tm send-keys -t e2e Down
wait_for "Applying dropout regularization" >/dev/null
wait_for_size_stable() { local last=-1 now; for _ in $(seq 1 40); do now=$(stat -c %s "$work/typescript"); [ "$now" = "$last" ] && break; last=$now; read -r -t 0.05 <> <(:) || true; done; }
wait_for_size_stable
bytes=$(( $(stat -c %s "$work/typescript") - before ))
echo "info - one Down key at 120x40 wrote $bytes bytes to the terminal"
check "one Down key sends a few hundred bytes, not a repaint ($bytes)" test "$bytes" -lt 1000
tm send-keys -t e2e q

# 15. Quiz: study 5 facts, quit, restart: they show as learned, the store has
# the 5 answers, and u after the restart undoes the last one.
quiz_store="$work/quiz.sqlite"
quiz_app() { app_command "$binary" --store "$quiz_store" --seed 4 --new-per-day 5 --no-mouse; }
start "$(quiz_app)"
wait_for "Retraining with a larger number" >/dev/null
tm send-keys -t e2e g s
check "s starts a study session in the quiz pane" wait_for "━ Study · AWS Machine Learning Specialty Bite Size"
status_line() { screen | tail -1; }
# Answers whatever is asked, from what the status bar says works now.
answered=0
for _ in $(seq 1 12); do
  [ "$answered" -ge 5 ] && break
  wait_for "answered," 5 >/dev/null || break
  before=$(screen | grep -o '[0-9]* answered' | head -1)
  bar=$(status_line)
  case "$bar" in
    *"Space reveal"*) tm send-keys -t e2e Space; wait_for "How well did you recall it" >/dev/null; tm send-keys -t e2e 3 ;;
    *"Enter check"*) tm send-keys -t e2e -l "sagemaker"; tm send-keys -t e2e Enter; wait_for "Saved as" >/dev/null; tm send-keys -t e2e Enter ;;
    *"1-4 answer"*|*"1/t true"*) tm send-keys -t e2e 1; wait_for "Saved as" >/dev/null; tm send-keys -t e2e Enter ;;
    *) break ;;
  esac
  answered=$((answered + 1))
  # Wait for the next question (or the summary) before the next answer.
  deadline=$((SECONDS + 10))
  while [ $SECONDS -lt $deadline ] && [ "$(screen | grep -o '[0-9]* answered' | head -1)" = "$before" ] \
        && ! screen | grep -q "Session over"; do read -r -t 0.05 <> <(:) || true; done
done
check "five answers given" test "$answered" -eq 5
tm send-keys -t e2e Escape
check "Esc ends the session on its summary" wait_for "Session over"
check "the summary counts the answers" wait_for "5 answered"
tm send-keys -t e2e Escape q
check "and the app quits" wait_for_output "[exit 0]"
check "the store's review table holds the 5 answers" test "$(sqlite3 "$quiz_store" 'SELECT count(*) FROM review')" = 5
check "each answer records its kind, mode and time taken" \
  test "$(sqlite3 "$quiz_store" "SELECT count(*) FROM review WHERE mode = 'study' AND kind != '' AND elapsed_ms >= 0")" = 5
start "$(quiz_app)"
check "after a restart the tree shows the studied facts as learned" wait_for "37n"
check "studied topics carry a mastery glyph" \
  bash -c "for _ in \$(seq 1 100); do tmux -L $socket capture-pane -p -t e2e | grep -qE '[◔◑◕●] Model Retrain' && exit 0; read -r -t 0.05 <> <(:); done; exit 1"
tm send-keys -t e2e g t
check "t opens the stats screen of the selected node" wait_for "Reviews, last 26 weeks"
check "the stats count the studied cards" wait_for "░ new 37"
tm send-keys -t e2e Escape
check "Esc closes it" wait_gone "Reviews, last 26 weeks"
tm send-keys -t e2e u
check "u after the restart undoes the last answer" wait_for "undid "
check "and the store holds 4 answers" \
  bash -c "for _ in \$(seq 1 100); do [ \$(sqlite3 '$quiz_store' 'SELECT count(*) FROM review') = 4 ] && exit 0; read -r -t 0.05 <> <(:); done; exit 1"
tm send-keys -t e2e q

# 16. Trust: an answer is kept whatever follows it (Esc, SIGTERM), u on the
# feedback undoes that answer, a timed exam ends by itself, suspend and bury
# survive a restart.
reviews_in() { sqlite3 "$1" 'SELECT count(*) FROM review'; }
# answer_one: answers the question up from what the status bar offers; for
# an objective question, waits until the feedback says it is saved.
answer_one() {
  local bar; bar=$(screen | tail -1)
  case "$bar" in
    *"Space reveal"*) tm send-keys -t e2e Space; wait_for "How well did you recall it" >/dev/null; tm send-keys -t e2e 1 ;;
    *"Enter check"*) tm send-keys -t e2e -l "sagemaker"; tm send-keys -t e2e Enter; wait_for "Saved as" ;;
    *"1-4 answer"*|*"1/t true"*) tm send-keys -t e2e 1; wait_for "Saved as" ;;
    *) return 1 ;;
  esac
}
trust_store="$work/trust.sqlite"
start "$(app_command "$binary" --store "$trust_store" --seed 7 --no-mouse)"
wait_for "Retraining with a larger number" >/dev/null
tm send-keys -t e2e g s
wait_for "answered," >/dev/null
answer_one >/dev/null
check "an answer is in the store before any key after it" test "$(reviews_in "$trust_store")" = 1
tm send-keys -t e2e Escape
check "Esc after answering ends on the summary" wait_for "Session over"
check "which counts the answer" wait_for "1 answered"
check "and the store still holds it" test "$(reviews_in "$trust_store")" = 1
tm send-keys -t e2e Escape s
wait_for "answered," >/dev/null
answer_one >/dev/null
tm send-keys -t e2e Enter
wait_for "1 answered," >/dev/null
answer_one >/dev/null
check "a second answer is stored" test "$(reviews_in "$trust_store")" = 3
tm send-keys -t e2e u
check "u on the feedback says what it undid" wait_for "undid "
check "u undid the answer on screen: 2 reviews left" test "$(reviews_in "$trust_store")" = 2
check "and that question is asked again" wait_for "1 answered,"
answer_one >/dev/null
app_pid=$(pgrep -f -n -- "--store $trust_store")
kill -TERM "$app_pid"
check "SIGTERM on the feedback screen ends the app (143)" wait_for_output "[exit 143]"
check "the answer on screen when SIGTERM came is kept" test "$(reviews_in "$trust_store")" = 3
check "SIGTERM restores the terminal" terminal_restored

start "$(app_command "$binary" --store "$trust_store" --seed 7 --no-mouse)"
wait_for "Retraining with a larger number" >/dev/null
tm send-keys -t e2e Tab @
check "@ suspends the selected fact" wait_for "suspended “Retraining"
tm send-keys -t e2e Down Up
check "the detail shows the fact suspended, with its schedule" wait_for "suspended"
tm send-keys -t e2e q
wait_for_output "[exit 0]" >/dev/null
check "the suspension is in the store" test "$(sqlite3 "$trust_store" "SELECT count(*) FROM card WHERE suspended = 1")" = 1
start "$(app_command "$binary" --store "$trust_store" --seed 7 --no-mouse)"
wait_for "Retraining with a larger number" >/dev/null
check "after a restart the tree marks it suspended" wait_for "1x"
tm send-keys -t e2e Tab @
check "@ again unsuspends it" wait_for "unsuspended"
tm send-keys -t e2e -- -
check "- buries it until tomorrow" wait_for "buried until tomorrow"
tm send-keys -t e2e q
wait_for_output "[exit 0]" >/dev/null
start "$(app_command "$binary" --store "$trust_store" --seed 7 --no-mouse)"
wait_for "Retraining with a larger number" >/dev/null
check "after a restart the tree marks it buried" wait_for "1z"
tm send-keys -t e2e Tab
check "and the detail says until when" wait_for "buried until"
tm send-keys -t e2e q

exam_store="$work/exam.sqlite"
start "$(app_command "$binary" --store "$exam_store" --seed 3 --exam-minutes 1 --exam-questions 5 --no-mouse)"
wait_for "Retraining with a larger number" >/dev/null
tm send-keys -t e2e g x
check "a timed exam shows its countdown" wait_for "⏱ 1:00 left"
check "which counts down without a key" wait_for "⏱ 0:5"
tm send-keys -t e2e 1
check "the exam ends by itself at zero" wait_for "Time's up" 75
check "its score counts the unanswered questions as missed" wait_for "unanswered, counted as missed"
check "one answer is in the store" test "$(reviews_in "$exam_store")" = 1
tm send-keys -t e2e q
check "q on the summary quits" wait_for_output "[exit 0]"
# 16b. A question bank (GFM task lists) is asked as written: a wrong choice
# is marked with the right one shown, and the review is stored as
# authored-choice.
cat > "$work/bank.md" <<'POST'
# Practice exam
## Input modes
### Which SageMaker input mode streams training data from S3 without copying it to disk first?
- [ ] File mode.
- [x] Pipe mode.
- [ ] Batch transform.
- [ ] Local mode.
POST
bank_store="$work/bank.sqlite"
start "$(app_command "$binary" --store "$bank_store" --seed 4 --no-mouse "$work/bank.md")"
wait_for "Practice exam" >/dev/null
tm send-keys -t e2e g s
check "s asks the bank's question as written" wait_for "Which SageMaker input mode streams training data from S3 without"
check "with its four options" test "$(screen | grep -cE '^┃   [1-4]  (File mode|Pipe mode|Batch transform|Local mode)\.')" = 4
right=$(screen | sed -n 's/^┃   \([1-4]\)  Pipe mode\..*/\1/p')
wrong=$(( right % 4 + 1 ))
tm send-keys -t e2e "$wrong"
check "a wrong choice is marked" wait_for "✗ Wrong — the answer is Pipe mode."
check "and the right one ticked" wait_for "┃ ✓ $right  Pipe mode."
bank_kinds() { sqlite3 "$bank_store" 'SELECT kind FROM review'; }
check "the review is stored as authored-choice" poll bank_kinds "authored-choice"
tm send-keys -t e2e q
tm send-keys -t e2e q
check "and it quits" wait_for_output "[exit 0]"

# 16c. A large post (4.6 MB, 40,000 facts) shows a progress line while it
# loads, which the screen replaces; Ctrl-C during the load ends it at once,
# with the terminal as it was.
python3 - "$work/large.md" <<'PY'
import sys
with open(sys.argv[1], "w") as out:
    out.write("# Generated\n")
    for i in range(40000):
        if i % 5000 == 0: out.write(f"\n## Section {i // 5000 + 1}\n")
        if i % 50 == 0: out.write(f"\n### Topic {i // 50 + 1}\n\n")
        out.write(f"- Fact {i}: Amazon SageMaker Pipe input mode streams **training data** from S3 for `{i % 97}` TB datasets.\n")
PY
start "$(app_command "$binary" --store "$work/large.sqlite" "$work/large.md")"
check "a large post shows a progress line while it loads" wait_for "Loading $work/large.md: "
check "then the screen takes its place" wait_for "Fact 0: Amazon SageMaker Pipe" 60
check "and the line is gone" bash -c "! tmux -L '$socket' -f /dev/null capture-pane -p -t e2e | grep -qF 'Loading '"
tm send-keys -t e2e q
check "it quits" wait_for_output "[exit 0]"
start "$(app_command "$binary" --store "$work/large.sqlite" "$work/large.md")"
check "loading again shows the line" wait_for "Loading $work/large.md: "
tm send-keys -t e2e C-c
check "Ctrl-C during the load ends it" wait_for_output "[exit 130]" 5
check "before the screen was drawn" bash -c "! tmux -L '$socket' -f /dev/null capture-pane -p -S -200 -t e2e | grep -qF 'Fact 0: Amazon'"
check "with the terminal as it was" terminal_restored
# Read again while open (issue 14): the large post changed on disk is read
# off the run loop, the status bar saying how far, and then taken.
start "$(app_command "$binary" --store "$work/large.sqlite" "$work/large.md")"
check "the large post opens" wait_for "Fact 0: Amazon SageMaker Pipe" 60
printf -- '- Fact appended while open: Amazon Kinesis keeps records for 24 hours.\n' >> "$work/large.md"
check "changed on disk, it is read again with a progress line" wait_for "reading $work/large.md again" 15
check "then taken: the notes read again" wait_for "notes read again" 60
tm send-keys -t e2e q
check "it quits" wait_for_output "[exit 0]"

# 16d. Progress follows an edit: study 5 facts of a post, reword one of
# them with sed, open again: the status bar says it was re-linked, its card
# and reviews are under its new id, and `changes` shows the old and new text.
edit_store="$work/edit.sqlite"
cp "$(dirname "$0")/../../assets/aws-ml-specialty-recap-2-of-3.md" "$work/edit.md"
printf '1\n%.0s' $(seq 1 40) | "$binary" quiz --plain --seed 3 --questions 5 --store "$edit_store" "$work/edit.md" >/dev/null
# A studied fact written in the post as it reads (no bold or code marks).
studied=$(sqlite3 "$edit_store" "SELECT text FROM fact_text ORDER BY fact_id" | while IFS= read -r text; do
  grep -qF -- "$text" "$work/edit.md" && { echo "$text"; break; }; done)
cards_before=$(sqlite3 "$edit_store" "SELECT count(*) || ' ' || sum(reps) FROM card")
reviews_before=$(sqlite3 "$edit_store" "SELECT count(*) FROM review")
python3 - "$work/edit.md" "$studied" <<'PY'
import sys
path, text = sys.argv[1], sys.argv[2]
post = open(path).read()
words = text.rstrip(".").split(" ")
reworded = " ".join(words[:-1] + ["indeed", words[-1]]) + "."   # one word put in
assert text in post, text
open(path, "w").write(post.replace(text, reworded, 1))
PY
start "$(app_command "$binary" --store "$edit_store" --no-mouse "$work/edit.md")"
check "after an edit the status bar says the fact was re-linked" \
  wait_for "1 fact changed since last time: 1 re-linked"
tm send-keys -t e2e q
check "and it quits" wait_for_output "[exit 0]"
check "every card is kept, with its reps" test "$(sqlite3 "$edit_store" "SELECT count(*) || ' ' || sum(reps) FROM card")" = "$cards_before"
check "and every review" test "$(sqlite3 "$edit_store" "SELECT count(*) FROM review")" = "$reviews_before"
check "under the fact's new id, recorded as edited" \
  test "$(sqlite3 "$edit_store" "SELECT count(*) FROM fact_link l JOIN card c ON c.fact_id = l.new_id WHERE l.reason = 'edited'")" = 1
out=$("$binary" changes --store "$edit_store" "$work/edit.md")
check "awsml-tui changes shows the text before and after" \
  bash -c "grep -qF 'Re-linked when the notes were opened (1):' <<< \"\$1\" && grep -qF \"was: \$2\" <<< \"\$1\" && grep -q '    now: .* indeed ' <<< \"\$1\"" - "$out" "$studied"

# 16e. Live reload: with the app open, reword another studied fact with sed:
# within a second or two the status bar says the notes were read again and
# the fact re-linked; a post that no longer loads keeps the last good
# version on screen with the reason; after a restart the progress is there.
start "$(app_command "$binary" --store "$edit_store" --no-mouse "$work/edit.md")"
check "the app opens on the edited post" wait_for "↑↓ move"
second=$(sqlite3 "$edit_store" "SELECT text FROM fact_text ORDER BY fact_id" | while IFS= read -r text; do
  [ "$text" != "$studied" ] && grep -qF -- "$text" "$work/edit.md" && { echo "$text"; break; }; done)
python3 - "$work/edit.md" "$second" <<'PY'
import sys
path, text = sys.argv[1], sys.argv[2]
post = open(path).read()
words = text.rstrip(".").split(" ")
open(path, "w").write(post.replace(text, " ".join(words[:-1] + ["really", words[-1]]) + ".", 1))
PY
check "a fact reworded while the app is open is re-linked within seconds" \
  wait_for "notes read again: 1 fact changed since last time: 1 re-linked" 10
cp "$work/edit.md" "$work/edit.good"
: > "$work/edit.md"
check "an emptied post keeps the last good version, with the reason" \
  wait_for "the notes changed but do not load" 10
check "the tree is still there" wait_for "↑↓ move"
cp "$work/edit.good" "$work/edit.md"
check "restored, it is read again" wait_for "notes read again" 10
tm send-keys -t e2e q
check "and it quits" wait_for_output "[exit 0]"
check "every card is kept after the live re-link" test "$(sqlite3 "$edit_store" "SELECT count(*) || ' ' || sum(reps) FROM card")" = "$cards_before"
check "two re-links recorded" test "$(sqlite3 "$edit_store" "SELECT count(*) FROM fact_link WHERE undone = 0")" = 2

# 16f. e opens the selected fact in $EDITOR at its line; on return the post is
# read again (an EDITOR script that edits that line stands in for a person).
# The bundled post is read-only and says how to get a file: awsml-tui init
# writes it out, and the progress made on the bundled post carries over.
# Named vi, so awsml-tui gives it +LINE as it gives vi.
mkdir -p "$work/editor"
cat > "$work/editor/vi" <<'SH'
#!/bin/sh
# awsml-tui runs: vi +LINE FILE
line=${1#+}
sed -i "${line}s/\.\$/, as edited./" "$2"
SH
chmod +x "$work/editor/vi"
start "$(app_command env EDITOR="$work/editor/vi" "$binary" --store "$edit_store" --no-mouse "$work/edit.md")"
check "the app opens for e" wait_for "↑↓ move"
cp "$work/edit.md" "$work/edit.before"
tm send-keys -t e2e Tab
tm send-keys -t e2e e
check "e: the editor ran and the post is read again" wait_for "notes read again" 10
check "the editor edited one line, the selected fact's (+LINE)" \
  bash -c "[ \$(diff '$work/edit.before' '$work/edit.md' | grep -c '^>') = 1 ] && diff '$work/edit.before' '$work/edit.md' | grep -q '^> - .*, as edited\.\$'"
check "the screen shows the edited fact" wait_for ", as edited."
tm send-keys -t e2e q
check "and it quits" wait_for_output "[exit 0]"
check "with the terminal as it was" terminal_restored
# e on a question's feedback: the post is read at once, the session goes on
# and the feedback shows the fact as it now reads (a post and an editor of its own).
cp "$(dirname "$0")/../../assets/aws-ml-specialty-recap-2-of-3.md" "$work/feedback.md"
mkdir -p "$work/editor2"
cat > "$work/editor2/vi" <<'SH'
#!/bin/sh
# awsml-tui runs: vi +LINE FILE; one word put at the end of that line
sed -i "${1#+}s/\$/ REWORDEDNOW/" "$2"
SH
chmod +x "$work/editor2/vi"
start "$(app_command env EDITOR="$work/editor2/vi" "$binary" --store "$work/feedback-e.sqlite" --no-mouse --seed 2 "$work/feedback.md")"
wait_for "↑↓ move" >/dev/null
tm send-keys -t e2e g s
wait_for "answered" >/dev/null
# Answers until a question shows its feedback (a flip card has none: it is
# graded and the next comes): 1 chooses or types, Enter checks what was typed.
until_feedback() {
  local tries=0
  while [ $tries -lt 8 ]; do
    tries=$((tries + 1))
    if screen | grep -qF "press Space to check"; then
      tm send-keys -t e2e Space; wait_for "How well did you recall" 5 >/dev/null
      tm send-keys -t e2e 3; wait_gone "How well did you recall" 5; continue
    fi
    tm send-keys -t e2e 1
    wait_for "Saved as" 3 >/dev/null && return 0
    tm send-keys -t e2e Enter
    wait_for "Saved as" 3 >/dev/null && return 0
  done
  return 1
}
check "a question answered shows its feedback" until_feedback
tm send-keys -t e2e e
check "e on the feedback: the post is read again at once, in the session" wait_for "notes read again" 10
check "the feedback shows the fact as edited, the session still on" \
  bash -c "tmux -L '$socket' -f /dev/null capture-pane -p -t e2e | grep -qF 'REWORDEDNOW' && tmux -L '$socket' -f /dev/null capture-pane -p -t e2e | grep -qF 'Saved as'"
tm send-keys -t e2e q
wait_for "summary" >/dev/null
tm send-keys -t e2e q
check "and it quits" wait_for_output "[exit 0]"
start "$(app_command "$binary" --store "$work/bundled-e.sqlite" --no-mouse)"
wait_for "↑↓ move" >/dev/null
tm send-keys -t e2e e
check "e on the bundled post says it is read-only and how to get a file" wait_for "the bundled post is read-only: awsml-tui init FILE"
tm send-keys -t e2e q
wait_for_output "[exit 0]" >/dev/null
check "awsml-tui init writes the bundled post out" bash -c "'$binary' init '$work/mine.md' >/dev/null && cmp -s '$work/mine.md' '$(dirname "$0")/../../assets/aws-ml-specialty-recap-2-of-3.md'"
check "and refuses to overwrite it" bash -c "! '$binary' init '$work/mine.md' 2>/dev/null"
check "the progress made on the bundled post is the file's" \
  test "$("$binary" stats --store "$quiz_store" "$work/mine.md" | sed -n 2,3p)" = "$("$binary" stats --store "$quiz_store" | sed -n 2,3p)"
check "with nothing changed to re-link" \
  bash -c "'$binary' changes --store '$quiz_store' '$work/mine.md' | grep -qx 'Gone, progress kept (0)'"

# 16g. r on the "what changed" screen re-links gone progress by hand: delete a
# studied fact's line, open the post (1 gone), then c, r, type part of an
# unstudied fact and Enter: its progress moves there, recorded "by hand".
third=$(sqlite3 "$edit_store" "SELECT text FROM fact_text ORDER BY fact_id" | while IFS= read -r text; do
  grep -qxF -- "- $text" "$work/edit.md" && { echo "$text"; break; }; done)
target=$(grep -E '^- [A-Za-z][A-Za-z0-9 ,.%()-]{30,}$' "$work/edit.md" | cut -c3- | while IFS= read -r text; do
  sqlite3 "$edit_store" "SELECT text FROM fact_text" | grep -qxF -- "$text" || { echo "$text"; break; }; done)
grep -vxF -- "- $third" "$work/edit.md" > "$work/edit.cut" && mv "$work/edit.cut" "$work/edit.md"
cards_now=$(sqlite3 "$edit_store" "SELECT count(*) || ' ' || sum(reps) FROM card")
start "$(app_command "$binary" --store "$edit_store" --no-mouse "$work/edit.md")"
check "a deleted fact's progress is said gone" wait_for "1 fact changed since last time: 1 gone"
tm send-keys -t e2e c
check "c lists it, with r to re-link it by hand" wait_for "r re-links it to a fact you choose"
tm send-keys -t e2e r
check "r opens the picker over the deck's facts" wait_for "Re-link by hand"
tm send-keys -t e2e -l -- "${target:0:28}"
check "typing narrows it to the fact typed for" wait_for "› ${target:0:20}"
tm send-keys -t e2e Enter
check "Enter re-links the progress there" wait_for "re-linked (by hand)"
tm send-keys -t e2e Escape
wait_for "↑↓ move" >/dev/null
tm send-keys -t e2e q
check "and it quits" wait_for_output "[exit 0]"
check "the card is kept, with its reps" test "$(sqlite3 "$edit_store" "SELECT count(*) || ' ' || sum(reps) FROM card")" = "$cards_now"
check "under the chosen fact, recorded by hand with the old text" \
  test "$(sqlite3 -separator '|' "$edit_store" "SELECT l.old_text, t.text FROM fact_link l JOIN card c ON c.fact_id = l.new_id
    JOIN fact_text t ON t.fact_id = l.new_id WHERE l.reason = 'by hand' AND l.undone = 0")" = "$third|$target"

# 16h. A post's title renamed in its front matter keeps its progress: the
# cards follow the deck to its new title (and the facts to their new ids);
# changes says so before (to move) and after (moved), the status line on
# opening too.
rename_store="$work/rename.sqlite"
printf -- '---\ntitle: Streams Recap\n---\n' > "$work/rename.md"
sed -n '/^## /,$p' "$(dirname "$0")/../../assets/aws-ml-specialty-recap-2-of-3.md" >> "$work/rename.md"
printf '1\n%.0s' $(seq 1 40) | "$binary" quiz --plain --seed 5 --questions 4 --store "$rename_store" "$work/rename.md" >/dev/null
renamed_cards=$(sqlite3 "$rename_store" "SELECT count(*) || ' ' || sum(reps) FROM card WHERE deck = 'Streams Recap'")
sed -i 's/^title: Streams Recap$/title: Streams and Lakes Recap/' "$work/rename.md"
check "changes finds the rename before it is made" bash -c "'$binary' changes --store '$rename_store' '$work/rename.md' \
  | grep -qE '^  deck renamed: Streams Recap → Streams and Lakes Recap · [0-9]+ cards? to move the next time'"
start "$(app_command "$binary" --store "$rename_store" --no-mouse "$work/rename.md")"
check "opening says the deck was renamed and its cards moved" wait_for "deck renamed: Streams Recap → Streams and Lakes"
tm send-keys -t e2e q
check "and it quits" wait_for_output "[exit 0]"
check "every card moved to the new title, with its reps" \
  test "$(sqlite3 "$rename_store" "SELECT count(*) || ' ' || sum(reps) FROM card WHERE deck = 'Streams and Lakes Recap'")" = "$renamed_cards"
check "none left under the old one" test "$(sqlite3 "$rename_store" "SELECT count(*) FROM card WHERE deck = 'Streams Recap'")" = 0
check "changes lists the rename made" bash -c "'$binary' changes --store '$rename_store' '$work/rename.md' \
  | grep -qE '^  deck renamed: Streams Recap → Streams and Lakes Recap · [0-9-]+ · [0-9]+ cards? moved'"

# 17. Help: awsml-tui alone runs open, so its help shows open's options (and
# the subcommands); a subcommand's help is its own.
out=$("$binary" --help 2>&1); status=$?
check "--help shows the default command's usage and options" \
  bash -c "[ $status = 0 ] && grep -qF 'USAGE: awsml-tui [<options>] [<files> ...]' <<< \"\$1\" \
    && for option in --store --new-per-day --exam-questions --exam-minutes --seed --day-starts-at --no-mouse --plain --questions; do
         grep -qE \"^  \$option\" <<< \"\$1\" || exit 1; done" - "$out"
check "and the subcommands" \
  bash -c "grep -q '^SUBCOMMANDS:' <<< \"\$1\" && grep -q '^  quiz ' <<< \"\$1\" && grep -q '^  questions ' <<< \"\$1\"" - "$out"
check "-h and help print the same" \
  bash -c "[ \"\$('$binary' -h)\" = \"\$1\" ] && [ \"\$('$binary' help)\" = \"\$1\" ]" - "$out"
out=$("$binary" quiz --help 2>&1); status=$?
check "quiz --help is quiz's own" \
  bash -c "[ $status = 0 ] && grep -q '^USAGE: awsml-tui quiz ' <<< \"\$1\" && ! grep -q 'SUBCOMMANDS' <<< \"\$1\"" - "$out"

echo "end-to-end: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
