#!/usr/bin/env bash
# End-to-end replay benchmark, side by side in one run on the same files from a warm page cache:
#   1. ndpiReader -i FILE -n 1             nDPI's reader, flow table and DPI, one thread; its own
#                                          "Packet Processing Time" (setup excluded, as it prints it)
#   2. ndpiReader -i FILE -n 1 -T 0 -U 0   the same, DPI given up after a flow's first packet:
#                                          ndpiReader 4.2 has no option to skip DPI, this is the
#                                          closest it has to flow accounting only
#   3. the offline replay tool             java -jar replay-tool/target/apptrack-replay.jar (what
#                                          scripts/replay.sh runs) with the distribution's etc/
#                                          (logSessionCreate + logSessionClose, volume updates every
#                                          300 s), every log formatted in sd-syslog and written to a
#                                          file on tmpfs; one pipeline thread (reader -> ONOS
#                                          PacketService stand-in -> engine -> formatter -> file); its
#                                          own timing: capture opened .. last log line flushed (JVM
#                                          start, class loading, configuration before that, ~0.4 s,
#                                          excluded, JIT compilation included: a new JVM per run)
# Runs alternate (ndpiReader, ndpiReader -T 0 -U 0, replay tool) RUNS times; the best run of each is
# reported, plus process CPU time (user + sys: the JVM compiles and collects garbage on other
# threads, ndpiReader has none) and, for reference, the replay tool in one JVM replaying the file
# RUNS times (--repeat: the best run once the JIT has compiled the pipeline).
#
#   scripts/bench-replay.sh [FILE...]      default: long-flows.pcap and short-flows.pcap in $BENCH_DIR
#                                          (/dev/shm/apptrack-bench), built by scripts/make-flow-mixes.sh
#   RUNS=5  SKIP_BUILD=1 (reuse the jar)  LOGS=FILE (where the logs go; default $BENCH_DIR/replay.log,
#   /dev/null to leave the write out)  JAVA_OPTS (extra JVM options, as scripts/replay.sh takes them)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${BENCH_DIR:-/dev/shm/apptrack-bench}"
RUNS="${RUNS:-5}"
LOGS="${LOGS:-$DIR/replay.log}"
ETC="$ROOT/karaf-assembly/src/main/resources/etc"
JAR="$ROOT/replay-tool/target/apptrack-replay.jar"
FILES=("$@")
if [ ${#FILES[@]} -eq 0 ]; then
  FILES=("$DIR/long-flows.pcap" "$DIR/short-flows.pcap")
  [ -f "$DIR/long-flows.pcap" ] || BENCH_DIR="$DIR" "$ROOT/scripts/make-flow-mixes.sh" long
  [ -f "$DIR/short-flows.pcap" ] || BENCH_DIR="$DIR" "$ROOT/scripts/make-flow-mixes.sh" short
fi
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$JAR" ]; then
  (cd "$ROOT" && mvn -B -q install -DskipTests -pl replay-tool -am)
fi
command -v ndpiReader >/dev/null || { echo "ndpiReader is missing (Debian libndpi-bin)" >&2; exit 1; }
TMP=$(mktemp -d)
[ -z "${KEEP_TMP:-}" ] || echo "work files in $TMP"
[ -n "${KEEP_TMP:-}" ] || trap 'rm -rf "$TMP"' EXIT

best() { sort -g | tail -1; }
pps() { python3 -c "print(int($1 / ($2)))"; }
fmt() { python3 -c "print(f'{int($1):,}')"; }

echo "== $(nproc) cores, $(java -version 2>&1 | head -1), $(ndpiReader -h 2>&1 | sed -n 's/Welcome to \(nDPI [0-9.]*\).*/\1/p' | head -1)"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
ROWS=()
for FILE in "${FILES[@]}"; do
  NAME=$(basename "$FILE")
  FRAMES=$(capinfos -c -M -T "$FILE" | tail -1 | cut -f2)
  cat "$FILE" > /dev/null   # warm the page cache
  : > "$TMP/ndpi" ; : > "$TMP/ndpi0" ; : > "$TMP/ours"
  echo "== $FILE: $FRAMES frames"
  for i in $(seq "$RUNS"); do
    # each line of $TMP/TOOL: packets/s by the tool's own timing, packets per CPU second, CPU seconds
    /usr/bin/time -f '%U %S' -o "$TMP/t" ndpiReader -i "$FILE" -n 1 > "$TMP/out" 2>&1
    MS=$(sed -n 's/.*Packet Processing Time: *\([0-9]*\) msec.*/\1/p' "$TMP/out")
    NDPI_FLOWS=$(sed -n 's/.*Unique flows: *\([0-9]*\).*/\1/p' "$TMP/out")
    CPU=$(awk '{print $1 + $2}' "$TMP/t")
    echo "$(pps "$FRAMES" "$MS / 1000") $(pps "$FRAMES" "$CPU") $CPU" >> "$TMP/ndpi"
    echo "  run $i ndpiReader:              $MS ms processing, $CPU s CPU, $NDPI_FLOWS flows"

    /usr/bin/time -f '%U %S' -o "$TMP/t" ndpiReader -i "$FILE" -n 1 -T 0 -U 0 > "$TMP/out" 2>&1
    MS0=$(sed -n 's/.*Packet Processing Time: *\([0-9]*\) msec.*/\1/p' "$TMP/out")
    CPU=$(awk '{print $1 + $2}' "$TMP/t")
    echo "$(pps "$FRAMES" "$MS0 / 1000") $(pps "$FRAMES" "$CPU") $CPU" >> "$TMP/ndpi0"
    echo "  run $i ndpiReader -T 0 -U 0:    $MS0 ms processing, $CPU s CPU"

    /usr/bin/time -f '%e %U %S' -o "$TMP/t" java ${JAVA_OPTS:-} -jar "$JAR" --etc "$ETC" --output "$LOGS" "$FILE" \
      > "$TMP/summary" 2>&1
    OURS=$(sed -n '1s/.*(\([0-9,]*\) packets\/s).*/\1/p' "$TMP/summary" | tr -d ,)
    SECS=$(sed -n '1s/.* in \([0-9.]*\) s .*/\1/p' "$TMP/summary")
    TCPU=$(sed -n 's/.*pipeline thread CPU \([0-9.]*\) s.*/\1/p' "$TMP/summary")
    SESSIONS=$(sed -n 's/.*sessions: \([0-9,]*\) created.*/\1/p' "$TMP/summary" | tr -d ,)
    read -r WALL U S < "$TMP/t"
    CPU=$(python3 -c "print(round($U + $S, 2))")
    echo "$OURS $(pps "$FRAMES" "$TCPU") $CPU $WALL" >> "$TMP/ours"
    echo "  run $i replay tool:             $SECS s own timing, pipeline thread $TCPU s CPU;" \
         "process: $WALL s wall, $CPU s CPU (all threads); $SESSIONS sessions"
  done
  LINES=$( [ "$LOGS" = /dev/null ] && echo "-" || wc -l < "$LOGS")
  BYTES=$( [ "$LOGS" = /dev/null ] && echo "-" || stat -c %s "$LOGS")
  grep -E 'APPTRACK_|sessions:|frames:' "$TMP/summary" | sed 's/^/    /'
  echo "    log file: $LINES lines, $BYTES bytes ($LOGS)"
  # the replay tool in one JVM, RUNS times: steady state once compiled (reference only)
  java ${JAVA_OPTS:-} -jar "$JAR" --etc "$ETC" --output "$LOGS" --repeat "$RUNS" "$FILE" > "$TMP/warm" 2>&1
  sed -n 's/^run/  warm JVM run/p' "$TMP/warm"
  WARM=$(sed -n 's/^run [0-9]*: .*(\([0-9,]*\) packets\/s).*/\1/p' "$TMP/warm" | tr -d , | best)
  WARMCPU=$(sed -n 's/^run [0-9]*: .*(\([0-9,]*\) packets\/CPU-s).*/\1/p' "$TMP/warm" | tr -d , | best)
  best1() { sort -g -k1 "$1" | tail -1 | cut -d' ' -f1; }
  best2() { sort -g -k2 "$1" | tail -1 | cut -d' ' -f2; }
  NP=$(best1 "$TMP/ndpi"); NC=$(best2 "$TMP/ndpi")
  N0P=$(best1 "$TMP/ndpi0"); N0C=$(best2 "$TMP/ndpi0")
  OP=$(best1 "$TMP/ours"); OC=$(best2 "$TMP/ours")
  OWALL=$(sort -g -k4 "$TMP/ours" | head -1 | cut -d' ' -f4)
  ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
  ROWS+=("| $NAME | ndpiReader -n 1 | $(fmt "$NDPI_FLOWS") flows | $(fmt "$NP") | $(fmt "$NC") | **$(ratio "$OP" "$NP")** | **$(ratio "$OC" "$NC")** |")
  ROWS+=("| $NAME | ndpiReader -n 1 -T 0 -U 0 | | $(fmt "$N0P") | $(fmt "$N0C") | $(ratio "$OP" "$N0P") | $(ratio "$OC" "$N0C") |")
  ROWS+=("| $NAME | replay tool, new JVM per run | $(fmt "$SESSIONS") sessions | $(fmt "$OP") | $(fmt "$OC") | 1.00 | 1.00 |")
  ROWS+=("| $NAME | (replay tool incl. JVM start: process wall time) | | $(fmt "$(pps "$FRAMES" "$OWALL")") | | | |")
  ROWS+=("| $NAME | (replay tool, warm JVM: --repeat $RUNS) | | $(fmt "$WARM") | $(fmt "$WARMCPU") | | |")
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Best of $RUNS runs each. packets/s: by each tool's own timing (ndpiReader: its Packet Processing Time;"
echo "replay tool: capture opened .. last log flushed). packets/CPU-s: ndpiReader's process CPU time"
echo "(user + sys, setup included), the replay tool's pipeline-thread CPU time (JIT and GC threads not included)."
echo
echo "| mix | tool | flows | packets/s | packets/CPU-s | replay ÷ tool (packets/s) | replay ÷ tool (CPU) |"
echo "|---|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
