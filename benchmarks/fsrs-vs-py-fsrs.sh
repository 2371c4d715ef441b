#!/usr/bin/env bash
# FSRS replay speed, ours against py-fsrs 6.3.2 on the same histories, in one
# run (a ratio holds on a noisy machine). Makes a venv in .venv-fsrs (ignored
# by git) on first use.
#
#   benchmarks/fsrs-vs-py-fsrs.sh [SWIFT_ROUNDS] [PYTHON_ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
vectors=Tests/StudyCoreTests/Fixtures/fsrs/vectors.jsonl
swift_rounds=${1:-20000}
python_rounds=${2:-100}
[ -x .venv-fsrs/bin/python ] || { python3 -m venv .venv-fsrs && .venv-fsrs/bin/pip install -q 'fsrs==6.3.2'; }
swift build -c release --product FSRSBenchmark >&2
echo "machine: $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
ours=$(.build/release/FSRSBenchmark "$vectors" "$swift_rounds")
theirs=$(.venv-fsrs/bin/python benchmarks/fsrs_replay.py "$vectors" "$python_rounds")
echo "$ours"
echo "$theirs"
ours_rate=$(sed -E 's/.*: ([0-9]+) reviews\/s.*/\1/' <<< "$ours")
theirs_rate=$(sed -E 's/.*: ([0-9]+) reviews\/s.*/\1/' <<< "$theirs")
echo "ratio: $(( ours_rate / theirs_rate ))x the reviews per second of py-fsrs"
