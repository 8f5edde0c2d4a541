#!/usr/bin/env bash
# Builds the large capture files the replay benchmarks read, from the nDPI developer captures in
# ../shared/testdata/ndpi/pcap (real traffic): every Ethernet pcap concatenated (mergecap -a), then
# doubled N times. Output goes to $BENCH_DIR (default /dev/shm/apptrack-bench).
#
#   scripts/make-bench-captures.sh [DOUBLINGS]     (default 9: 512 copies, about 4.7 M frames)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOUBLINGS="${1:-9}"
. "$ROOT/scripts/lib/ndpi-ether-pcaps.sh"
mergecap -F pcap -a -w "$OUT/ether-1x.pcap" "${ETHER[@]}"
cp "$OUT/ether-1x.pcap" "$OUT/ether-long.pcap"
for _ in $(seq "$DOUBLINGS"); do
  mergecap -F pcap -a -w "$OUT/tmp.pcap" "$OUT/ether-long.pcap" "$OUT/ether-long.pcap"
  mv "$OUT/tmp.pcap" "$OUT/ether-long.pcap"
done
capinfos -c -s "$OUT/ether-long.pcap"
