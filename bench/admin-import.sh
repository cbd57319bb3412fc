#!/usr/bin/env bash
# Neo4j's own offline importer (neo4j-admin database import full, from the neo4j-import-tool jar the embedded
# server already brings) on the generated graph of bench/analytics.sh, into an empty store, for comparison with
# the seed loader. Usage: bench/admin-import.sh [relationships]   (from the repository root; default 1000000)
# Figures in bench/ANALYTICS.md, "Loading".
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-1000000}"
OUT="target/bench/admin-import"
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
rm -rf "$OUT"
mkdir -p "$OUT/home/conf" "$OUT/home/logs" target/tmp
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
java -Xmx1g -cp "$CP" org.partnershipexplorer.analytics.AdminImportFiles "$SIZE" "$OUT"
touch "$OUT/home/conf/neo4j.conf"
echo "load average before the import: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
NEO4J_HOME="$PWD/$OUT/home" NEO4J_CONF="$PWD/$OUT/home/conf" timeout 900 java -Xmx${BENCH_HEAP:-2g} \
  -Djava.io.tmpdir=target/tmp -cp "$CP" org.neo4j.cli.AdminTool database import full \
  --nodes="$OUT/actors.csv" --nodes=Program="$OUT/programs.csv" --nodes=Mission="$OUT/missions.csv" \
  --nodes=Deployment="$OUT/deployments.csv" \
  --relationships=REPORTED="$OUT/reported.csv" --relationships=CONTRIBUTES_TO="$OUT/contributions.csv" \
  --relationships=TRAINS="$OUT/trainings.csv" --relationships=DONATES_TO="$OUT/donations.csv" \
  --report-file="$OUT/import.report" --overwrite-destination neo4j
end=$(date +%s.%N)
printf 'neo4j-admin database import full: %s relationships (and the other rows of the world) in %.1f s, load average %s\n' \
  "$SIZE" "$(awk "BEGIN{print $end - $start}")" "$(cut -d' ' -f1-3 /proc/loadavg)"
