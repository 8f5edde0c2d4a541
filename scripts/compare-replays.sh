#!/usr/bin/env bash
# Before/after check for refactors: replays every capture of the nDPI developer sets through the
# offline replay tool of two revisions and compares what they print, byte for byte.
#
#   scripts/compare-replays.sh [options] BASE [HEAD]
#
#   BASE, HEAD   git revisions; HEAD defaults to the working tree as it is (uncommitted changes
#                included). A revision is built in a temporary git worktree (its own target/),
#                the working tree in place.
#   --sets LIST  comma-separated sets of ../shared/testdata/SET/pcap (default ndpi,ndpi-extended)
#   --etc DIR    the configuration of both runs (default: each revision's own distribution etc,
#                karaf-assembly/src/main/resources/etc)
#   --jobs N     replay JVMs at a time (default 2; each replays its share of the files in one JVM)
#   --out DIR    where the outputs stay for inspection (default target/compare-replays)
#   --rebuild    build revisions again instead of reusing target/revision-builds/SHA/
#
# Compared per capture: the logs (the tool's --output file), the rest of what the tool printed
# (summary, errors; the timing lines "... in N s (N packets/s)" and "pipeline thread CPU" left
# out) and its exit status. Prints identical/different per capture (with the first difference),
# then a total. Exit status 0 only when every capture is identical, 1 when one differs, 2 on a
# usage or build error.
#
# Maven options for the builds come from MVN_ARGS (e.g. MVN_ARGS="-o -Dmaven.repo.local=DIR").
# A revision's replay tool and etc are kept in target/revision-builds/SHA/ and reused.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TESTDATA="${TESTDATA:-$ROOT/../shared/testdata}"
SETS="ndpi,ndpi-extended"
ETC=""
JOBS=2
OUT="$ROOT/target/compare-replays"
REBUILD=0

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-2}"; }
REVS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sets) SETS="$2"; shift 2 ;;
    --etc) ETC="$(cd "$2" && pwd)"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --rebuild) REBUILD=1; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "compare-replays: unknown option $1" >&2; usage ;;
    *) REVS+=("$1"); shift ;;
  esac
done
[ ${#REVS[@]} -ge 1 ] && [ ${#REVS[@]} -le 2 ] || usage
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || { echo "compare-replays: --jobs needs a number >= 1" >&2; exit 2; }
BASE_REV="${REVS[0]}"
HEAD_REV="${REVS[1]:-}"

WORK="$(mktemp -d)"
. "$ROOT/scripts/lib/revision-builds.sh"
trap 'revision_cleanup; rm -rf "$WORK"' EXIT

build() {
  echo "== $2: $(revision_describe "$1")"
  revision_build "$1" "$WORK/$2" || { echo "compare-replays: cannot build $2" >&2; exit 2; }
}

START=$SECONDS
build "$BASE_REV" base
build "$HEAD_REV" head
BUILT=$SECONDS

# The captures, largest first, dealt round-robin into one list per JVM of each side.
IFS=, read -r -a SET_LIST <<< "$SETS"
: > "$WORK/captures"
for set in "${SET_LIST[@]}"; do
  dir="$TESTDATA/$set/pcap"
  [ -d "$dir" ] || { echo "compare-replays: no captures in $dir" >&2; exit 2; }
  find "$dir" -maxdepth 1 -type f -printf "%s\t$set/%f\t%p\n" >> "$WORK/captures"
done
sort -rn "$WORK/captures" | cut -f2- > "$WORK/captures.sorted"
TOTAL=$(wc -l < "$WORK/captures.sorted")
SHARDS=$(( (JOBS + 1) / 2 ))
for side in base head; do
  for ((i = 0; i < SHARDS; i++)); do
    awk -v n="$SHARDS" -v i="$i" 'NR % n == i' "$WORK/captures.sorted" > "$WORK/$side.list.$i"
  done
done
echo "== replaying $TOTAL captures of $SETS with both, $JOBS JVM(s) at a time"

mkdir -p "$OUT" && rm -rf "$OUT/base" "$OUT/head" "$OUT"/*.jvm-*.txt && mkdir -p "$OUT/base" "$OUT/head"
OUT="$(cd "$OUT" && pwd)"
export ROOT WORK OUT ETC
for side in base head; do
  for ((i = 0; i < SHARDS; i++)); do echo "$side $i"; done
done | xargs -P "$JOBS" -L 1 bash -c '
  side=$0 i=$1
  etc="${ETC:-$WORK/$side/etc}"
  mkdir -p "$WORK/tmp-$side-$i"
  java -Djava.io.tmpdir="$WORK/tmp-$side-$i" -cp "$WORK/$side/apptrack-replay.jar" \
    "$ROOT/scripts/lib/ReplayCaptures.java" "$etc" "$OUT/$side" "$WORK/$side.list.$i" \
    > "$OUT/$side.jvm-$i.txt" 2>&1 || echo "compare-replays: the $side JVM $i failed, see $OUT/$side.jvm-$i.txt" >&2
' || true
REPLAYED=$SECONDS

# what the tool printed besides the logs, without the lines that carry timings
untimed() {
  sed -E -e 's/ in [0-9.]+ s \([0-9,]+ packets\/s\)$//' -e '/^  pipeline thread CPU /d' -e '/^run [0-9]+: /d' "$1"
}
clip() { cut -c1-240; }
# the first line where two files differ (one may end before the other)
first_difference() {
  local said
  said="$(cmp "$1" "$2" 2>&1 || true)"
  case "$said" in
    *differ:*line*) echo "$said" | sed -n 's/.* line \([0-9]*\).*/\1/p' ;;
    *EOF*empty*) echo 1 ;;
    *EOF*line*) echo $(( $(echo "$said" | sed -n 's/.* line \([0-9]*\).*/\1/p') + 1 )) ;;
    *) echo "?" ;;
  esac
}

line=""
while IFS=$'\t' read -r key _; do
  b="$OUT/base/$key" h="$OUT/head/$key"
  why=()
  if [ ! -f "$b.rc" ] || [ ! -f "$h.rc" ]; then
    why+=("no output from $( [ -f "$b.rc" ] && echo head || echo base)")
  else
    [ "$(cat "$b.rc")" = "$(cat "$h.rc")" ] || why+=("exit status $(cat "$b.rc") -> $(cat "$h.rc")")
    if ! cmp -s "$b.log" "$h.log"; then
      line="$(first_difference "$b.log" "$h.log")"
      why+=("logs differ from line ${line:-?} ($(wc -l < "$b.log") -> $(wc -l < "$h.log") lines)")
    fi
    untimed "$b.summary" > "$WORK/b.summary"
    untimed "$h.summary" > "$WORK/h.summary"
    cmp -s "$WORK/b.summary" "$WORK/h.summary" || why+=("summary differs")
  fi
  if [ ${#why[@]} -eq 0 ]; then
    echo "identical  $key"
  else
    echo "DIFFERENT  $key: $(IFS=';'; echo "${why[*]}" | sed 's/;/; /g')"
    if [ -n "${line:-}" ]; then
      echo "    base: $(sed -n "${line}p" "$b.log" | clip)"
      echo "    head: $(sed -n "${line}p" "$h.log" | clip)"
    fi
    if [ -f "$b.rc" ] && [ -f "$h.rc" ] && ! cmp -s "$WORK/b.summary" "$WORK/h.summary"; then
      { diff "$WORK/b.summary" "$WORK/h.summary" || true; } | grep '^[<>]' | head -8 | clip | sed 's/^/    /'
    fi
    line=""
  fi
done < <(sort "$WORK/captures.sorted") > "$WORK/report"
cat "$WORK/report"
SAME=$(grep -c '^identical' "$WORK/report" || true)
DIFFERENT=$(grep -c '^DIFFERENT' "$WORK/report" || true)
echo
echo "$TOTAL captures ($SETS): $SAME identical, $DIFFERENT different" \
     "(build $((BUILT - START)) s, replay $((REPLAYED - BUILT)) s, compare $((SECONDS - REPLAYED)) s; outputs in $OUT)"
[ "$DIFFERENT" -eq 0 ] && [ "$SAME" -eq "$TOTAL" ]
