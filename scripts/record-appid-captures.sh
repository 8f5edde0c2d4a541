#!/usr/bin/env bash
# record-appid-captures.sh: records the application-identification test captures of classic
# protocols (testdata/appid): real Debian servers in one network namespace and real Debian clients
# in another, joined by a veth pair (IPv4 10.77.0.1/.2, IPv6 fd77::1/::2), each protocol's
# exchange written by tcpdump in the client namespace to its own small pcap. Then it writes
# testdata/appid/flows.tsv (the format of ../shared/testdata/ndpi/flows.tsv, counts from tshark,
# labels by construction: what was run) and testdata/appid/README.md (package versions, what
# each capture holds, where ndpiReader disagrees). The captures are committed: no test runs this.
#
# Usage: record-appid-captures.sh [--out DIR] [--keep-work]
#   --out DIR      where pcap/, flows.tsv and README.md go  [testdata/appid of this checkout]
#   --keep-work    keep the work folder (server configurations and logs) for a look afterwards
#
# Run as root (no sudo). It installs what it needs with apt-get (scripts/install-test-deps.sh,
# then the servers and clients below, as scripts/lib/apt-install.sh does; chrony replaces
# systemd-timesyncd, which Debian lets only one time daemon be). The namespaces are
# scripts/netns-traffic.sh's bench (Java and Maven build test-support once; MVN_ARGS: extra Maven
# arguments, e.g. "-o -Dmaven.repo.local=DIR"). The servers run with private copies of what they
# would change on the host: a tmpfs on /run, the accounts file with the test user, the login
# records; nothing is left running or mounted. On exit (also on failure or Ctrl-C) the servers
# are stopped, the namespaces removed and the work folder deleted. The outputs are replaced only
# when every capture was recorded and holds exactly the flows it should.
#
# Deterministic where the protocols allow: fixed addresses, MACs, server ports, and client ports
# (each capture pins the client namespace's ephemeral port range to its own ports, so TCP
# connect() and UDP sockets take them). TCP sequence numbers and timestamps, times, session ids
# and keys differ from run to run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/apt-install.sh
. "$ROOT/scripts/lib/apt-install.sh"

OUT="$ROOT/testdata/appid"
KEEP_WORK=0
while [ $# -gt 0 ]; do
  case "$1" in
    --out) OUT="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --keep-work) KEEP_WORK=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) echo "record-appid-captures: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

log() { printf 'record-appid-captures: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (no sudo is used)"

# ------------------------------------------------------------------ packages

# server and client of each protocol (the test dependencies bring tcpdump, tshark, ndpiReader,
# rsyslog and python3, which serves HTTP)
PACKAGES=(
  ethtool                              # checksummed, one-segment frames on the veth
  vsftpd                               # FTP server (curl is the client)
  dovecot-imapd dovecot-pop3d          # IMAP and POP3 server (curl)
  exim4-daemon-light swaks             # SMTP server and client
  snmpd snmp                           # SNMP agent, snmpget/snmpwalk
  tftpd-hpa tftp-hpa                   # TFTP server and client
  inetutils-inetd inetutils-telnetd inetutils-telnet expect   # telnetd via inetd; telnet, driven by expect
  mariadb-server mariadb-client        # MySQL protocol
  dnsmasq-base bind9-dnsutils          # DNS server, dig
  chrony ntpsec-ntpdate                # NTP server, ntpdate (ntpdig)
  openssh-server openssh-client        # SSH
  curl bsdutils                        # curl; logger (syslog client)
)
# every package whose version the README lists
VERSIONED=(vsftpd curl dovecot-imapd dovecot-pop3d exim4-daemon-light swaks snmpd snmp tftpd-hpa tftp-hpa
  inetutils-inetd inetutils-telnetd inetutils-telnet expect mariadb-server mariadb-client python3 dnsmasq-base
  bind9-dnsutils rsyslog bsdutils chrony ntpsec-ntpdate openssh-server openssh-client tcpdump tshark libndpi-bin
  iproute2 ethtool)

bash "$ROOT/scripts/install-test-deps.sh"
mapfile -t missing < <(apt_missing "${PACKAGES[@]}")
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing: ${missing[*]}"
  apt_install "${missing[@]}"
fi

# ------------------------------------------------------------------ the bench

NS_SRV=appid-srv NS_CLI=appid-cli VETH_SRV=appid-srv0 VETH_CLI=appid-cli0
V4_SRV=10.77.0.1 V4_CLI=10.77.0.2 V6_SRV=fd77::1 V6_CLI=fd77::2
MAC_SRV=02:77:00:00:00:01 MAC_CLI=02:77:00:00:00:02
SRV_NAME=server.appid.test CLI_NAME=client.appid.test
FTP_PASV_PORT=50020 TFTP_DATA_PORT=50069
# Only the two hosts' packets, without IPv6 neighbour discovery (ICMPv6 133-137; the static
# neighbour entries below make none, this is the second guard). ARP is not IP and is left out.
FILTER="(ip host $V4_SRV and ip host $V4_CLI) or (ip6 host $V6_SRV and ip6 host $V6_CLI"
FILTER+=" and not (icmp6 and ip6[40] >= 133 and ip6[40] <= 137))"

bench() {
  "$ROOT/scripts/netns-traffic.sh" --ns-a "$NS_SRV" --ns-b "$NS_CLI" --veth-a "$VETH_SRV" --veth-b "$VETH_CLI" \
    --v4-a "$V4_SRV" --v4-b "$V4_CLI" --v6-a "$V6_SRV" --v6-b "$V6_CLI" "$@"
}

W="" STAGE="" TCPDUMP_PID=""
SERVER_PIDS=()
cleanup() {
  local rc=$?
  set +e
  if [ -n "$TCPDUMP_PID" ]; then kill -INT "$TCPDUMP_PID" 2>/dev/null; wait "$TCPDUMP_PID" 2>/dev/null; fi
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for _ in $(seq 1 30); do  # a few seconds to end cleanly
    alive=0
    for pid in "${SERVER_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.1
  done
  # what the servers started themselves (workers, a daemon's children) ends with the namespaces
  (cd "$ROOT" && bench teardown >/dev/null 2>&1)
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  if [ -n "$W" ]; then
    if [ "$KEEP_WORK" -eq 1 ]; then log "work folder kept: $W"; else rm -rf "$W"; fi
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$ROOT"
bench teardown >/dev/null 2>&1 || true  # what an interrupted run may have left
bench setup
W="$(mktemp -d /tmp/appid-captures.XXXXXX)"
chmod 755 "$W"
STAGE="$W/pcap"
mkdir -p "$STAGE"

in_srv() { ip netns exec "$NS_SRV" "$@"; }
in_cli() { ip netns exec "$NS_CLI" "$@"; }
for side in srv cli; do
  if [ "$side" = srv ]; then ns=$NS_SRV dev=$VETH_SRV mac=$MAC_SRV peer_mac=$MAC_CLI peer4=$V4_CLI peer6=$V6_CLI
  else ns=$NS_CLI dev=$VETH_CLI mac=$MAC_CLI peer_mac=$MAC_SRV peer4=$V4_SRV peer6=$V6_SRV; fi
  ip -n "$ns" link set "$dev" address "$mac"
  # checksums computed before the capture taps, and no GSO super-frames: frames as on a wire
  ip netns exec "$ns" ethtool -K "$dev" tx off tso off gso off >/dev/null
  ip -n "$ns" neigh replace "$peer4" lladdr "$peer_mac" dev "$dev" nud permanent
  ip -n "$ns" -6 neigh replace "$peer6" lladdr "$peer_mac" dev "$dev" nud permanent
done

# ------------------------------------------------------------------ servers

# Accounts seen by the servers only: the host's, plus the test user (telnet and ssh log in as it).
USER_NAME=appid USER_UID=7777 USER_PASSWORD=capture-secret
mkdir -p "$W/etc" "$W/log" "$W/home/$USER_NAME"
cp /etc/passwd "$W/etc/passwd"
echo "$USER_NAME:x:$USER_UID:65534:AppTrack capture user:$W/home/$USER_NAME:/bin/sh" >> "$W/etc/passwd"
cp -p /etc/shadow "$W/etc/shadow"
echo "$USER_NAME:$(openssl passwd -6 -salt appidcapture "$USER_PASSWORD"):20000:0:99999:7:::" >> "$W/etc/shadow"
chown "$USER_UID:65534" "$W/home/$USER_NAME"
# login(1) for telnetd with pam_unix alone: the host's stack has modules that fail in a container
# (pam_loginuid) and would show the host's message of the day
printf 'auth required pam_unix.so\naccount required pam_unix.so\nsession required pam_unix.so\n' > "$W/etc/pam-login"
: > "$W/etc/issue.net"
cat > "$W/in-server.sh" <<EOF
# Runs a server in the server namespace (already in a mount namespace of its own, which
# propagates nothing back to the host): its own host name, /run and accounts.
set -e
hostname $SRV_NAME
mount -t tmpfs -o mode=755 appid-run /run
mkdir -p -m 755 /run/lock /run/sshd
mount --bind $W/etc/passwd /etc/passwd
mount --bind $W/etc/shadow /etc/shadow
if [ -e /etc/pam.d/login ]; then mount --bind $W/etc/pam-login /etc/pam.d/login; fi
if [ -e /etc/issue.net ]; then mount --bind $W/etc/issue.net /etc/issue.net; fi
for f in wtmp btmp lastlog; do
  : > $W/log/\$f
  if [ -e /var/log/\$f ]; then mount --bind $W/log/\$f /var/log/\$f; fi
done
exec "\$@"
EOF

# server NAME COMMAND...: starts a server in the background, its output in $W/NAME.log
server() {
  local name="$1"; shift
  ip netns exec "$NS_SRV" unshare --uts sh "$W/in-server.sh" "$@" > "$W/$name.log" 2>&1 &
  SERVER_PIDS+=("$!")
}

# await_listening tcp|udp ADDRESS PORT: until a socket is bound there (about 20 s)
await_listening() {
  local flag=-lnt
  [ "$1" = udp ] && flag=-lnu
  for _ in $(seq 1 200); do
    if in_srv ss -H "$flag" "sport = :$3" | grep -qF -e " $2:$3 " -e " [$2]:$3 "; then return 0; fi
    sleep 0.1
  done
  die "no $1 server on [$2]:$3 (logs in $W; --keep-work keeps them)"
}

# FTP: vsftpd, anonymous read-only, one instance per address family (listen= or listen_ipv6=)
mkdir -p "$W/ftp/pub" "$W/ftp-empty"
cat > "$W/ftp/pub/readme.txt" <<'EOF'
AppTrack capture test file.
It is fetched over FTP in active (PORT, EPRT) and passive (PASV, EPSV) mode.
EOF
for family in 4 6; do
  {
    if [ "$family" = 4 ]; then echo "listen=YES"; echo "listen_address=$V4_SRV"
    else echo "listen=NO"; echo "listen_ipv6=YES"; echo "listen_address6=$V6_SRV"; fi
    cat <<EOF
background=NO
anonymous_enable=YES
no_anon_password=YES
anon_root=$W/ftp
local_enable=NO
write_enable=NO
connect_from_port_20=YES
pasv_min_port=$FTP_PASV_PORT
pasv_max_port=$FTP_PASV_PORT
secure_chroot_dir=$W/ftp-empty
seccomp_sandbox=NO
xferlog_enable=NO
vsftpd_log_file=$W/vsftpd$family.xferlog
hide_ids=YES
EOF
  } > "$W/vsftpd$family.conf"
  server "vsftpd$family" vsftpd "$W/vsftpd$family.conf"
done

# IMAP and POP3: dovecot, plain-text login, one mailbox with one message
mkdir -p "$W/dovecot" "$W/mail/alice/Maildir/new" "$W/mail/alice/Maildir/tmp" "$W/mail/alice/Maildir/cur"
cat > "$W/mail/alice/Maildir/cur/1700000000.M1P1.appid:2," <<'EOF'
Return-Path: <bob@appid.test>
From: Bob <bob@appid.test>
To: Alice <alice@appid.test>
Subject: Capture test
Date: Tue, 14 Nov 2023 22:13:20 +0000
Message-ID: <capture-test-1@appid.test>

Hello Alice, this message is read over IMAP and POP3.
EOF
chown -R nobody:nogroup "$W/mail"
echo "alice:{PLAIN}wonderland:65534:65534::$W/mail/alice" > "$W/dovecot/passwd"
cat > "$W/dovecot/dovecot.conf" <<EOF
protocols = imap pop3
listen = $V4_SRV, $V6_SRV
base_dir = $W/dovecot/run
state_dir = $W/dovecot/state
log_path = $W/dovecot/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN $W/dovecot/passwd
}
userdb {
  driver = passwd-file
  args = $W/dovecot/passwd
}
first_valid_uid = 65534
mail_location = maildir:~/Maildir
EOF
server dovecot dovecot -F -c "$W/dovecot/dovecot.conf"

# SMTP: exim, accepting mail for appid.test and discarding it (no delivery, nothing queued)
mkdir -p "$W/exim/spool" "$W/exim/log"
chown -R Debian-exim:Debian-exim "$W/exim"
cat > "$W/exim/exim.conf" <<EOF
primary_hostname = mail.appid.test
local_interfaces = <; $V4_SRV ; $V6_SRV
daemon_smtp_ports = 25
spool_directory = $W/exim/spool
log_file_path = $W/exim/log/%slog
exim_user = Debian-exim
exim_group = Debian-exim
never_users = root
tls_advertise_hosts =
keep_environment =
host_lookup =
rfc1413_hosts =
acl_smtp_rcpt = acl_check_rcpt
acl_smtp_data = acl_check_data

begin acl
acl_check_rcpt:
  accept domains = appid.test
  deny   message = relay not permitted
acl_check_data:
  discard log_message = accepted and discarded

begin routers
begin transports
EOF
server exim exim4 -C "$W/exim/exim.conf" -bdf -oP "$W/exim/exim.pid"

# SNMP: net-snmp agent, v2c community public, no MIB files read (numeric OIDs)
mkdir -p "$W/snmp/persist"
cat > "$W/snmp/snmpd.conf" <<EOF
agentAddress udp:$V4_SRV:161,udp6:[$V6_SRV]:161
rocommunity public $V4_CLI/32
rocommunity6 public $V6_CLI/128
sysDescr AppTrack capture SNMP agent
sysName agent.appid.test
sysContact capture@appid.test
sysLocation network namespace $NS_SRV
sysServices 72
EOF
server snmpd env SNMP_PERSISTENT_DIR="$W/snmp/persist" MIBS= MIBDIRS="$W/snmp" \
  snmpd -f -Lo -C -c "$W/snmp/snmpd.conf" -p "$W/snmp/snmpd.pid"

# TFTP: tftpd-hpa, read-only, transfers from one fixed port
mkdir -p "$W/tftp"
# three data blocks (512, 512 and 326 bytes)
for i in $(seq 1 25); do printf 'AppTrack capture test file served over TFTP, line %02d.\n' "$i"; done > "$W/tftp/boot.txt"
chmod -R a+rX "$W/tftp"
server tftpd in.tftpd --foreground --listen --address "$V4_SRV:69" --secure \
  --port-range "$TFTP_DATA_PORT:$TFTP_DATA_PORT" --user tftp "$W/tftp"

# Telnet: inetutils telnetd started by inetutils inetd, login(1) as the test user; -h: no banner
# with the recording machine's kernel version
echo "$V4_SRV:telnet stream tcp nowait root /usr/sbin/telnetd telnetd -h" > "$W/inetd.conf"
server inetd inetutils-inetd -d --pidfile="$W/inetd.pid" "$W/inetd.conf"

# MySQL: MariaDB with a fresh data directory, a user and a small table; no TLS (clear protocol)
mkdir -p "$W/mysql/data" "$W/mysql/run"
chown -R mysql:mysql "$W/mysql"
mariadb-install-db --no-defaults --datadir="$W/mysql/data" --user=mysql --skip-test-db \
  --auth-root-authentication-method=socket > "$W/mysql-install.log" 2>&1
server mariadb mariadbd --no-defaults --datadir="$W/mysql/data" --socket="$W/mysql/run/mysqld.sock" \
  --pid-file="$W/mysql/run/mysqld.pid" --bind-address="$V4_SRV" --port=3306 --user=mysql \
  --skip-name-resolve --skip-ssl --skip-log-bin --innodb-buffer-pool-size=16M --log-error="$W/mysql/error.log"

# HTTP over IPv6: python3's http.server
mkdir -p "$W/www"
printf '<!doctype html>\n<title>AppTrack capture</title>\n<p>Served over HTTP on IPv6.</p>\n' > "$W/www/index.html"
chmod -R a+rX "$W/www"
server http python3 -m http.server --bind "$V6_SRV" --directory "$W/www" 80

# DNS: dnsmasq as an authoritative-only answerer for appid.test, UDP and TCP
server dnsmasq dnsmasq --keep-in-foreground --conf-file=/dev/null --no-resolv --no-hosts --no-poll \
  --bind-interfaces --listen-address="$V4_SRV" --listen-address="$V6_SRV" --port=53 \
  --pid-file="$W/dnsmasq.pid" --log-facility="$W/dnsmasq-queries.log" --log-queries \
  --host-record="www.appid.test,$V4_SRV,$V6_SRV" --mx-host=appid.test,mail.appid.test,10

# Syslog over UDP: rsyslog writing what it receives to a file
mkdir -p "$W/rsyslog"
cat > "$W/rsyslog/rsyslog.conf" <<EOF
global(workDirectory="$W/rsyslog")
module(load="imudp")
input(type="imudp" address="$V4_SRV" port="514")
*.* action(type="omfile" file="$W/rsyslog/messages")
EOF
server rsyslog rsyslogd -n -f "$W/rsyslog/rsyslog.conf" -i "$W/rsyslog/rsyslogd.pid"

# NTP: chrony serving its local clock (stratum 8); -x: never touches the host's clock
mkdir -p "$W/chrony"
chown _chrony "$W/chrony"
cat > "$W/chrony/chrony.conf" <<EOF
bindaddress $V4_SRV
port 123
cmdport 0
allow $V4_CLI
local stratum 8
pidfile $W/chrony/chronyd.pid
driftfile $W/chrony/drift
EOF
server chronyd chronyd -x -d -u _chrony -f "$W/chrony/chrony.conf"

# SSH: OpenSSH with a fresh host key, public-key login of the test user only
mkdir -p "$W/ssh/keys" "$W/client/.ssh"
ssh-keygen -q -t ed25519 -N '' -C "$SRV_NAME" -f "$W/ssh/host_ed25519"
ssh-keygen -q -t ed25519 -N '' -C "$USER_NAME@$CLI_NAME" -f "$W/client/.ssh/id_ed25519"
cp "$W/client/.ssh/id_ed25519.pub" "$W/ssh/keys/$USER_NAME"
chmod 644 "$W/ssh/keys/$USER_NAME"
cat > "$W/ssh/sshd_config" <<EOF
ListenAddress $V4_SRV:22
HostKey $W/ssh/host_ed25519
PidFile $W/ssh/sshd.pid
AuthorizedKeysFile $W/ssh/keys/%u
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin no
AllowUsers $USER_NAME
PrintMotd no
PrintLastLog no
# the keys lie below /tmp, which is world-writable
StrictModes no
EOF
server sshd /usr/sbin/sshd -D -e -f "$W/ssh/sshd_config"

await_listening tcp "$V4_SRV" 21
await_listening tcp "$V6_SRV" 21
await_listening tcp "$V4_SRV" 143
await_listening tcp "$V6_SRV" 110
await_listening tcp "$V4_SRV" 25
await_listening udp "$V4_SRV" 161
await_listening udp "$V6_SRV" 161
await_listening udp "$V4_SRV" 69
await_listening tcp "$V4_SRV" 23
await_listening tcp "$V4_SRV" 3306
await_listening tcp "$V6_SRV" 80
await_listening udp "$V4_SRV" 53
await_listening tcp "$V4_SRV" 53
await_listening udp "$V6_SRV" 53
await_listening udp "$V4_SRV" 514
await_listening udp "$V4_SRV" 123
await_listening tcp "$V4_SRV" 22

# the database's user and table, over the server's local socket
mariadb --no-defaults --socket="$W/mysql/run/mysqld.sock" -u root <<EOF
CREATE DATABASE shop;
CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(32));
INSERT INTO shop.items VALUES (1, 'apple'), (2, 'pear');
CREATE USER '$USER_NAME'@'$V4_CLI' IDENTIFIED BY '$USER_PASSWORD';
GRANT SELECT ON shop.* TO '$USER_NAME'@'$V4_CLI';
EOF

# ------------------------------------------------------------------ clients and captures

mkdir -p "$W/client"
# cli COMMAND...: runs a client in the client namespace, with its own host name and a home of
# its own (no ~/.curlrc, ~/.ssh or ~/.my.cnf of the host's root)
cli() {
  ip netns exec "$NS_CLI" unshare --uts env HOME="$W/client" sh -c 'hostname "$0"; exec "$@"' "$CLI_NAME" "$@"
}

# client_ports FIRST LAST: the ports the client's next sockets take. connect() tries the even
# ports of the range first, bind() without a port the odd ones; a one-port range for UDP.
client_ports() {
  in_cli sysctl -qw net.ipv4.ip_local_port_range="$1 $2"
}

start_capture() {
  local name="$1"
  # not through a shell function: $! must be tcpdump itself, which SIGINT stops
  ip netns exec "$NS_CLI" tcpdump -i "$VETH_CLI" -s 0 --immediate-mode -U -Z root -w "$STAGE/$name.pcap" "$FILTER" \
    2> "$W/tcpdump-$name.log" &
  TCPDUMP_PID=$!
  for _ in $(seq 1 100); do
    grep -q 'listening on' "$W/tcpdump-$name.log" && return 0
    sleep 0.1
  done
  die "tcpdump did not start: $(cat "$W/tcpdump-$name.log")"
}

stop_capture() {
  local name="$1" captured filtered dropped
  sleep 0.5  # the last FIN/ACKs
  kill -INT "$TCPDUMP_PID"
  wait "$TCPDUMP_PID" || true
  TCPDUMP_PID=""
  captured="$(sed -n 's/^\([0-9]*\) packets\{0,1\} captured$/\1/p' "$W/tcpdump-$name.log")"
  filtered="$(sed -n 's/^\([0-9]*\) packets\{0,1\} received by filter$/\1/p' "$W/tcpdump-$name.log")"
  dropped="$(sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel$/\1/p' "$W/tcpdump-$name.log")"
  if [ -z "$captured" ] || [ "$captured" != "$filtered" ] || [ "$dropped" != 0 ]; then
    die "$name: tcpdump lost frames: $(tr '\n' ' ' < "$W/tcpdump-$name.log")"
  fi
  log "$name: $captured frames, $(stat -c %s "$STAGE/$name.pcap") bytes"
}

# The captures: name, the labels of its flows by the server's port, what it holds. Every flow
# of a capture must match one rule and every rule one flow at least (scripts/lib/appid_captures.py).
SPEC="$W/captures.tsv"
printf 'name\trules\tabout\n' > "$SPEC"
capture() {  # capture NAME RULES ABOUT FUNCTION
  printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$SPEC"
  start_capture "$1"
  "$4"
  stop_capture "$1"
}

talk_ftp_port() {
  client_ports 41000 41001
  cli curl -sS -o /dev/null --disable-eprt -P "$V4_CLI:41010" "ftp://$V4_SRV/pub/readme.txt"
}
talk_ftp_eprt() {
  client_ports 41100 41101
  cli curl -sS -o /dev/null -P "[$V6_CLI]:41110" "ftp://[$V6_SRV]/pub/"
}
# passive mode: curl binds its ports itself, so that the data connection does not share the
# control connection's port (which connect() would do: the pair of end points differs)
talk_ftp_pasv() {
  client_ports 41200 41201
  cli curl -sS -o /dev/null --local-port 41200-41209 --disable-epsv "ftp://$V4_SRV/pub/"
}
talk_ftp_epsv() {
  client_ports 41300 41301
  cli curl -sS -o /dev/null --local-port 41300-41309 "ftp://[$V6_SRV]/pub/readme.txt"
}
talk_imap() {
  client_ports 41400 41401
  cli curl -sS -o /dev/null -u alice:wonderland "imap://$V4_SRV/INBOX;UID=1"
}
talk_pop3() {
  client_ports 41500 41501
  cli curl -sS -o /dev/null -u alice:wonderland "pop3://[$V6_SRV]/1"
}
talk_smtp() {
  client_ports 41600 41601
  cli swaks --silent 2 --server "$V4_SRV" --port 25 --helo "$CLI_NAME" --from bob@appid.test \
    --to alice@appid.test --data "$(printf '%s\n' 'From: Bob <bob@appid.test>' 'To: Alice <alice@appid.test>' \
    'Subject: Capture test' 'Date: Tue, 14 Nov 2023 22:13:20 +0000' 'Message-ID: <capture-test-2@appid.test>' '' \
    'Hello Alice, this message travels over SMTP.')"
}
talk_snmp() {
  local env=(env SNMP_PERSISTENT_DIR="$W/client/.snmp" SNMPCONFPATH="$W/client/.snmp" MIBS= MIBDIRS="$W/client")
  client_ports 41700 41700
  cli "${env[@]}" snmpget -v2c -c public -On "udp6:[$V6_SRV]:161" 1.3.6.1.2.1.1.1.0 1.3.6.1.2.1.1.5.0 \
    > "$W/snmp-client.log" 2>&1
  client_ports 41710 41710
  cli "${env[@]}" snmpwalk -v2c -c public -On "$V4_SRV" 1.3.6.1.2.1.1 >> "$W/snmp-client.log" 2>&1
}
talk_tftp() {
  client_ports 41800 41800
  (cd "$W/client" && cli tftp -m octet "$V4_SRV" -c get boot.txt "$W/client/boot.txt")
  cmp -s "$W/tftp/boot.txt" "$W/client/boot.txt" || die "tftp: file not received"
}
talk_telnet() {
  cat > "$W/client/telnet.exp" <<'EOF'
lassign $argv host user password
set timeout 20
spawn telnet $host 23
expect timeout { exit 1 } "login: "
send "$user\r"
expect timeout { exit 1 } "Password: "
send "$password\r"
expect timeout { exit 1 } "\$ "
send "echo telnet session of \$(id -un)\r"
expect timeout { exit 1 } "telnet session of $user"
expect timeout { exit 1 } "\$ "
send "exit\r"
expect eof
EOF
  client_ports 41900 41901
  cli expect -f "$W/client/telnet.exp" "$V4_SRV" "$USER_NAME" "$USER_PASSWORD" > "$W/telnet-client.log"
}
talk_mysql() {
  client_ports 42000 42001
  cli mariadb --no-defaults --skip-ssl -h "$V4_SRV" -P 3306 -u "$USER_NAME" -p"$USER_PASSWORD" shop \
    -e 'SELECT id, name FROM items ORDER BY id' >/dev/null
}
talk_http6() {
  client_ports 42100 42101
  cli curl -sS -o /dev/null "http://[$V6_SRV]/index.html"
}
talk_dns() {
  client_ports 42200 42200
  cli dig +tries=1 @"$V4_SRV" www.appid.test A >/dev/null
  client_ports 42210 42211
  cli dig +tcp @"$V4_SRV" appid.test MX >/dev/null
  client_ports 42220 42220
  cli dig +tries=1 @"$V6_SRV" www.appid.test AAAA >/dev/null
}
talk_syslog() {
  client_ports 42300 42300
  cli logger -n "$V4_SRV" -P 514 -d --rfc3164 -t appid-capture -p user.notice "an RFC 3164 message over UDP"
  cli logger -n "$V4_SRV" -P 514 -d --rfc5424 -t appid-capture -p local0.info "an RFC 5424 message over UDP"
}
talk_ntp() {
  client_ports 42400 42400
  cli ntpdate -q "$V4_SRV" >/dev/null
}
talk_ssh() {
  client_ports 42500 42501
  cli ssh -F /dev/null -i "$W/client/.ssh/id_ed25519" -o IdentitiesOnly=yes -o UserKnownHostsFile=/dev/null -o GlobalKnownHostsFile=/dev/null \
    -o StrictHostKeyChecking=no -o BatchMode=yes -o LogLevel=ERROR "$USER_NAME@$V4_SRV" \
    'echo ssh session of $(id -un)' >/dev/null
}

capture ftp-port "tcp/21=FTP_CONTROL tcp/20=FTP_DATA" \
  "FTP over IPv4, active mode with PORT: curl logs in anonymously and downloads a file (RETR); vsftpd connects back from port 20" talk_ftp_port
capture ftp-eprt "tcp/21=FTP_CONTROL tcp/20=FTP_DATA" \
  "FTP over IPv6, active mode with EPRT: curl lists a directory (LIST); vsftpd connects back from port 20" talk_ftp_eprt
capture ftp-pasv "tcp/21=FTP_CONTROL tcp/$FTP_PASV_PORT=FTP_DATA" \
  "FTP over IPv4, passive mode with PASV: curl lists a directory (LIST) through vsftpd's passive port $FTP_PASV_PORT" talk_ftp_pasv
capture ftp-epsv "tcp/21=FTP_CONTROL tcp/$FTP_PASV_PORT=FTP_DATA" \
  "FTP over IPv6, passive mode with EPSV: curl downloads a file (RETR) through vsftpd's passive port $FTP_PASV_PORT" talk_ftp_epsv
capture imap "tcp/143=IMAP" \
  "IMAP in clear over IPv4: curl logs in to dovecot (AUTHENTICATE PLAIN), selects INBOX and fetches a message" talk_imap
capture pop3 "tcp/110=POP3" \
  "POP3 in clear over IPv6: curl logs in to dovecot (AUTH PLAIN) and retrieves a message" talk_pop3
capture smtp "tcp/25=SMTP" \
  "SMTP over IPv4: swaks sends one message to exim (EHLO, MAIL, RCPT, DATA, QUIT); no STARTTLS offered" talk_smtp
capture snmp "udp/161=SNMP" \
  "SNMP v2c, community public, to snmpd: snmpget of two scalars over IPv6, snmpwalk of the system group over IPv4" talk_snmp
capture tftp "udp/69=TFTP udp/$TFTP_DATA_PORT=TFTP" \
  "TFTP over IPv4: tftp-hpa reads a file (octet) from tftpd-hpa; the request goes to port 69, the transfer comes from port $TFTP_DATA_PORT" talk_tftp
capture telnet "tcp/23=Telnet" \
  "Telnet over IPv4: the telnet client (driven by expect) logs in to inetutils telnetd (via inetd, login(1)), runs one command and exits" talk_telnet
capture mysql "tcp/3306=MySQL" \
  "MySQL protocol over IPv4, no TLS: the mariadb client logs in to MariaDB and runs one SELECT" talk_mysql
capture http6 "tcp/80=HTTP" \
  "HTTP over IPv6: curl GETs a page (HTTP/1.1) from python3's http.server (which answers HTTP/1.0)" talk_http6
capture dns "udp/53=DNS tcp/53=DNS" \
  "DNS to dnsmasq: dig asks A over UDP/IPv4, MX over TCP/IPv4 and AAAA over UDP/IPv6" talk_dns
capture syslog "udp/514=Syslog" \
  "Syslog over UDP/IPv4: logger sends one RFC 3164 and one RFC 5424 message to rsyslog" talk_syslog
capture ntp "udp/123=NTP" \
  "NTP over IPv4: ntpdate -q (ntpdig) queries chrony once" talk_ntp
capture ssh "tcp/22=SSH" \
  "SSH over IPv4: OpenSSH client logs in to OpenSSH server with an ed25519 key and runs one command" talk_ssh

# ------------------------------------------------------------------ flows.tsv and README

dpkg-query -W -f='${Package}\t${Version}\n' "${VERSIONED[@]}" > "$W/versions.tsv"
python3 "$ROOT/scripts/lib/appid_captures.py" --pcaps "$STAGE" --spec "$SPEC" --versions "$W/versions.tsv" \
  --out "$W/out"

mkdir -p "$OUT/pcap"
find "$OUT/pcap" -maxdepth 1 -name '*.pcap' -delete
cp "$STAGE"/*.pcap "$OUT/pcap/"
cp "$W/out/flows.tsv" "$W/out/README.md" "$OUT/"
log "wrote $(find "$OUT/pcap" -name '*.pcap' | wc -l) captures, flows.tsv and README.md to $OUT"
