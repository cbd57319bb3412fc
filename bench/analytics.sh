#!/usr/bin/env bash
# The analytics benchmark: isolatedContributors and centrality over HTTP on a generated graph of
# 193 countries and 100,000 (or the number given) partnership relationships over 30 years, in a fresh embedded Neo4j, heap capped at 1 GB.
# Usage: bench/analytics.sh [relationships]    (from the repository root; figures in bench/ANALYTICS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target/tmp
export TMPDIR="$PWD/target/tmp" XDG_CACHE_HOME="$PWD/target/tmp/cache" XDG_CONFIG_HOME="$PWD/target/tmp/config"
# the generated graph is written in a few large transactions: on a busy machine one can outlast the embedded
# server's default limit of 30 s
exec java -Xmx${BENCH_HEAP:-2g} -Dexplorer.neo4j.transaction-timeout=10m -Djava.io.tmpdir=target/tmp -Djna.tmpdir=target/tmp \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  -Dio.netty.tryReflectionSetAccessible=true -Dlogback.configurationFile=bench/logback-bench.xml \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.partnershipexplorer.analytics.AnalyticsBench "$@"
