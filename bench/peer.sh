#!/usr/bin/env bash
# The peer comparison: this service and @neo4j/graphql on Apollo Server (bench/peer/server.mjs), the library a Neo4j
# user would pick instead, answering the same questions (bench/peer/queries) from one standalone Neo4j 5.26 over
# Bolt holding the bundled seed. Each side runs in its own process; the Neo4j in a third.
#
#   bench/peer.sh [seconds per run, default 10] [runs, default 3; 0: the first calls only] [question,question,...]
#
# Needs Java 17, Maven (offline is fine once built), Node 20 and npm (the peer's packages, pinned in
# bench/peer/package-lock.json, are installed on first use). Everything listens on 127.0.0.1; every run is bounded.
# BENCH_JAR names another build of the service (default target/partnership-explorer.jar), to compare two builds.
# BENCH_PEER_JAR puts a build of the service in the peer's place (asked the service's own questions), to compare two
# builds side by side on one Neo4j: the tables' "service" is BENCH_JAR, their "peer" BENCH_PEER_JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
runs=${2:-3}
only=${3:-}
work=target/bench-peer
jar=${BENCH_JAR:-target/partnership-explorer.jar}

[ -f "$jar" ] || mvn -q -B -DskipTests package
# The standalone Neo4j runs from the unshaded jars: the shaded one loses the version Neo4j reports, which the
# peer reads to pick its Cypher.
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt \
  || mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
[ -d bench/peer/node_modules ] || (cd bench/peer && npm ci --no-audit --no-fund)

# BENCH_PORT_BASE=N takes the ports N to N+4 instead of free ones (a shared machine where each user has a range)
free_port() { # $1 = which of the five
  if [ -n "${BENCH_PORT_BASE:-}" ]; then echo $((BENCH_PORT_BASE + $1)); return; fi
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
wait_for() { # $1 = log file, $2 = text that says ready, $3 = pid
  for _ in $(seq 1 1200); do
    grep -qs "$2" "$1" && return 0
    kill -0 "$3" 2>/dev/null || { cat "$1"; echo "process $3 ended before it was ready" >&2; exit 1; }
    sleep 0.25
  done
  echo "not ready after 300 s: $1" >&2; exit 1
}

rm -rf "$work" && mkdir -p "$work/tmp"
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

# 1. The service seeds a fresh store with the bundled seed, then stops.
seed_port=$(free_port 0); seed_bolt=0; [ -z "${BENCH_PORT_BASE:-}" ] || seed_bolt=$(free_port 4)
EXPLORER_DATA_DIR="$work/store" EXPLORER_BOLT_PORT=$seed_bolt MICRONAUT_SERVER_PORT=$seed_port \
  EXPLORER_LIMITS_QUERY_TIMEOUT=300s EXPLORER_REQUEST_TIMEOUT=300s java -jar "$jar" > "$work/seed.log" 2>&1 &
seed_pid=$!; pids+=($seed_pid)
wait_for "$work/seed.log" "Startup completed" $seed_pid
kill -TERM $seed_pid; wait $seed_pid 2>/dev/null || true

# 2. That store, served alone.
bolt=$(free_port 1)
java -Djava.io.tmpdir="$work/tmp" -cp "target/classes:$(cat target/runtime-classpath.txt)" \
  bench/peer/StandaloneNeo4j.java "$work/store" "$bolt" > "$work/neo4j.log" 2>&1 &
pids+=($!); wait_for "$work/neo4j.log" "^ready" $!

# 3. The service and the peer on it.
service_port=$(free_port 2); peer_port=$(free_port 3)
# A build of the service on that Neo4j, measured once it is ready (its background start phases done) and its own
# warm-up has ended, so that a first call meets neither of them still running.
start_service() { # $1 = jar, $2 = port, $3 = log file
  NEO4J_URI="bolt://127.0.0.1:$bolt" MICRONAUT_SERVER_PORT=$2 java -jar "$1" > "$3" 2>&1 &
  local pid=$!; pids+=($pid)
  wait_for "$3" "Ready in" $pid
  wait_for "$3" "Warm-up: " $pid
}
start_service "$jar" $service_port "$work/service.log"
if [ -n "${BENCH_PEER_JAR:-}" ]; then
  start_service "$BENCH_PEER_JAR" $peer_port "$work/peer.log"
  peer_url="http://127.0.0.1:$peer_port/graphql"
else
  (cd bench/peer && NODE_ENV=production NEO4J_URI="bolt://127.0.0.1:$bolt" PORT=$peer_port exec node server.mjs) \
    > "$work/peer.log" 2>&1 &
  pids+=($!); wait_for "$work/peer.log" "^ready" $!
  peer_url="http://127.0.0.1:$peer_port/"
fi

echo "# Peer comparison, $(date -u +%Y-%m-%dT%H:%MZ)"
echo
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${BENCH_PEER_JAR:-}" ]; then
  echo "- service: $jar; in the peer's place: $BENCH_PEER_JAR; both $(java -version 2>&1 | head -1), default settings"
else
echo "- service: $(java -version 2>&1 | head -1), default settings; peer: node $(node --version), @neo4j/graphql $(node -p 'require("./bench/peer/node_modules/@neo4j/graphql/package.json").version'), @apollo/server $(node -p 'require("./bench/peer/node_modules/@apollo/server/package.json").version'), NODE_ENV=production; both with a driver pool of 100"
fi
echo
# BENCH_FLIP=1: the peer is asked first where the service was (bench/first-calls.sh alternates it by round);
# BENCH_PAUSE=MS: a pause before each first call, for what the call before it left running to end
java ${BENCH_FLIP:+-Dflip=true} ${BENCH_PEER_JAR:+-Dsame=true} ${BENCH_PAUSE:+-Dpause=$BENCH_PAUSE} \
  bench/peer/Compare.java \
  "http://127.0.0.1:$service_port/graphql" "$peer_url" "$seconds" "$runs" $only
echo
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
