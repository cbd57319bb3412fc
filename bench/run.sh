#!/usr/bin/env bash
# Sizing figures for OPERATIONS.md: one instance's resident memory idle and under load, and requests served per
# CPU-second, for typical operations, with a bounded loopback load (bench/LoadTest.java).
#
#   bench/run.sh                      # defaults below
#   BENCH_HEAP=-Xmx512m BENCH_CLIENTS=8 BENCH_SECONDS=60 bench/run.sh
#
# The service runs embedded (its own Neo4j in the JVM, store under target/bench), loaded with the bundled seed.
set -euo pipefail
cd "$(dirname "$0")/.."

HEAP=${BENCH_HEAP:--Xmx256m}
CLIENTS=${BENCH_CLIENTS:-4}
DURATION=${BENCH_SECONDS:-30}
PORT=${BENCH_PORT:-18181}
OPS=src/test/resources/graphql

mvn -q -B -DskipTests test-compile   # target/classes and target/runtime-classpath.txt
rm -rf target/bench && mkdir -p target/bench/tmp

EXPLORER_DATA_DIR=target/bench/data EXPLORER_BOLT_PORT=0 MICRONAUT_SERVER_PORT=$PORT EXPLORER_SEED=if-empty \
TMPDIR=target/bench/tmp \
java $HEAP -Djava.io.tmpdir=target/bench/tmp -Djna.tmpdir=target/bench/tmp \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true \
  -cp "target/classes:$(cat target/runtime-classpath.txt)" org.partnershipexplorer.Application \
  > target/bench/service.log 2>&1 &
PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT

for _ in $(seq 600); do
  grep -qs "Startup completed" target/bench/service.log && break
  kill -0 $PID 2>/dev/null || { cat target/bench/service.log; exit 1; }
  sleep 0.5
done
grep -q "Startup completed" target/bench/service.log || { echo "no start within 300 s"; exit 1; }
sleep 10   # let start-up work (JIT, GC) settle before the idle reading
echo "java             $(java -version 2>&1 | head -1), heap option $HEAP, $(nproc) cores"
echo "start            $(grep -o 'Startup completed in [0-9]*ms' target/bench/service.log)"
echo "idle RSS         $(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 )) MB after start, before any request"
echo

java bench/LoadTest.java "http://127.0.0.1:$PORT" $PID $OPS/countryProfile.graphql '{"iso3":"KOR"}' "$CLIENTS" "$DURATION"
echo
java bench/LoadTest.java "http://127.0.0.1:$PORT" $PID $OPS/countriesPage.graphql '{"first":50}' "$CLIENTS" "$DURATION"
echo
echo "idle RSS         $(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 )) MB after the runs"
