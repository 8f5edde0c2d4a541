#!/usr/bin/env bash
# Installs the Debian packages the integration tests and benchmarks need.
#
#   rsyslog + rsyslog-gnutls   real syslog receiver (imudp, imtcp, imtcp TLS via the "gtls"
#                              network stream driver, mmpstrucdata) started by the test harness
#                              (test-support: org.apptrack.testsupport.rsyslog.Rsyslog) on loopback ports
#   openssl                    test PKI (org.apptrack.testsupport.pki.TestPki)
#   tshark, tcpdump            independent reference packet counts
#   libpcap0.8                 live capture
#   libndpi-bin                ndpiReader as a DPI peer
#   iproute2, procps           network namespaces / veth, process control
#   iputils-ping, python3      traffic for live-capture tests (bundle-capture LiveCaptureTest:
#                              ping in a namespace) and scripts/netns-traffic.sh (ping; python3
#                              http.server, DNS responder, UDP load sender)
#   nftables                   nft for the AppQoE Linux steering test (bundle-appqoe
#                              LinuxPolicyRoutingNetnsTest: nft table, marks, policy routing in
#                              namespaces) and the AppQoE lab (appqoe-lab NetnsLab: loss, blackout,
#                              traffic and DSCP counters at the site)
#   curl                       the AppQoE lab's HTTP client in the LAN; its tc (rate) comes with
#                              iproute2, nsenter with util-linux
#   chromium, chromium-driver  the dashboard in headless Chromium, driven by Selenium (it-tests
#                              DashboardBrowserTest)
#
# Idempotent, non-interactive, for root (no sudo), installing as scripts/lib/apt-install.sh does:
# `apt-get update` once and only when something is missing, so repeated runs are fast. It never
# leaves a system rsyslogd running: the harness starts its own instances with their own config,
# pid file and work directory.
set -euo pipefail

PACKAGES=(
  rsyslog
  rsyslog-gnutls
  openssl
  tshark
  tcpdump
  libpcap0.8
  libndpi-bin
  iproute2
  procps
  iputils-ping
  python3
  nftables
  curl
  chromium
  chromium-driver
)

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/apt-install.sh
. "$ROOT/scripts/lib/apt-install.sh"

log() { printf 'install-test-deps: %s\n' "$*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root (no sudo is used)"
  exit 1
fi

mapfile -t missing < <(apt_missing "${PACKAGES[@]}")

stop_system_rsyslog() {
  # A service started by a package postinst (or already running on the host) is not ours;
  # stop and disable it so it neither binds ports nor competes for /run/rsyslogd.pid.
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl disable --now rsyslog.service syslog.socket >/dev/null 2>&1 || true
  fi
  if [ -s /run/rsyslogd.pid ]; then
    pid="$(cat /run/rsyslogd.pid 2>/dev/null || true)"
    if [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "rsyslogd" ]; then
      log "stopping system rsyslogd (pid $pid)"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do [ -d "/proc/$pid" ] || break; sleep 0.1; done
    fi
  fi
}

if [ "${#missing[@]}" -eq 0 ]; then
  log "all packages present: ${PACKAGES[*]}"
  exit 0
fi

log "installing: ${missing[*]}"

# tshark asks whether non-root users may capture; answer without a prompt.
echo 'wireshark-common wireshark-common/install-setuid boolean false' | debconf-set-selections

apt_install "${missing[@]}"

stop_system_rsyslog

command -v rsyslogd >/dev/null
ls /usr/lib/*/rsyslog/lmnsd_gtls.so >/dev/null  # imtcp TLS driver from rsyslog-gnutls
log "done: $(rsyslogd -v | head -n 1)"
