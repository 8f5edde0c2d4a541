#!/usr/bin/env bash
# netns-traffic.sh: two network endpoints joined by a veth pair, and traffic between them, for
# live-capture tests and benchmarks. Run as root (no sudo). Needs iproute2, bash, python3 and
# iputils-ping (scripts/install-test-deps.sh); curl and dig are used when installed.
#
# Usage: netns-traffic.sh [OPTIONS] COMMAND [ARGS]
#
# Commands
#   setup                   create side A and side B, the veth pair A <-> B and the addresses
#                           (fails if the veth or a namespace exists: teardown first)
#   traffic [MIX...]        client traffic from B to servers on A; MIX items (default: all):
#                             ping     5 ICMP echo            ping6    3 ICMPv6 echo
#                             http     GET from python3 -m http.server (curl, else bash /dev/tcp)
#                             dns      query to a tiny UDP DNS responder (dig, else bash /dev/udp)
#                             refused  TCP to a closed port, IPv4 and IPv6 (SYN + RST)
#                             udp      10 UDP datagrams to a sink         all  every item above
#   load SECONDS [--rate PPS] [--size BYTES] [--senders N] [--port PORT]
#                           blast UDP from B to a non-reading socket on A (no ICMP back) for
#                           SECONDS, as fast as possible (or PPS in total); prints what was sent
#                           as "load: sent N packets in S s = R pps" on stdout
#   exec a|b CMD [ARGS...]  run a command on side A or B
#   env                     print the settings as shell assignments (eval "$(... env)")
#   status                  show the interfaces and addresses
#   teardown                delete the veth pair and the namespaces (idempotent), kill what
#                           runs in them
#
# Options (each also as an environment variable; defaults in brackets)
#   --ns-a NAME    NS_A    namespace of side A; "root" = the root namespace, so a process there
#                          (a JVM under test) captures on VETH_A directly  [at-a]
#   --ns-b NAME    NS_B    namespace of side B (the client / load side)    [at-b]
#   --veth-a NAME  VETH_A  interface on side A (<= 15 chars)               [at-veth-a]
#   --veth-b NAME  VETH_B  interface on side B                             [at-veth-b]
#   --v4-a ADDR    V4_A    IPv4 address of A (/24)                         [10.99.0.1]
#   --v4-b ADDR    V4_B    IPv4 address of B (/24)                         [10.99.0.2]
#   --v6-a ADDR    V6_A    IPv6 address of A (/64, no DAD)                 [fd00:99::1]
#   --v6-b ADDR    V6_B    IPv6 address of B                               [fd00:99::2]
#   --http-port P  HTTP_PORT  port of the HTTP server on A                 [8080]
#   --dns-port P   DNS_PORT   port of the DNS responder on A  [53; 5353 if A is root]
#   --closed-port P CLOSED_PORT  port nothing listens on                   [9]
# Use the same options (or environment) for every command of one setup.
#
# Examples
#   scripts/netns-traffic.sh setup && scripts/netns-traffic.sh traffic ping http dns
#   # capture in the root namespace on at-veth-a while B sends 500k pps for 10 s:
#   scripts/netns-traffic.sh --ns-a root setup
#   scripts/netns-traffic.sh --ns-a root load 10 --rate 500000 &
#   tcpdump -i at-veth-a -w /tmp/x.pcap; wait
#   scripts/netns-traffic.sh --ns-a root teardown
#   # a JVM on side A when A is a namespace:
#   scripts/netns-traffic.sh exec a java -cp ... Main at-veth-a
set -euo pipefail

NS_A="${NS_A:-at-a}"
NS_B="${NS_B:-at-b}"
VETH_A="${VETH_A:-at-veth-a}"
VETH_B="${VETH_B:-at-veth-b}"
V4_A="${V4_A:-10.99.0.1}"
V4_B="${V4_B:-10.99.0.2}"
V6_A="${V6_A:-fd00:99::1}"
V6_B="${V6_B:-fd00:99::2}"
HTTP_PORT="${HTTP_PORT:-8080}"
DNS_PORT="${DNS_PORT:-}"
CLOSED_PORT="${CLOSED_PORT:-9}"
LOAD_PORT=9999

log() { printf 'netns-traffic: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --ns-a) NS_A="$2"; shift 2 ;;
    --ns-b) NS_B="$2"; shift 2 ;;
    --veth-a) VETH_A="$2"; shift 2 ;;
    --veth-b) VETH_B="$2"; shift 2 ;;
    --v4-a) V4_A="$2"; shift 2 ;;
    --v4-b) V4_B="$2"; shift 2 ;;
    --v6-a) V6_A="$2"; shift 2 ;;
    --v6-b) V6_B="$2"; shift 2 ;;
    --http-port) HTTP_PORT="$2"; shift 2 ;;
    --dns-port) DNS_PORT="$2"; shift 2 ;;
    --closed-port) CLOSED_PORT="$2"; shift 2 ;;
    -h|--help) usage 0 ;;
    --) shift; break ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage
COMMAND="$1"; shift

a_is_root() { [ "$NS_A" = root ] || [ "$NS_A" = - ] || [ -z "$NS_A" ]; }
if [ -z "$DNS_PORT" ]; then
  if a_is_root; then DNS_PORT=5353; else DNS_PORT=53; fi
fi

# in_a / in_b CMD...: run on a side
in_a() { if a_is_root; then "$@"; else ip netns exec "$NS_A" "$@"; fi; }
in_b() { ip netns exec "$NS_B" "$@"; }
ip_a() { if a_is_root; then ip "$@"; else ip -n "$NS_A" "$@"; fi; }

require_root() { [ "$(id -u)" -eq 0 ] || die "must run as root"; }
require_tool() { command -v "$1" >/dev/null 2>&1 || die "$1 is missing: run scripts/install-test-deps.sh"; }
ns_exists() { ip netns list | awk '{print $1}' | grep -qxF -- "$1"; }
require_setup() {
  ns_exists "$NS_B" || die "namespace $NS_B does not exist: run setup first"
}

# bg_a / bg_b CMD...: start a command on a side in the background, in its own process group
# (setsid), so that cleanup_pids also ends its children (e.g. behind a pyenv shim)
PIDS=()
bg_a() {
  # (0<&0: keep stdin, e.g. a here-document; an async command would get /dev/null)
  if a_is_root; then setsid "$@" 0<&0 & else setsid ip netns exec "$NS_A" "$@" 0<&0 & fi
  PIDS+=("$!")
}
bg_b() {
  setsid ip netns exec "$NS_B" "$@" 0<&0 &
  PIDS+=("$!")
}
cleanup_pids() {
  local pid
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap cleanup_pids EXIT

# wait_tcp SIDE HOST PORT: until something listens (connect from the same side, over loopback)
wait_tcp() {
  local side="$1" host="$2" port="$3" i
  for i in $(seq 1 100); do
    if "in_$side" bash -c "exec 3<>/dev/tcp/$host/$port" 2>/dev/null; then return 0; fi
    sleep 0.05
  done
  die "nothing listens on $host:$port"
}

# wait_udp_bound SIDE PORT
wait_udp_bound() {
  local side="$1" port="$2" i
  for i in $(seq 1 100); do
    if "in_$side" ss -Hlun "sport = :$port" 2>/dev/null | grep -q .; then return 0; fi
    sleep 0.05
  done
  die "no UDP socket on port $port"
}

cmd_setup() {
  require_root
  require_tool ip
  ip link show "$VETH_A" >/dev/null 2>&1 && die "$VETH_A exists: run teardown first"
  if ! a_is_root; then ip netns add "$NS_A"; fi
  ip netns add "$NS_B"
  if a_is_root; then
    ip link add "$VETH_A" type veth peer name "$VETH_B" netns "$NS_B"
  else
    ip link add "$VETH_A" netns "$NS_A" type veth peer name "$VETH_B" netns "$NS_B"
  fi
  # quiet link: no router solicitations / autoconfiguration, no DAD delay
  in_a sysctl -q -w "net.ipv6.conf.$VETH_A.accept_ra=0" "net.ipv6.conf.$VETH_A.autoconf=0" || true
  in_b sysctl -q -w "net.ipv6.conf.$VETH_B.accept_ra=0" "net.ipv6.conf.$VETH_B.autoconf=0" || true
  ip_a addr add "$V4_A/24" dev "$VETH_A"
  ip_a -6 addr add "$V6_A/64" dev "$VETH_A" nodad
  ip -n "$NS_B" addr add "$V4_B/24" dev "$VETH_B"
  ip -n "$NS_B" -6 addr add "$V6_B/64" dev "$VETH_B" nodad
  ip_a link set lo up
  ip -n "$NS_B" link set lo up
  ip_a link set "$VETH_A" up
  ip -n "$NS_B" link set "$VETH_B" up
  local i
  for i in $(seq 1 100); do
    [ "$(in_a cat "/sys/class/net/$VETH_A/operstate")" = up ] && break
    sleep 0.05
  done
  log "A: ${NS_A} ${VETH_A} ${V4_A}/24 ${V6_A}/64  <->  B: ${NS_B} ${VETH_B} ${V4_B}/24 ${V6_B}/64"
}

cmd_teardown() {
  require_root
  local ns pid
  for ns in "$NS_B" $(a_is_root || echo "$NS_A"); do
    if ns_exists "$ns"; then
      for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
      ip netns del "$ns" || true
    fi
  done
  # deleting a namespace deletes its veth end and so the pair; a root-side end may linger briefly
  if ip link show "$VETH_A" >/dev/null 2>&1; then ip link del "$VETH_A" 2>/dev/null || true; fi
  log "removed $VETH_A/$VETH_B and namespace(s) $NS_B$(a_is_root || echo " $NS_A")"
}

cmd_status() {
  echo "side A (${NS_A}):"; ip_a -br addr show dev "$VETH_A" || true
  echo "side B (${NS_B}):"; ip -n "$NS_B" -br addr show dev "$VETH_B" || true
}

cmd_env() {
  local v
  for v in NS_A NS_B VETH_A VETH_B V4_A V4_B V6_A V6_B HTTP_PORT DNS_PORT CLOSED_PORT; do
    printf '%s=%q\n' "$v" "${!v}"
  done
}

start_http() {
  require_tool python3
  local dir
  dir="$(mktemp -d)"
  printf 'hello from netns-traffic side A\n' > "$dir/index.html"
  bg_a python3 -m http.server "$HTTP_PORT" --bind "$V4_A" --directory "$dir" >/dev/null 2>&1
  wait_tcp a "$V4_A" "$HTTP_PORT"
}

start_dns() {
  require_tool python3
  # answers every query with NXDOMAIN (QR, RA, rcode 3), echoing the question; IPv4 and IPv6
  bg_a python3 - "$V4_A" "$V6_A" "$DNS_PORT" <<'PY'
import selectors, socket, sys
v4, v6, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
sel = selectors.DefaultSelector()
for family, addr in ((socket.AF_INET, v4), (socket.AF_INET6, v6)):
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.bind((addr, port))
    sel.register(s, selectors.EVENT_READ)
while True:
    for key, _ in sel.select():
        data, peer = key.fileobj.recvfrom(2048)
        if len(data) >= 12:
            key.fileobj.sendto(data[:2] + b'\x81\x83' + data[4:6] + b'\0\0\0\0\0\0' + data[12:], peer)
PY
  wait_udp_bound a "$DNS_PORT"
}

start_sink() {
  # a bound socket that never reads: datagrams are dropped once its buffer is full, and no
  # ICMP port unreachable goes back
  local port="$1" seconds="$2"
  require_tool python3
  bg_a python3 -c '
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.bind((sys.argv[1], int(sys.argv[2])))
time.sleep(float(sys.argv[3]))' "$V4_A" "$port" "$seconds"
  wait_udp_bound a "$port"
}

traffic_ping() { in_b ping -4 -c 5 -i 0.05 -q "$V4_A" >/dev/null; log "ping: 5 echo to $V4_A"; }
traffic_ping6() { in_b ping -6 -c 3 -i 0.05 -q "$V6_A" >/dev/null; log "ping6: 3 echo to $V6_A"; }

traffic_http() {
  start_http
  if command -v curl >/dev/null 2>&1; then
    in_b curl -sS -o /dev/null --max-time 5 "http://$V4_A:$HTTP_PORT/"
  else
    in_b bash -c "exec 3<>/dev/tcp/$V4_A/$HTTP_PORT; printf 'GET / HTTP/1.0\r\nHost: a\r\n\r\n' >&3; cat <&3 >/dev/null"
  fi
  log "http: GET http://$V4_A:$HTTP_PORT/"
}

traffic_dns() {
  start_dns
  if command -v dig >/dev/null 2>&1; then
    in_b dig +tries=1 +time=2 -p "$DNS_PORT" "@$V4_A" example.com A >/dev/null || true
    in_b dig +tries=1 +time=2 -p "$DNS_PORT" "@$V6_A" example.com AAAA >/dev/null || true
    log "dns: dig example.com via $V4_A and $V6_A port $DNS_PORT"
  else
    local q='\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01'
    in_b bash -c "printf '$q' > /dev/udp/$V4_A/$DNS_PORT; printf '$q' > /dev/udp/$V6_A/$DNS_PORT"
    sleep 0.2
    log "dns: dig not installed, sent raw queries with bash /dev/udp to $V4_A and $V6_A port $DNS_PORT"
  fi
}

traffic_refused() {
  ! in_b bash -c "exec 3<>/dev/tcp/$V4_A/$CLOSED_PORT" 2>/dev/null || die "port $CLOSED_PORT is open on $V4_A"
  ! in_b bash -c "exec 3<>/dev/tcp/$V6_A/$CLOSED_PORT" 2>/dev/null || die "port $CLOSED_PORT is open on $V6_A"
  log "refused: TCP to $V4_A and $V6_A port $CLOSED_PORT"
}

traffic_udp() {
  start_sink "$LOAD_PORT" 2
  in_b bash -c "for i in \$(seq 1 10); do printf 'datagram %s' \$i > /dev/udp/$V4_A/$LOAD_PORT; done"
  log "udp: 10 datagrams to $V4_A:$LOAD_PORT"
}

cmd_traffic() {
  require_root
  require_setup
  require_tool ping
  local items=("$@")
  [ ${#items[@]} -gt 0 ] || items=(all)
  local item
  for item in "${items[@]}"; do
    case "$item" in
      all) traffic_ping; traffic_ping6; traffic_http; traffic_dns; traffic_refused; traffic_udp ;;
      ping|ping6|http|dns|refused|udp) "traffic_$item" ;;
      *) die "unknown traffic item '$item' (ping ping6 http dns refused udp all)" ;;
    esac
    cleanup_pids
  done
}

cmd_load() {
  require_root
  require_setup
  require_tool python3
  local seconds="${1:-}"
  [ -n "$seconds" ] || die "load needs SECONDS"
  shift
  local rate=0 size=18 senders=1 port="$LOAD_PORT"
  while [ $# -gt 0 ]; do
    case "$1" in
      --rate) rate="$2"; shift 2 ;;
      --size) size="$2"; shift 2 ;;
      --senders) senders="$2"; shift 2 ;;
      --port) port="$2"; shift 2 ;;
      *) die "unknown load option $1" ;;
    esac
  done
  start_sink "$port" "$(( ${seconds%.*} + 5 ))"
  # ARP once, so the blast does not start with queued packets
  in_b ping -4 -c 1 -W 1 -q "$V4_A" >/dev/null || true
  local out i
  out="$(mktemp -d)"
  for i in $(seq 1 "$senders"); do
    bg_b python3 - "$V4_A" "$port" "$seconds" "$(( rate / senders ))" "$size" > "$out/$i" <<'PY'
import socket, sys, time
dst, port, seconds, rate, size = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.connect((dst, port))
send = s.send
payload = b'\x5a' * size
sent = 0
start = time.monotonic()
end = start + seconds
batch = 256
if rate <= 0:
    while True:
        for _ in range(batch):
            try:
                send(payload)
                sent += 1
            except OSError:  # ENOBUFS when the queue is full: retry
                pass
        if time.monotonic() >= end:
            break
else:
    # pace in 1 ms slots
    per_slot = max(1, rate // 1000)
    slot = per_slot / rate
    next_t = start
    while True:
        now = time.monotonic()
        if now >= end:
            break
        if now < next_t:
            time.sleep(min(next_t - now, 0.001))
            continue
        for _ in range(per_slot):
            try:
                send(payload)
                sent += 1
            except OSError:
                pass
        next_t += slot
elapsed = time.monotonic() - start
print(sent, f"{elapsed:.3f}")
PY
  done
  local sink_pid="${PIDS[0]}"
  for i in "${PIDS[@]:1}"; do wait "$i"; done
  PIDS=("$sink_pid")
  local total=0 elapsed=0 n e
  for i in $(seq 1 "$senders"); do
    read -r n e < "$out/$i"
    total=$(( total + n ))
    elapsed="$e"
  done
  rm -rf "$out"
  echo "load: sent $total packets in $elapsed s = $(python3 -c "print(round($total / $elapsed))") pps" \
       "(UDP payload $size bytes, frame $(( size + 42 )) bytes, $senders sender(s), $V4_B -> $V4_A:$port)"
}

cmd_exec() {
  local side="${1:-}"
  shift || true
  case "$side" in
    a|A) in_a "$@" ;;
    b|B) in_b "$@" ;;
    *) die "exec needs a or b" ;;
  esac
}

case "$COMMAND" in
  setup) cmd_setup "$@" ;;
  teardown) cmd_teardown "$@" ;;
  traffic) cmd_traffic "$@" ;;
  load) cmd_load "$@" ;;
  exec) cmd_exec "$@" ;;
  env) cmd_env ;;
  status) cmd_status ;;
  help) usage 0 ;;
  *) die "unknown command $COMMAND (see --help)" ;;
esac
