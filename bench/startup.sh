#!/usr/bin/env bash
# Start-up to healthy (GET /health/readiness answers 200) and to the first answered query, embedded Neo4j, on an
# empty store (the bundled seed loaded) and on a kept store, alternating; for each start the phases the service logs
# ("Started in ...", and "Ready in ..." for the background ones) and the resident memory (VmRSS from /proc) once the
# first query is answered; then the medians. The query is sent once readiness is UP, with a long timeout: polling it
# with a short one would leave abandoned requests running in the service and slow the start it measures.
# Each start also gives the CPU seconds the process had used when it became healthy (user and system, from /proc):
# on a machine shared with other work the wall-clock seconds follow the load, the CPU seconds much less.
# Usage: bench/startup.sh [runs]   (needs target/partnership-explorer.jar: mvn -q -DskipTests package)
# Environment: BENCH_JAR (default target/partnership-explorer.jar), JAVA_OPTS (default: the flags of the README's
# "Memory"), MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_ and EXPLORER_NEO4J_PAGECACHE (default: the README's, 2, 131072
# and 32m), BENCH_PORT (default 18510), BENCH_CDS (a class-data-sharing archive to start with, made first by
# bin/cds-archive.sh when missing or older than the jar; unset: none), BENCH_THREADS (any value: also print, for each
# start, the CPU seconds each kind of thread had used when it became healthy: the compilers, Bolt's workers, main,
# ...), BENCH_JAVA_HEAP (any value: also print the Java heap's generations, committed and used, at the first answer;
# the serial collector's, as the README's settings choose), and any other EXPLORER_* setting.
#
# Builds in turns: BENCH_TURNS="a.jar b.jar ..." starts each jar in turn on one kept store, [runs] rounds (the store
# made first by an empty start of the first jar), and prints the medians per jar: the host's speed moves a start by a
# fifth within minutes, so two builds compare only start by start. With BENCH_CDS set (to any value) each jar starts
# with an archive of its own beside it (a.jsa), made first when missing or older than the jar.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=${BENCH_JAR:-target/partnership-explorer.jar}
[ -f "$jar" ] || { echo "missing $jar: run mvn -q -DskipTests package" >&2; exit 1; }
java_opts=${JAVA_OPTS--Xms32m -Xmx256m -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -Xss512k}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
export MALLOC_MMAP_THRESHOLD_=${MALLOC_MMAP_THRESHOLD_:-131072}
export EXPLORER_NEO4J_PAGECACHE=${EXPLORER_NEO4J_PAGECACHE:-32m}
port=${BENCH_PORT:-18510}
base_opts=$java_opts
with_archive() { # $1 = jar, $2 = its archive; prints the options to start it with, making the archive if needed
  # an archive older than the jar no longer fits it: the JVM would start without it, as slowly as with none
  if [ ! -f "$2" ] || [ "$1" -nt "$2" ]; then
    rm -f "$2"
    JAR=$1 JAVA_OPTS=$base_opts bin/cds-archive.sh "$2" >&2
  fi
  echo "$base_opts -XX:SharedArchiveFile=$2"
}
if [ -n "${BENCH_CDS:-}" ] && [ -z "${BENCH_TURNS:-}" ]; then
  java_opts=$(with_archive "$jar" "$BENCH_CDS")
fi
mkdir -p target
work=$(mktemp -d target/bench-startup.XXXX)
# the store goes; each start's log stays in $work until the next run, for a start that failed
trap 'rm -rf "$work/store"' EXIT
query='{"query":"{ countries(first: 1) { totalCount } }"}'

thread_cpu() { # $1 = pid; CPU seconds per kind of thread still alive (numbers in names dropped), most first
  local hz t
  hz=$(getconf CLK_TCK)
  for t in /proc/"$1"/task/*; do
    # the name is in parentheses and may hold spaces; user and system time are the 12th and 13th fields after it
    awk -v hz="$hz" '{ match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2)
      split(substr($0, RSTART + RLENGTH + 1), f, " "); printf "%.2f\t%s\n", (f[12] + f[13]) / hz, name }' \
      "$t/stat" 2>/dev/null || true # a thread that ended meanwhile
  done | awk -F'\t' '{ n = $2; gsub(/[-0-9]+$/, "", n); cpu[n] += $1 }
    END { for (n in cpu) if (cpu[n] >= 0.05) printf "%.2f %s\n", cpu[n], n }' | sort -rn | head -8 | paste -sd, -
}

start_once() { # $1 = data dir, $2 = label; prints "label healthy_seconds answer_seconds rss_mb cpu_seconds phases"
  local start healthy end pid rss cpu
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  EXPLORER_DATA_DIR="$1" EXPLORER_BOLT_PORT=0 MICRONAUT_SERVER_PORT=$port MICRONAUT_SERVER_HOST=127.0.0.1 \
    java $java_opts -jar "$jar" > "$1.$2.log" 2>&1 &
  pid=$!
  healthy=""
  for _ in $(seq 1 6000); do
    if curl -sf -m 10 -o /dev/null "http://127.0.0.1:$port/health/readiness"; then
      healthy=$(date +%s.%N)
      cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
      [ -z "${BENCH_THREADS:-}" ] || thread_cpu "$pid" > "$1.$2.threads"
      break
    fi
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
  done
  if [ -n "$healthy" ] && curl -sf -m 120 -H 'Content-Type: application/json' -d "$query" \
      "http://127.0.0.1:$port/graphql" | grep -q '"totalCount":197'; then
    end=$(date +%s.%N)
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
    # the serial collector's generations, committed and used (KB), as jcmd gives them
    [ -z "${BENCH_JAVA_HEAP:-}" ] || jcmd "$pid" GC.heap_info 2>/dev/null \
      | awk '/def new generation|tenured generation/ { name = $1 == "def" ? "young" : "old"
          match($0, /total [0-9]+K/); total = substr($0, RSTART + 6, RLENGTH - 7)
          match($0, /used [0-9]+K/); used = substr($0, RSTART + 5, RLENGTH - 6)
          printf "%s %d MB committed, %d MB used; ", name, total / 1024, used / 1024 }' > "$1.$2.heap"
    kill -TERM $pid; wait $pid 2>/dev/null || true
    python3 -c "print(f'$2 {$healthy-$start:.1f} {$end-$start:.1f} $rss $cpu', end=' ')"
    echo "$(grep -o 'Started in .*' "$1.$2.log" | head -1 || echo "(no phase line)"); $(grep -o 'Ready in .*' "$1.$2.log" | head -1 || echo "(no ready line)")"
    [ -z "${BENCH_THREADS:-}" ] || echo "  CPU seconds by thread at healthy: $(cat "$1.$2.threads")"
    [ -z "${BENCH_JAVA_HEAP:-}" ] || echo "  Java heap at the first answer: $(cat "$1.$2.heap")"
    if grep -q ' ERROR ' "$1.$2.log"; then echo "$2: the log has ERROR lines ($1.$2.log)" >&2; fi
    return 0
  fi
  kill -KILL $pid 2>/dev/null || true
  echo "$2: not healthy or no right answer within 600 s; the end of its log ($1.$2.log):" >&2; tail -20 "$1.$2.log" >&2; return 1
}

echo "java: $(java -version 2>&1 | head -1); cores: $(nproc); JAVA_OPTS: $java_opts; MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; MALLOC_MMAP_THRESHOLD_=$MALLOC_MMAP_THRESHOLD_; EXPLORER_NEO4J_PAGECACHE=$EXPLORER_NEO4J_PAGECACHE"
echo "load average before: $(cat /proc/loadavg)"
results=$work/results
if [ -n "${BENCH_TURNS:-}" ]; then
  read -r -a jars <<< "$BENCH_TURNS"
  opts_of=()
  for j in "${jars[@]}"; do
    [ -f "$j" ] || { echo "missing $j" >&2; exit 1; }
    if [ -n "${BENCH_CDS:-}" ]; then opts_of+=("$(with_archive "$j" "${j%.jar}.jsa")"); else opts_of+=("$base_opts"); fi
  done
  jar=${jars[0]} java_opts=${opts_of[0]}
  start_once "$work/store" store > /dev/null
  for i in $(seq 1 "$runs"); do
    for k in "${!jars[@]}"; do
      jar=${jars[$k]} java_opts=${opts_of[$k]}
      start_once "$work/store" "$(basename "$jar" .jar)" | tee -a "$results"
      mv "$work/store.$(basename "$jar" .jar).log" "$work/$(basename "$jar" .jar).$i.log"
    done
  done
else
  for i in $(seq 1 "$runs"); do
    rm -rf "$work/store"
    start_once "$work/store" empty | tee -a "$results"
    mv "$work/store.empty.log" "$work/empty.$i.log"
    start_once "$work/store" kept | tee -a "$results"
    mv "$work/store.kept.log" "$work/kept.$i.log"
  done
fi
echo "load average after: $(cat /proc/loadavg)"
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split(maxsplit=5) for line in open(sys.argv[1])]
for kind in dict.fromkeys(r[0] for r in rows):  # in the order first run
    mine = [r for r in rows if r[0] == kind]
    healthy = [float(r[1]) for r in mine]
    secs = [float(r[2]) for r in mine]
    rss = [int(r[3]) for r in mine]
    cpu = [float(r[4]) for r in mine]
    print(f"{kind if kind in ('empty', 'kept') else kind + ', kept'} store: to healthy median {statistics.median(healthy):.1f} s "
          f"(runs: {', '.join(f'{s:.1f}' for s in healthy)}); to the first answer median "
          f"{statistics.median(secs):.1f} s (runs: {', '.join(f'{s:.1f}' for s in secs)}); resident median "
          f"{statistics.median(rss)} MB (max {max(rss)}); CPU to healthy median {statistics.median(cpu):.1f} s")
PY
