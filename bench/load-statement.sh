#!/usr/bin/env bash
# What one 10,000-row batch of the loader's trainings statement costs once the JVM is warm, in each form named:
# create (the loader's), deferred (create without the range indexes on relationship years, built again after it and
# timed), unconstrained (also without the id's uniqueness constraint: a measure only), keyed (the form before: the key
# in the pattern and in the SET), bare (no property).
# Usage: bench/load-statement.sh [relationships] [batches a form] [forms...]   (from the repository root)
# Default: 100000 5 keyed create bare keyed create bare. Figures in bench/ANALYTICS.md, "Loading".
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-100000}"
PER="${2:-5}"
shift $(( $# > 2 ? 2 : $# ))
FORMS=("$@")
[ ${#FORMS[@]} -gt 0 ] || FORMS=(keyed create bare keyed create bare)
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/tmp
export TMPDIR="$PWD/target/tmp" XDG_CACHE_HOME="$PWD/target/tmp/cache" XDG_CONFIG_HOME="$PWD/target/tmp/config"
exec timeout 900 java -Xmx${BENCH_HEAP:-2g} -Djava.io.tmpdir=target/tmp -Djna.tmpdir=target/tmp \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true -Dlogback.configurationFile=bench/logback-bench.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.partnershipexplorer.seed.LoadStatementBench "$SIZE" "$PER" "${FORMS[@]}"
