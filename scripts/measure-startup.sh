#!/usr/bin/env bash
# Prints the demo's start-up time (process start until /actuator/health answers) and its resident
# memory 5 s later, for a fresh data folder and for a restart on the same data.
# Usage: scripts/measure-startup.sh   (after mvn -DskipTests package)
set -euo pipefail
jar=$(cd "$(dirname "$0")/.." && ls "$PWD"/target/usm-camunda-*.jar | grep -v original | head -1)
work=$(mktemp -d)
cd "$work"
for run in fresh restart; do
  start=$(date +%s.%N)
  java -jar "$jar" --usm.data-dir="$work/data" > "$work/$run.log" 2>&1 &
  pid=$!
  until curl -s -o /dev/null http://localhost:8080/actuator/health; do
    kill -0 "$pid" 2>/dev/null || { echo "start-up failed, see $work/$run.log"; exit 1; }
    sleep 0.2
  done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  sleep 5
  printf '%-8s ready after %.1f s, resident memory %d MiB\n' "$run" "$ready" $(( $(ps -o rss= -p "$pid") / 1024 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
rm -rf "$work"
