#!/usr/bin/env bash
# Makes a class-data-sharing archive (AppCDS) for the service's jar, so that later starts map the classes they need
# from one file instead of reading, parsing and verifying them from the jar (most of them Neo4j's and Cypher's).
#
# How: one training start of the jar on a throw-away store in target/ (it creates the schema, loads the bundled
# seed, opens HTTP on 127.0.0.1 at a free port, answers one query and the service's own warm-up), then SIGTERM; at
# exit the JVM writes every class it loaded to the archive (-XX:ArchiveClassesAtExit, Java 13 and later).
#
# Usage: bin/cds-archive.sh [archive]          (default target/partnership-explorer.jsa)
# Then:  java <the same flags> -XX:SharedArchiveFile=target/partnership-explorer.jsa -jar target/partnership-explorer.jar
#
# Environment: JAR (default target/partnership-explorer.jar), JAVA_OPTS (the flags the service will run with; default
# the README's "Memory" flags), MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_ and EXPLORER_NEO4J_PAGECACHE (default 2,
# 131072 and 32m, as there).
#
# The archive fits one jar file and one JVM: start the service with the same jar path, and make the archive again
# after every build or Java update. A stale archive is not an error: the JVM says so in one warning line and starts
# without it, as slowly as before.
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-target/partnership-explorer.jsa}
jar=${JAR:-target/partnership-explorer.jar}
[ -f "$jar" ] || { echo "missing $jar: run mvn -q -DskipTests package" >&2; exit 1; }
java_opts=${JAVA_OPTS--Xms32m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -Xss512k}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-131072}
export EXPLORER_NEO4J_PAGECACHE=${EXPLORER_NEO4J_PAGECACHE:-32m}
mkdir -p target "$(dirname "$archive")"
store=$(mktemp -d target/cds-training.XXXX)
log="$archive.log"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$store"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
rm -f "$archive"
echo "training start of $jar on a throw-away store (log: $log)"
# shellcheck disable=SC2086
EXPLORER_DATA_DIR="$store/data" EXPLORER_BOLT_PORT=0 MICRONAUT_SERVER_PORT=$port MICRONAUT_SERVER_HOST=127.0.0.1 \
  java $java_opts -XX:ArchiveClassesAtExit="$archive" -jar "$jar" > "$log" 2>&1 &
pid=$!
ready=""
for _ in $(seq 1 6000); do   # at most 600 s
  if curl -sf -m 10 -o /dev/null "http://127.0.0.1:$port/health/readiness"; then ready=1; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$ready" ] || { echo "the training start did not become ready; the end of $log:" >&2; tail -20 "$log" >&2; exit 1; }
curl -sf -m 120 -o /dev/null -H 'Content-Type: application/json' \
  -d '{"query":"{ countries(first: 1) { totalCount } }"}' "http://127.0.0.1:$port/graphql"
# the service's own warm-up loads the rest of the request path: wait for it, at most 120 s
for _ in $(seq 1 1200); do grep -q 'Warm-up: ' "$log" && break; sleep 0.1; done
kill -TERM "$pid"
wait "$pid" || true
pid=""
[ -s "$archive" ] || { echo "no archive written; the end of $log:" >&2; tail -20 "$log" >&2; exit 1; }
echo "wrote $archive ($(du -m "$archive" | cut -f1) MB); start with: java $java_opts -XX:SharedArchiveFile=$archive -jar $jar"
