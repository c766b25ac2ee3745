#!/usr/bin/env bash
# PyTorch cross-check of `npm run gradstats` on real MNIST digits (see README.md here).
# Needs python3 with torch (Debian: apt-get install python3-torch). Usage: run.sh [N] [HIDDEN] [K] [B]
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-512} HIDDEN=${2:-64,32} K=${3:-32} B=${4:-32}
DIR=$(mktemp -d)
npx tsx scripts/crosscheck/make-inputs.ts "$DIR" "$N" "$HIDDEN" "$K"
for s in with-replacement without-replacement; do
  npm run -s gradstats -- --model "$DIR/model.json" --data "$DIR/data.json" --batch "$B" \
    --sampling "$s" --assignment "$DIR/assignment.json" --snapshot "$DIR/snapshot.json" \
    > "$DIR/ours-$s.json"
done
PY=${PYTHON:-python3}
"$PY" scripts/crosscheck/crosscheck_torch.py "$DIR" "$B" \
  "$DIR/ours-with-replacement.json" "$DIR/ours-without-replacement.json"
