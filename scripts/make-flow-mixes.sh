#!/usr/bin/env bash
# Builds the two flow mixes of the end-to-end replay benchmark (scripts/bench-replay.sh) from the
# nDPI developer captures in ../shared/testdata/ndpi/pcap (real traffic; the 44 classic pcap files
# with Ethernet link type, as scripts/make-bench-captures.sh takes them). Output in $BENCH_DIR
# (default /dev/shm/apptrack-bench):
#
#   long-flows.pcap   the packets of every flow with at least LONG_MIN_PACKETS (default 100)
#                     packets, file after file, then the whole set repeated until it has at least
#                     LONG_PACKETS (default 4,000,000) packets. Every copy is shifted in time to
#                     start 1 s after the previous copy ends (timestamps only grow), addresses and
#                     ports unchanged: UDP flows continue as the same long flows, TCP flows open again
#                     with their SYN.
#   short-flows.pcap  SHORT_FLOWS (default 200,000) distinct short flows: templates are the
#                     complete short flows of the captures (TCP from its SYN, at most 20 packets;
#                     UDP at most 20 packets, e.g. DNS, no tunnels; ICMP/ICMPv6 echo), no fragments, at most 30 s
#                     long. Copy u of a template gets its own client address (IPv4 100.64.0.0/10 +
#                     u, IPv6 fd00:a77::/64 + u; the server keeps its address and port), so every copy
#                     is its own 5-tuple; a new flow starts every SHORT_GAP_US (default 20) µs of
#                     capture time and the packets are written in time order. The IPv4 header, TCP,
#                     UDP and ICMPv6 checksums are updated incrementally (RFC 1624), so they stay as
#                     valid as they were in the template (neither ndpiReader nor AppTrack checks
#                     them).
#
#   scripts/make-flow-mixes.sh [long|short|all]       (default all)
#   VERIFY=0 skips the independent flow count with tshark (-z conv,ip -z conv,ipv6 on the short mix:
#   every short flow has its own client address, so address pairs = flows; about a minute).
#
# Needs python3 (standard library only), capinfos and tshark (wireshark-common, tshark).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WHAT="${1:-all}"
. "$ROOT/scripts/lib/ndpi-ether-pcaps.sh"
echo "${#ETHER[@]} Ethernet pcaps in $PCAPS" >&2

mix() {
  python3 - "$@" <<'PY'
import struct, sys

mode, out_path = sys.argv[1], sys.argv[2]
params = dict(a.split('=', 1) for a in sys.argv[3:] if '=' in a)
files = [a for a in sys.argv[3:] if '=' not in a]

def read_pcap(path):
    """(ts_ns, frame bytes, original length) of every record of a classic pcap file."""
    with open(path, 'rb') as f:
        data = f.read()
    magic = data[:4]
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        e = '<'
    elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        e = '>'
    else:
        raise SystemExit(path + ': not a classic pcap file')
    nano = magic in (b'\x4d\x3c\xb2\xa1', b'\xa1\xb2\x3c\x4d')
    hdr = struct.Struct(e + 'IIII')
    pos = 24
    while pos + 16 <= len(data):
        sec, frac, incl, orig = hdr.unpack_from(data, pos)
        pos += 16
        if pos + incl > len(data):
            break
        yield sec * 1_000_000_000 + (frac if nano else frac * 1000), data[pos:pos + incl], orig
        pos += incl

def parse(b):
    """Flow facts of an Ethernet frame, or None when it is not plain IP."""
    off = 12
    et = int.from_bytes(b[off:off + 2], 'big') if len(b) >= 14 else 0
    tags = 0
    while et in (0x8100, 0x88a8) and tags < 2 and len(b) >= off + 6:
        off += 4
        tags += 1
        et = int.from_bytes(b[off:off + 2], 'big')
    l3 = off + 2
    p = {'l3': l3}
    if et == 0x0800 and len(b) >= l3 + 20:
        ihl = (b[l3] & 0x0f) * 4
        fo = int.from_bytes(b[l3 + 6:l3 + 8], 'big')
        p.update(v=4, proto=b[l3 + 9], src=b[l3 + 12:l3 + 16], dst=b[l3 + 16:l3 + 20], l4=l3 + ihl,
                 frag=(fo & 0x3fff) != 0, asrc=l3 + 12, adst=l3 + 16)
    elif et == 0x86dd and len(b) >= l3 + 40:
        p.update(v=6, proto=b[l3 + 6], src=b[l3 + 8:l3 + 24], dst=b[l3 + 24:l3 + 40], l4=l3 + 40,
                 frag=False, asrc=l3 + 8, adst=l3 + 24)
    else:
        return None
    proto, l4 = p['proto'], p['l4']
    sport = dport = 0
    p['flags'] = 0
    p['icmp_type'] = -1
    if proto in (6, 17) and not p['frag'] and len(b) >= l4 + 8:
        sport = int.from_bytes(b[l4:l4 + 2], 'big')
        dport = int.from_bytes(b[l4 + 2:l4 + 4], 'big')
        if proto == 6 and len(b) >= l4 + 14:
            p['flags'] = b[l4 + 13]
    elif proto in (1, 58) and not p['frag'] and len(b) >= l4 + 8:
        t = b[l4]
        p['icmp_type'] = t
        if t in (0, 8, 128, 129):
            sport = dport = int.from_bytes(b[l4 + 4:l4 + 6], 'big')
    p['sport'], p['dport'] = sport, dport
    a, z = (p['src'], sport), (p['dst'], dport)
    p['key'] = (proto,) + ((a, z) if a <= z else (z, a))
    return p

def flows_of(path):
    """Packets of one file grouped by canonical flow key, in order of first packet."""
    flows = {}
    for ts, b, orig in read_pcap(path):
        p = parse(b)
        key = p['key'] if p else ('non-ip',)
        flows.setdefault(key, []).append((ts, b, orig, p))
    return flows

def write_header(f):
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))

rec = struct.Struct('<IIII')

def write_record(f, ts, b, orig):
    f.write(rec.pack(ts // 1_000_000_000, (ts % 1_000_000_000) // 1000, len(b), orig))
    f.write(b)

if mode == 'long':
    min_packets = int(params.get('min', '100'))
    target = int(params.get('packets', '4000000'))
    template = []       # (ts relative to the template's start, bytes, orig)
    cursor = 0
    nflows = 0
    for path in files:
        selected = []
        for key, pkts in flows_of(path).items():
            if key[0] != 'non-ip' and len(pkts) >= min_packets:
                selected.extend(pkts)
                nflows += 1
        if not selected:
            continue
        selected.sort(key=lambda x: x[0])
        base = selected[0][0]
        for ts, b, orig, _ in selected:
            template.append((cursor + ts - base, b, orig))
        cursor = template[-1][0] + 1_000_000_000
    copies = -(-target // len(template))
    span = cursor
    start = 1_700_000_000 * 1_000_000_000
    with open(out_path, 'wb', buffering=1 << 20) as f:
        write_header(f)
        for c in range(copies):
            shift = start + c * span
            for ts, b, orig in template:
                write_record(f, shift + ts, b, orig)
    print(f'long-flows: {nflows} flows of >= {min_packets} packets, {len(template)} packets per copy, '
          f'{copies} copies: {copies * len(template)} packets', file=sys.stderr)
    print(f'FRAMES {copies * len(template)}')

elif mode == 'short':
    nflows = int(params.get('flows', '200000'))
    gap_ns = int(float(params.get('gap_us', '20')) * 1000)
    max_packets = 20
    TUNNEL_PORTS = {1701, 2123, 2152, 3544, 4789, 4790, 5246, 5247, 6081, 37008}
    max_ns = 30 * 1_000_000_000
    templates = []   # [(rel ts, bytes, orig, parsed, client is src)]
    kinds = {}
    for path in files:
        for key, pkts in flows_of(path).items():
            if key[0] not in (6, 17, 1, 58) or len(pkts) > max_packets:
                continue
            if any(p is None or p['frag'] for _, _, _, p in pkts):
                continue
            first = pkts[0][3]
            if pkts[-1][0] - pkts[0][0] > max_ns or pkts[-1][0] < pkts[0][0]:
                continue
            proto = key[0]
            if proto == 6 and (first['flags'] & 0x12) != 0x02:
                continue   # TCP: the whole flow from its SYN
            if proto in (1, 58) and first['icmp_type'] not in (8, 128):
                continue   # ICMP: echo request and replies only
            if proto in (1, 58) and any(p['icmp_type'] not in (0, 8, 128, 129) for _, _, _, p in pkts):
                continue
            if proto == 17 and (first['sport'] in TUNNEL_PORTS or first['dport'] in TUNNEL_PORTS):
                continue   # tunnels (GTP, VXLAN, ...): tshark would count the inner addresses too
            client = first['src']
            t0 = pkts[0][0]
            templates.append([(ts - t0, b, orig, p, p['src'] == client) for ts, b, orig, p in pkts])
            name = {6: 'tcp', 17: 'udp', 1: 'icmp', 58: 'icmpv6'}[proto]
            kinds[name] = kinds.get(name, 0) + 1
    if not templates:
        raise SystemExit('no short flows found')

    def csum_adjust(ck, old, new):
        s = (~ck) & 0xffff
        for i in range(0, len(old), 2):
            s += (~((old[i] << 8) | old[i + 1])) & 0xffff
            s += (new[i] << 8) | new[i + 1]
        while s >> 16:
            s = (s & 0xffff) + (s >> 16)
        return (~s) & 0xffff

    def rewrite(b, p, client_is_src, u):
        old = p['src'] if client_is_src else p['dst']
        if p['v'] == 4:
            n = 0x64400000 + u          # 100.64.0.0/10
            new = n.to_bytes(4, 'big')
        else:
            new = bytes.fromhex('fd000a77000000000000000000000000')[:12] + u.to_bytes(4, 'big')
        out = bytearray(b)
        at = p['asrc'] if client_is_src else p['adst']
        out[at:at + len(new)] = new
        l3, l4, proto = p['l3'], p['l4'], p['proto']
        if p['v'] == 4:
            ck = int.from_bytes(out[l3 + 10:l3 + 12], 'big')
            out[l3 + 10:l3 + 12] = csum_adjust(ck, old, new).to_bytes(2, 'big')
        where = {6: 16, 17: 6, 58: 2}.get(proto)
        if where is not None and len(out) >= l4 + where + 2:
            ck = int.from_bytes(out[l4 + where:l4 + where + 2], 'big')
            if not (proto == 17 and ck == 0 and p['v'] == 4):
                ck = csum_adjust(ck, old, new)
                if proto == 17 and ck == 0:
                    ck = 0xffff
                out[l4 + where:l4 + where + 2] = ck.to_bytes(2, 'big')
        return bytes(out)

    if nflows > (1 << 22):
        raise SystemExit('at most 4,194,304 short flows (the 100.64.0.0/10 client addresses)')
    order = []
    start = 1_700_000_000 * 1_000_000_000
    for u in range(nflows):
        t = templates[u % len(templates)]
        base = start + u * gap_ns
        for i in range(len(t)):
            order.append((base + t[i][0], u, i))
    order.sort()
    with open(out_path, 'wb', buffering=1 << 20) as f:
        write_header(f)
        for ts, u, i in order:
            rel, b, orig, p, cs = templates[u % len(templates)][i]
            write_record(f, ts, rewrite(b, p, cs, u), orig)
    print(f'short-flows: {len(templates)} template flows {kinds}, {nflows} distinct flows, '
          f'{len(order)} packets', file=sys.stderr)
    print(f'FRAMES {len(order)}')
    print(f'FLOWS {nflows}')
PY
}

if [ "$WHAT" = long ] || [ "$WHAT" = all ]; then
  mix long "$OUT/long-flows.pcap" "min=${LONG_MIN_PACKETS:-100}" "packets=${LONG_PACKETS:-4000000}" "${ETHER[@]}"
  capinfos -c -s -u "$OUT/long-flows.pcap"
fi
if [ "$WHAT" = short ] || [ "$WHAT" = all ]; then
  mix short "$OUT/short-flows.pcap" "flows=${SHORT_FLOWS:-200000}" "gap_us=${SHORT_GAP_US:-20}" "${ETHER[@]}" \
    | tee "$OUT/short-flows.txt"
  capinfos -c -s -u "$OUT/short-flows.pcap"
  if [ "${VERIFY:-1}" = 1 ]; then
    # independent count: IPv4 and IPv6 address pairs (one per short flow, see above)
    PAIRS=$(tshark -n -q -r "$OUT/short-flows.pcap" -z conv,ip -z conv,ipv6 \
      | grep -cE '^[0-9a-f.:]+ +<-> +[0-9a-f.:]+ ')
    echo "short-flows: tshark -z conv,ip -z conv,ipv6: $PAIRS address pairs (= flows)"
  fi
fi
