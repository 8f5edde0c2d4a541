#!/usr/bin/env bash
# Before/after performance for refactors: the per-packet JMH benchmarks and the end-to-end replay of
# two revisions, measured in one run and alternating (BASE, HEAD, BASE, HEAD, ...) so that both see
# the same machine, then one table with both.
#
#   scripts/bench-compare.sh [options] BASE [HEAD]
#
#   BASE, HEAD   git revisions; HEAD defaults to the working tree as it is. A revision is built in a
#                temporary git worktree (its own target/) and kept in target/revision-builds/SHA/.
#   --rounds N   JMH runs per revision, alternating (default 2)
#   --runs N     replay runs per revision and mix, alternating (default 3)
#   --quick      JMH with 1 s iterations, 2 warm-up and 3 measured (default: -wi 3 -i 5 and the
#                benchmarks' own 2 s iterations, as docs/performance.md measures them)
#   --no-jmh, --no-replay   leave a part out
#   --etc DIR    the replay configuration of both (default: each revision's distribution etc)
#   --rebuild    build revisions again
#
# JMH: java -jar benchmarks.jar DecodeLookupBenchmark EnginePacketBenchmark -f 1 -wi 3 -i 5 -prof gc
# (per packet, the established-session path, 10,000 and 1,000,000 sessions; allocation per packet
# from -prof gc). Replay: the replay tool of each revision (java -jar apptrack-replay.jar, a new JVM
# per run, logs written to tmpfs) on the mixes of scripts/make-flow-mixes.sh in $BENCH_DIR
# (default /dev/shm/apptrack-bench, made when missing, as scripts/bench-replay.sh uses them);
# best run of each by the tool's own timing and by its pipeline thread's CPU time.
#
# Timings on a shared machine move with the neighbours: compare within one run only, and repeat
# a run before trusting a difference of a few percent. Maven options come from MVN_ARGS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/dev/shm/apptrack-bench}"
ROUNDS=2
RUNS=3
QUICK=0
JMH=1
REPLAY=1
ETC=""
REBUILD=0

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-2}"; }
REVS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --no-jmh) JMH=0; shift ;;
    --no-replay) REPLAY=0; shift ;;
    --etc) ETC="$(cd "$2" && pwd)"; shift 2 ;;
    --rebuild) REBUILD=1; shift ;;
    -h|--help) usage 0 ;;
    -*) echo "bench-compare: unknown option $1" >&2; usage ;;
    *) REVS+=("$1"); shift ;;
  esac
done
[ ${#REVS[@]} -ge 1 ] && [ ${#REVS[@]} -le 2 ] || usage
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ && "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "bench-compare: --rounds/--runs need a number >= 1" >&2; exit 2; }
BASE_REV="${REVS[0]}"
HEAD_REV="${REVS[1]:-}"
JMH_ARGS=(DecodeLookupBenchmark EnginePacketBenchmark -f 1 -wi 3 -i 5 -prof gc)
[ "$QUICK" = 0 ] || JMH_ARGS=(DecodeLookupBenchmark EnginePacketBenchmark -f 1 -wi 2 -i 3 -w 1 -r 1 -prof gc)

WORK="$(mktemp -d)"
. "$ROOT/scripts/lib/revision-builds.sh"
trap 'revision_cleanup; rm -rf "$WORK"' EXIT
OUT="$ROOT/target/bench-compare"
mkdir -p "$OUT" && rm -rf "$OUT/jmh" "$OUT/replay" && mkdir -p "$OUT/jmh" "$OUT/replay"

BASE_NAME="$(revision_describe "$BASE_REV")"
HEAD_NAME="$(revision_describe "$HEAD_REV")"
for side in base head; do
  rev="$BASE_REV" name="$BASE_NAME"
  [ "$side" = base ] || rev="$HEAD_REV" name="$HEAD_NAME"
  echo "== $side: $name"
  revision_build "$rev" "$WORK/$side" benchmarks || { echo "bench-compare: cannot build $side" >&2; exit 2; }
done

MIXES=()
if [ "$REPLAY" = 1 ]; then
  for mix in long short; do
    [ -f "$BENCH_DIR/$mix-flows.pcap" ] || BENCH_DIR="$BENCH_DIR" VERIFY=0 "$ROOT/scripts/make-flow-mixes.sh" "$mix"
    MIXES+=("$BENCH_DIR/$mix-flows.pcap")
  done
fi

echo "== $(nproc) cores, $(java -version 2>&1 | head -1), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$JMH" = 1 ]; then
  for ((r = 1; r <= ROUNDS; r++)); do
    for side in base head; do
      echo "== JMH round $r, $side: java -jar benchmarks.jar ${JMH_ARGS[*]}"
      java -jar "$WORK/$side/benchmarks.jar" "${JMH_ARGS[@]}" -rf json -rff "$OUT/jmh/$side-$r.json" \
        > "$OUT/jmh/$side-$r.txt" 2>&1 || { echo "bench-compare: JMH failed, see $OUT/jmh/$side-$r.txt" >&2; exit 1; }
    done
  done
fi
if [ "$REPLAY" = 1 ]; then
  for mix in "${MIXES[@]}"; do
    cat "$mix" > /dev/null # page cache warm for both
    for ((r = 1; r <= RUNS; r++)); do
      for side in base head; do
        etc="${ETC:-$WORK/$side/etc}"
        java -jar "$WORK/$side/apptrack-replay.jar" --etc "$etc" --output "$BENCH_DIR/bench-compare.log" "$mix" \
          > "$OUT/replay/$side-$(basename "$mix")-$r.txt" 2>&1 \
          || { echo "bench-compare: replay failed, see $OUT/replay/$side-$(basename "$mix")-$r.txt" >&2; exit 1; }
        echo "== replay $(basename "$mix") run $r, $side: $(head -1 "$OUT/replay/$side-$(basename "$mix")-$r.txt")"
      done
    done
  done
  rm -f "$BENCH_DIR/bench-compare.log"
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

python3 - "$OUT" "$BASE_NAME" "$HEAD_NAME" "$ROUNDS" "$RUNS" <<'PY'
import glob, json, os, re, statistics, sys

out, base_name, head_name, rounds, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
rows = []

def ratio(b, h):
    return f"{h / b:.2f}" if b and h is not None else ""

# JMH: every (benchmark, parameters), each round's score per side, and allocation per operation
jmh = {}
for side in ("base", "head"):
    for path in sorted(glob.glob(os.path.join(out, "jmh", side + "-*.json"))):
        for result in json.load(open(path)):
            name = result["benchmark"].rsplit(".", 2)
            key = (name[-2] + "." + name[-1], " ".join(f"{k}={v}" for k, v in sorted(result.get("params", {}).items())))
            entry = jmh.setdefault(key, {"base": [], "head": [], "alloc": {}})
            entry[side].append(result["primaryMetric"]["score"])
            for metric, value in result.get("secondaryMetrics", {}).items():
                if metric.lstrip("·") == "gc.alloc.rate.norm":
                    entry["alloc"].setdefault(side, []).append(value["score"])
for (bench, params), e in sorted(jmh.items()):
    b = statistics.median(e["base"]) if e["base"] else None
    h = statistics.median(e["head"]) if e["head"] else None
    fmt = lambda xs: " / ".join(f"{x / 1e6:.2f}" for x in xs)
    rows.append((f"{bench} {params}: Mpps (each round)", fmt(e["base"]), fmt(e["head"]), ratio(b, h)))
    alloc = e["alloc"]
    bytes_ = lambda xs: " / ".join(f"{x:.4f}" if x < 1 else f"{x:,.0f}" for x in xs)
    rows.append((f"{bench} {params}: B/op allocated", bytes_(alloc.get("base", [])), bytes_(alloc.get("head", [])), ""))

# Replay: best packets/s and packets per pipeline-thread CPU second, sessions as a check
replay = {}
for path in sorted(glob.glob(os.path.join(out, "replay", "*.txt"))):
    side, rest = os.path.basename(path).split("-", 1)
    mix = rest.rsplit("-", 1)[0]
    text = open(path).read()
    pps = re.search(r"\(([\d,]+) packets/s\)", text)
    cpu = re.search(r"pipeline thread CPU [\d.]+ s \(([\d,]+) packets/CPU-s\)", text)
    sessions = re.search(r"sessions: ([\d,]+) created", text)
    e = replay.setdefault(mix, {}).setdefault(side, {"pps": [], "cpu": [], "sessions": set()})
    if pps:
        e["pps"].append(int(pps.group(1).replace(",", "")))
    if cpu:
        e["cpu"].append(int(cpu.group(1).replace(",", "")))
    if sessions:
        e["sessions"].add(sessions.group(1))
for mix, sides in sorted(replay.items()):
    b, h = sides.get("base", {}), sides.get("head", {})
    for metric, label in (("pps", "packets/s"), ("cpu", "packets/CPU-s")):
        bb = max(b.get(metric, []), default=None)
        hh = max(h.get(metric, []), default=None)
        rows.append((f"replay {mix}: {label} (best of {runs})", f"{bb:,}" if bb else "-", f"{hh:,}" if hh else "-",
                     ratio(bb, hh)))
    rows.append((f"replay {mix}: sessions created", ", ".join(sorted(b.get("sessions", []))),
                 ", ".join(sorted(h.get("sessions", []))), ""))

print(f"BASE: {base_name}")
print(f"HEAD: {head_name}")
print()
print("| measurement | BASE | HEAD | HEAD ÷ BASE |")
print("|---|---:|---:|---:|")
for r in rows:
    print("| " + " | ".join(r) + " |")
PY
echo
echo "JMH and replay output: $OUT"
