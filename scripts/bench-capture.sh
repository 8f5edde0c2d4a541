#!/usr/bin/env bash
# Capture-file replay benchmark, side by side in one run on the same file from a warm page cache:
#   1. apptrack: FileReplay into a no-op ONOS PacketProcessor (benchmarks' ReplayBenchmark, 1 thread)
#   2. tshark -r FILE -T fields -e frame.len   (Wireshark's reader and dissectors)
#   3. ndpiReader -i FILE -n 1                 (nDPI's reader, flow table and DPI, 1 thread)
# and prints packets/s of each and the ratios.
#
#   scripts/bench-capture.sh [FILE]     (default: the file scripts/make-bench-captures.sh builds)
#   SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar; SKIP_TSHARK=1 to leave tshark out (slow).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FILE="${1:-${BENCH_DIR:-/dev/shm/apptrack-bench}/ether-long.pcap}"
[ -f "$FILE" ] || "$ROOT/scripts/make-bench-captures.sh"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && mvn -B -q install -DskipTests -pl benchmarks -am)
fi
FRAMES=$(capinfos -c -M -T "$FILE" | tail -1 | cut -f2)
cat "$FILE" > /dev/null   # warm the page cache

echo "== $FILE: $FRAMES frames"
OURS=$(java -cp "$ROOT/benchmarks/target/benchmarks.jar" org.apptrack.bench.ReplayBenchmark "$FILE" 5 | tee /dev/stderr \
  | sed -n 's/.*best \([0-9,]*\) frames\/s.*/\1/p' | tr -d ,)

NDPI_OUT=$(mktemp)
ndpiReader -i "$FILE" -n 1 > "$NDPI_OUT" 2>&1
NDPI_MS=$(sed -n 's/.*Packet Processing Time: *\([0-9]*\) msec.*/\1/p' "$NDPI_OUT")
NDPI=$(( FRAMES * 1000 / NDPI_MS ))
echo "ndpiReader: $FRAMES frames, packet processing $NDPI_MS ms: $NDPI frames/s"
rm -f "$NDPI_OUT"

if [ "${SKIP_TSHARK:-0}" != 1 ]; then
  START=$(date +%s.%N)
  tshark -r "$FILE" -T fields -e frame.len > /dev/null
  END=$(date +%s.%N)
  TSHARK=$(python3 -c "print(int($FRAMES / ($END - $START)))")
  echo "tshark: $FRAMES frames in $(python3 -c "print(round($END - $START, 2))") s: $TSHARK frames/s"
fi

echo
echo "| reader | frames/s | apptrack / reader |"
echo "|---|---:|---:|"
echo "| apptrack replay, no-op processor | $OURS | 1.00 |"
echo "| ndpiReader -n 1 | $NDPI | $(python3 -c "print(round($OURS / $NDPI, 2))") |"
[ "${SKIP_TSHARK:-0}" != 1 ] && echo "| tshark -T fields -e frame.len | $TSHARK | $(python3 -c "print(round($OURS / $TSHARK, 1))") |"
exit 0
