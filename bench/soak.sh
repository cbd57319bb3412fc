#!/usr/bin/env bash
# Soak: mixed reads and writes at a steady rate for a bounded time on loopback, then a check that every
# acknowledged write is in the graph. Figures and the latest run: bench/SOAK.md.
#
#   bench/soak.sh                                   # 60 s, 20 reads/s + 10 writes/s
#   SOAK_SECONDS=60 SOAK_READS=40 SOAK_WRITES=20 bench/soak.sh
#
# The service runs embedded (its own Neo4j in the JVM, store under target/soak, deleted first), seeded with the
# bundled seed, on 127.0.0.1 only. Exit status 0 only with zero errors and zero lost writes.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_=${SOAK_SECONDS:-60}
READS=${SOAK_READS:-20}
WRITES=${SOAK_WRITES:-10}
PORT=${SOAK_PORT:-18282}
HEAP=${SOAK_HEAP:--Xmx512m}
export EXPLORER_JWT_SECRET=${EXPLORER_JWT_SECRET:-soak-secret-$(date +%s%N)-soak-secret-soak-secret}

mvn -q -B -DskipTests test-compile   # target/classes and target/runtime-classpath.txt
rm -rf target/soak && mkdir -p target/soak/tmp
CP="target/classes:$(cat target/runtime-classpath.txt)"
JAVA_OPTS=(-Djava.io.tmpdir=target/soak/tmp -Djna.tmpdir=target/soak/tmp
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true)

EXPLORER_DATA_DIR=target/soak/data EXPLORER_BOLT_PORT=0 MICRONAUT_SERVER_PORT=$PORT MICRONAUT_SERVER_HOST=127.0.0.1 \
EXPLORER_SEED=if-empty TMPDIR=target/soak/tmp \
java $HEAP "${JAVA_OPTS[@]}" -cp "$CP" org.partnershipexplorer.Application > target/soak/service.log 2>&1 &
PID=$!
trap 'kill -TERM $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT

for _ in $(seq 600); do
  grep -qs "Startup completed" target/soak/service.log && break
  kill -0 $PID 2>/dev/null || { cat target/soak/service.log; exit 1; }
  sleep 0.5
done
grep -q "Startup completed" target/soak/service.log || { echo "no start within 300 s"; exit 1; }

# the token command of the jar, run from the same classes
TOKEN=$(java -cp "$CP" org.partnershipexplorer.Application token --subject soak --role editor --days 1)
echo "java             $(java -version 2>&1 | head -1), heap option $HEAP, $(nproc) cores"
echo "load average     $(cut -d' ' -f1-3 /proc/loadavg) before the run"
STATUS=0
java bench/Soak.java "http://127.0.0.1:$PORT" "$TOKEN" "$READS" "$WRITES" "$SECONDS_" || STATUS=$?
echo "load average     $(cut -d' ' -f1-3 /proc/loadavg) after the run"
echo "service RSS      $(( $(awk '/VmRSS/ {print $2}' /proc/$PID/status) / 1024 )) MB after the run"
echo "health           $(curl -s http://127.0.0.1:$PORT/health | head -c 200)"
exit $STATUS
