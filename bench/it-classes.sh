#!/usr/bin/env bash
# Times integration-test classes through Failsafe, without rebuilding the jar: each class's time from its report and
# the test JVM's CPU (user + system, its children included) from /usr/bin/time around the forked JVM. CPU is the
# figure to compare on a shared machine, where wall time follows the other builds' load.
#   bench/it-classes.sh LABEL "EXTRA JVM OPTIONS" Class1IT,Class2IT
# Needs compiled classes (mvn -o test-compile) and target/runtime-classpath.txt (mvn -o process-test-resources).
set -euo pipefail
cd "$(dirname "$0")/.."
label=$1 extra=$2 classes=$3
out=target/it-classes/$label
rm -rf "$out" target/failsafe-reports
mkdir -p "$out/jdk/bin" target/tmp
java=$(readlink -f "$(command -v java)")
# Failsafe accepts another java only by a path ending in bin/java: a wrapper that times the real one
cat > "$out/jdk/bin/java" <<WRAP
#!/bin/sh
exec /usr/bin/time -a -o "$PWD/$out/cpu.txt" -f "%U %S %e" "$java" "\$@"
WRAP
chmod +x "$out/jdk/bin/java"
tmp=$PWD/target/tmp
args="-Xmx1g -XX:+UseParallelGC -Djava.io.tmpdir=$tmp -Djna.tmpdir=$tmp --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
status=0
mvn -o -B failsafe:integration-test failsafe:verify -Djvm="$PWD/$out/jdk/bin/java" "-Dtest.argLine=$args $extra" \
    -Dit.test="$classes" > "$out/mvn.log" 2>&1 || status=$?
cp -r target/failsafe-reports "$out/"
python3 - "$label" "$out" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$status" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
label, out, before, after, status = sys.argv[1:]
user, system, wall = (float(x) for x in open(out + "/cpu.txt").read().split()[:3])
print(f"{label}: exit {status}, test JVM CPU {user + system:.1f} s (user {user:.1f}, sys {system:.1f}), wall {wall:.1f} s, "
      f"load average before {before}, after {after}")
for f in sorted(glob.glob(out + "/failsafe-reports/TEST-*.xml")):
    r = ET.parse(f).getroot()
    print(f"  {r.get('name').rsplit('.', 1)[1]}: {float(r.get('time')):.1f} s, {r.get('tests')} tests, "
          f"{r.get('failures')} failures, {r.get('errors')} errors")
PY
