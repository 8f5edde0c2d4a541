# Sourced by the capture-building scripts: sets PCAPS (the nDPI developer captures, override with
# NDPI_PCAPS), OUT (BENCH_DIR, default /dev/shm/apptrack-bench, created) and ETHER (the pcaps
# among them whose link type is Ethernet, the ones both benchmarks use). Needs ROOT.
PCAPS="${NDPI_PCAPS:-$ROOT/../shared/testdata/ndpi/pcap}"
OUT="${BENCH_DIR:-/dev/shm/apptrack-bench}"
[ -d "$PCAPS" ] || { echo "no nDPI captures at $PCAPS" >&2; exit 1; }
mkdir -p "$OUT"
ETHER=()
for f in "$PCAPS"/*; do
  t=$(capinfos -t -E -T "$f" 2>/dev/null | tail -1 | cut -f2,3 | tr '\t' ' ')
  [ "$t" = "pcap ether" ] && ETHER+=("$f")
done
