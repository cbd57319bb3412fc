#!/usr/bin/env bash
# First calls against the peer, round after round: each round is a run of bench/peer.sh with no load (a fresh store,
# a fresh standalone Neo4j, a fresh service after its warm-up, a fresh peer), so every question meets both sides'
# code and Neo4j's plan cache cold. Which side is asked first alternates by question and by round, since the side
# asked second finds the question's data in Neo4j's page cache. A single first call swings by half its time from run
# to run on a shared machine; the medians over the rounds say more.
#
#   bench/first-calls.sh [rounds, default 5] [question,question,...]
#
# Prints each round's table, then per question the median first call of each side, their ratio with a 95 % interval,
# and in how many rounds the service answered no slower than the peer (bench/peer/first_call_medians.py, which also
# pools the rounds of several saved outputs).
#
# BENCH_SPLIT=1 also records the loopback traffic of every round with tcpdump (which needs root or CAP_NET_RAW) and
# splits each side's first calls into the time on the server's socket, the time Neo4j spent on the side's statements,
# and the rest (bench/peer/first_call_split.py). It takes the ports BENCH_PORT_BASE to BENCH_PORT_BASE+4 (41000 unless
# set), so that the capture knows them. The capture takes CPU of its own: read its rounds for where the time goes, and
# a plain run for the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
only=${2:-}
out=target/bench-first-calls
rm -rf "$out" && mkdir -p "$out"
split=${BENCH_SPLIT:-}
if [ -n "$split" ]; then
  command -v tcpdump > /dev/null || { echo "BENCH_SPLIT needs tcpdump (Debian: apt-get install tcpdump)" >&2; exit 1; }
  export BENCH_PORT_BASE=${BENCH_PORT_BASE:-41000}
  base=$BENCH_PORT_BASE
fi
echo "# First calls, $rounds rounds, $(date -u +%Y-%m-%dT%H:%MZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 0 ]; then export BENCH_FLIP=1; else unset BENCH_FLIP; fi
  if [ -n "$split" ]; then
    tcpdump -i lo -n -tt -l -A -s 0 "tcp port $((base + 1)) or tcp port $((base + 2)) or tcp port $((base + 3))" \
      > "$out/wire-$round.txt" 2> "$out/tcpdump-$round.log" &
    capture=$!
    sleep 1 # tcpdump listening before the first packet
  fi
  bench/peer.sh 0 0 $only > "$out/round-$round.md" 2>&1 \
    || { [ -z "$split" ] || kill -INT $capture; cat "$out/round-$round.md"; exit 1; }
  if [ -n "$split" ]; then kill -INT $capture; wait $capture || true; fi
  echo
  echo "## round $round"
  grep '^| ' "$out/round-$round.md"
done
echo
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
python3 bench/peer/first_call_medians.py "$out"/round-*.md
if [ -n "$split" ]; then
  echo
  python3 bench/peer/first_call_split.py "$out" "$rounds" "$base"
fi
