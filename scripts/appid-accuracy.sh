#!/usr/bin/env bash
# Accuracy of application identification: replays labelled captures through the AppTrack pipeline
# (the distribution's configuration, karaf-assembly/src/main/resources/etc) and compares each
# session's application and nested-application with nDPI's label of the flow, through the naming
# table ../shared/reference/application-names.tsv. Prints a Markdown report to standard output.
#
#   scripts/appid-accuracy.sh [options] [DIR...]
#
#   DIR              a directory of labelled captures: flows.tsv in the nDPI sets' format, the
#                    captures in DIR/pcap/ or DIR/, optionally ndpiReader's DIR/result/NAME.out.
#                    Default: ../shared/testdata/ndpi, ../shared/testdata/ndpi-extended and every
#                    directory of this repository that holds a flows.tsv (our own captures).
#   --flows FILE     also write one tab-separated line per flow (diff two runs with it)
#   --per-capture    add a line per capture
#   --top N          pairs per table of disagreements (default 15)
#   --names FILE     another naming table
#   --etc DIR        another configuration
#
# TESTDATA names the shared test data (default ../shared/testdata beside the checkout). The
# replay tool's jar is built (MVN_ARGS passed to Maven, e.g. MVN_ARGS="-o -Dmaven.repo.local=DIR")
# when it is missing or older than a source file, so the report always measures the working tree.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TESTDATA="${TESTDATA:-$ROOT/../shared/testdata}"
NAMES="$(dirname "$TESTDATA")/reference/application-names.tsv"
JAR="$ROOT/replay-tool/target/apptrack-replay.jar"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-2}"; }
OPTIONS=()
DIRS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --names) NAMES="$2"; shift 2 ;;
    --flows|--top|--etc) [ $# -ge 2 ] || { echo "appid-accuracy: $1 needs a value" >&2; exit 2; }
      OPTIONS+=("$1" "$2"); shift 2 ;;
    --per-capture) OPTIONS+=("$1"); shift ;;
    -h|--help) usage 0 ;;
    -*) echo "appid-accuracy: unknown option $1" >&2; usage ;;
    *) DIRS+=("$1"); shift ;;
  esac
done
if [ ${#DIRS[@]} -eq 0 ]; then
  for set in ndpi ndpi-extended; do
    [ -f "$TESTDATA/$set/flows.tsv" ] || { echo "appid-accuracy: no $TESTDATA/$set/flows.tsv (set TESTDATA)" >&2; exit 2; }
    DIRS+=("$TESTDATA/$set")
  done
  while IFS= read -r tsv; do
    DIRS+=("$(dirname "$tsv")")
  done < <(find "$ROOT" \( -name target -o -name .git -o -name node_modules \) -prune -o -name flows.tsv -type f -print | sort)
fi
[ -f "$NAMES" ] || { echo "appid-accuracy: no naming table $NAMES (--names FILE)" >&2; exit 2; }

if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT" \( -name target -o -name .git \) -prune -o \
    \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$JAR" -print -quit)" ]; then
  echo "appid-accuracy: building the replay tool" >&2
  (cd "$ROOT" && mvn -B -q ${MVN_ARGS:-} package -DskipTests -pl replay-tool -am) >&2
fi
exec java ${JAVA_OPTS:-} -Dapptrack.etc="$ROOT/karaf-assembly/src/main/resources/etc" \
  -cp "$JAR" org.apptrack.tool.accuracy.AccuracyReport --names "$NAMES" "${OPTIONS[@]}" "${DIRS[@]}"
