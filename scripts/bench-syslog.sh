#!/usr/bin/env bash
# Performance benchmarks of the security-log stream (bundle-syslog), module benchmarks/.
#
# Usage: scripts/bench-syslog.sh [all|format|delivery] [DeliveryBenchmark options...]
#
#   all (default)  build, then the JMH formatting benchmark, then the rsyslog delivery benchmark
#   format         build, JMH FormatBenchmark only
#   delivery       build, DeliveryBenchmark only
#
# DeliveryBenchmark options (defaults in brackets; anything after the first argument is passed on):
#   --rate N             records/s each producer offers; 0 = as fast as it can [200000]
#   --seconds S          length of each phase [60]
#   --phases LIST        baseline,product; add "inline" for formatter + plain socket [baseline,product]
#   --rsyslog MODE       tuned | harness (the Rsyslog harness's RAW_TCP config unchanged) [tuned]
#   --input IN           tuned mode input: imptcp | imtcp [imptcp]
#   --input-threads N    imptcp worker threads [2]
#   --queue-workers N    rsyslog main queue worker threads [2]
#   --batch N            rsyslog main queue dequeue batch size [4096]
#   --queue-capacity N   the product stream's queueCapacity [8388608]
#   --pool N             distinct records cycled, power of two [4096]
#   --drain-timeout S    give up waiting for rsyslog after S seconds without progress [120]
#
# Environment:
#   JMH_ARGS        JMH options [-f 1 -wi 3 -i 5 -t 1 -prof gc]
#   JMH_FILTER      JMH benchmark regexp [FormatBenchmark]
#   BENCH_TMPDIR    where rsyslog's work dir and output go; must be tmpfs with room for one phase
#                   (60 s x 200 k/s x ~1.1 kB = ~14 GB) [/dev/shm]
#   JAVA_OPTS       JVM options of the delivery benchmark [-Xms1g -Xmx1g]
#   SKIP_BUILD=1    reuse benchmarks/target/benchmarks.jar
#
# Examples:
#   scripts/bench-syslog.sh                                  # everything with the defaults
#   scripts/bench-syslog.sh delivery --rate 0 --seconds 30   # max-rate delivery
#   JMH_ARGS="-f 1 -wi 3 -i 5 -t 1 -prof gc -jvmArgsAppend -Dio.netty.leakDetection.level=disabled" \
#     scripts/bench-syslog.sh format
#
# Needs rsyslogd (scripts/install-test-deps.sh). Results are printed and kept in
# benchmarks/target/bench-format.txt and benchmarks/target/bench-delivery.txt.
set -euo pipefail

cd "$(dirname "$0")/.."
what="${1:-all}"
[ $# -gt 0 ] && shift
case "$what" in
  all|format|delivery) ;;
  -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
  *) echo "unknown mode '$what' (all|format|delivery)" >&2; exit 2 ;;
esac

JMH_ARGS="${JMH_ARGS:--f 1 -wi 3 -i 5 -t 1 -prof gc}"
JMH_FILTER="${JMH_FILTER:-FormatBenchmark}"
BENCH_TMPDIR="${BENCH_TMPDIR:-/dev/shm}"
JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx1g}"
JAR=benchmarks/target/benchmarks.jar

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== build: mvn -B -q -pl benchmarks -am package -DskipTests"
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
[ -f "$JAR" ] || { echo "missing $JAR" >&2; exit 1; }

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

if [ "$what" = all ] || [ "$what" = format ]; then
  echo "== JMH: java -jar $JAR $JMH_FILTER $JMH_ARGS"
  # shellcheck disable=SC2086
  java -jar "$JAR" "$JMH_FILTER" $JMH_ARGS 2>&1 | tee benchmarks/target/bench-format.txt
fi

if [ "$what" = all ] || [ "$what" = delivery ]; then
  if ! command -v rsyslogd >/dev/null 2>&1 && [ ! -x /usr/sbin/rsyslogd ]; then
    echo "rsyslogd not installed: run scripts/install-test-deps.sh" >&2
    exit 1
  fi
  echo "== delivery: java $JAVA_OPTS -Djava.io.tmpdir=$BENCH_TMPDIR -cp $JAR org.apptrack.bench.DeliveryBenchmark $*"
  # shellcheck disable=SC2086
  java $JAVA_OPTS -Djava.io.tmpdir="$BENCH_TMPDIR" -cp "$JAR" org.apptrack.bench.DeliveryBenchmark "$@" 2>&1 \
    | tee benchmarks/target/bench-delivery.txt
fi
