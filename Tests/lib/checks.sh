# Shared by the shell test scripts: `source` it, then `check NAME COMMAND…`
# for each check and `finish LABEL` at the end (prints the closing line CI
# reads, `LABEL: N passed, N failed`, and returns non-zero on a failure).
passed=0
failed=0

check() {
  local name=$1; shift
  if "$@"; then
    passed=$((passed + 1)); echo "ok   - $name"
  else
    failed=$((failed + 1)); echo "FAIL - $name"
  fi
}

# A short pause between polls of a condition (never a fixed wait for a result).
pause() { read -r -t 0.02 <> <(:) || true; }

finish() {
  echo "$1: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
