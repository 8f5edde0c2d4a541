#!/usr/bin/env bash
# netns-traffic.sh: two network endpoints joined by a veth pair, and traffic between them, for
# live-capture tests and benchmarks. Run as root (no sudo). Needs Java 11+, iproute2, bash, python3
# and iputils-ping (scripts/install-test-deps.sh); curl and dig are used when installed. It runs the
# network-namespace bench of the tests (test-support: org.apptrack.testsupport.netns.NetnsTraffic),
# building test-support/target/apptrack-test-support-*.jar with Maven when it is missing or older
# than its sources (MVN_ARGS: extra Maven arguments, e.g. -o).
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
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() { sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }
case "${1:-}" in
  "") usage ;;
  -h|--help|help) usage 0 ;;
esac

jar() {
  local f
  for f in "$ROOT"/test-support/target/apptrack-test-support-*.jar; do
    case "${f##*/}" in *-sources.jar|*-tests.jar) ;; *) [ -f "$f" ] && echo "$f" && return ;; esac
  done
  return 0  # none built yet (a clean checkout): not a failure under set -e
}
JAR="$(jar)"
if [ -z "$JAR" ] || [ -n "$(find "$ROOT/test-support/src/main" "$ROOT/test-support/pom.xml" -newer "$JAR" -print -quit)" ]; then
  printf 'netns-traffic: building %s\n' "test-support" >&2
  # shellcheck disable=SC2086
  (cd "$ROOT" && mvn -B -q -pl test-support package -DskipTests ${MVN_ARGS:-}) >&2
  JAR="$(jar)"
fi
JAVA="java"
if [ -n "${JAVA_HOME:-}" ]; then JAVA="$JAVA_HOME/bin/java"; fi
exec "$JAVA" -Dnetns-traffic.usage="$0" -cp "$JAR" org.apptrack.testsupport.netns.NetnsTraffic "$@"
