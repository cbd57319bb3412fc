#!/usr/bin/env bash
# Start-up to the first answered query, embedded Neo4j, on a fresh store (seed loaded) and on a kept store.
# Usage: bench/startup.sh [runs]   (needs target/partnership-explorer.jar: mvn -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=target/partnership-explorer.jar
[ -f "$jar" ] || { echo "missing $jar: run mvn -q -DskipTests package" >&2; exit 1; }
work=$(mktemp -d target/bench-startup.XXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
query='{"query":"{ countries(first: 1) { totalCount } }"}'

first_answer() { # $1 = data dir; prints seconds from launch to the first answered query
  local start end pid
  start=$(date +%s.%N)
  EXPLORER_DATA_DIR="$1" EXPLORER_BOLT_PORT=0 MICRONAUT_SERVER_PORT=$port \
    java -jar "$jar" > "$1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    if curl -sf -m 2 -H 'Content-Type: application/json' -d "$query" "http://127.0.0.1:$port/graphql" \
        | grep -q '"totalCount":197'; then
      end=$(date +%s.%N); kill -TERM $pid; wait $pid 2>/dev/null || true
      python3 -c "print(f'{$end-$start:.1f}')"; return 0
    fi
    sleep 0.1
  done
  kill -KILL $pid; echo "no answer within 60 s" >&2; return 1
}

echo "java: $(java -version 2>&1 | head -1)"
echo "cores: $(nproc)"
for i in $(seq 1 "$runs"); do
  rm -rf "$work/store"
  fresh=$(first_answer "$work/store")
  kept=$(first_answer "$work/store")
  echo "run $i: fresh store (loads the seed) ${fresh} s; kept store ${kept} s"
done
rm -rf "$work"
