#!/usr/bin/env bash
# End-to-end tests: the real binary in tmux, driven as a person would, the
# screen read back with capture-pane. Each wait polls the screen until the
# text appears or a deadline passes; nothing sleeps a fixed time.
#
#   Tests/EndToEnd/run.sh [BINARY]     (default .build/debug/awsml-tui)
set -uo pipefail

binary=$(realpath "${1:-.build/debug/awsml-tui}")
work=$(mktemp -d /tmp/awsml-e2e.XXXXXX)
socket="awsml-e2e-$$"
passed=0
failed=0
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$work"' EXIT

tm() { tmux -L "$socket" -f /dev/null "$@"; }

# Starts COMMAND in a fresh 100x30 session; the pane stays after it exits.
start() {
  tm kill-server 2>/dev/null
  tm new-session -d -x "${WIDTH:-100}" -y "${HEIGHT:-30}" -s e2e "$1" \; set-option -t e2e remain-on-exit on
}

screen() { tm capture-pane -p -t e2e; }
history() { tm capture-pane -p -S -200 -t e2e; }

# wait_for TEXT [SECONDS]: polls the screen until TEXT appears.
wait_for() { poll screen "$@"; }

# wait_for_output TEXT [SECONDS]: the same over the pane's scrollback too, for
# what the shell prints after the app has ended.
wait_for_output() { poll history "$@"; }

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
check "the tree lists the first topic, selected" \
  bash -c "tmux -L $socket capture-pane -p -t e2e | grep -q '│›    · Model Retraining'"
check "the status bar names the deck and the keys" wait_for "↑↓ move"
tm send-keys -t e2e Down
check "Down selects the next topic and the detail follows" wait_for "Applying dropout regularization"
check "the selection marker moved" \
  bash -c "tmux -L $socket capture-pane -p -t e2e | grep -q '│›    · Dropout Regulari'"
tm send-keys -t e2e j
check "j moves down" wait_for "Augmenting model complexity"
tm send-keys -t e2e h
check "h on a topic goes to its section" wait_for "▸ Model Retraining (1 fact)"
tm send-keys -t e2e k
check "k goes up to the deck" wait_for "tags: other"
tm send-keys -t e2e Enter
check "Enter folds the deck" bash -c "tmux -L $socket capture-pane -p -t e2e | grep -q '│›▸ AWS Machine Learning'"
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
assert set(topic[\"facts\"][0]) == {\"id\", \"text\", \"line\", \"details\"}
'"

# 6. The post is compiled in: a copy of the binary elsewhere still opens it.
mkdir -p "$work/elsewhere"
cp "$binary" "$work/elsewhere/awsml-tui"
out=$(cd / && "$work/elsewhere/awsml-tui" check 2>&1); status=$?
check "a copied binary still has the bundled post" \
  bash -c "[ $status = 0 ] && grep -q 'totals: 1 section, 18 topics, 2 sub-groups, 42 facts' <<< '$out'"

echo "end-to-end: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
