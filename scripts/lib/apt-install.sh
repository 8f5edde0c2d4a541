# Sourced by the scripts that install Debian packages (install-test-deps.sh,
# record-appid-captures.sh), so that they all install the same way: as root without sudo,
# non-interactively, `apt-get update` once and only when something is missing, no recommended
# packages, the existing configuration files kept, and no service started by a package's postinst
# (invoke-rc.d and deb-systemd-invoke honour /usr/sbin/policy-rc.d; one is put there only for the
# install, and only when none exists).
#
#   apt_missing PACKAGE...   prints the packages that are not installed, one a line
#   apt_install PACKAGE...   installs the packages (apt-get update first); returns apt-get's status

apt_missing() {
  local p status
  for p in "$@"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)"
    if [ "$status" != "installed" ]; then
      printf '%s\n' "$p"
    fi
  done
}

apt_install() {
  local created_policy=0 rc=0
  if [ "$(id -u)" -ne 0 ]; then
    echo "apt_install: must run as root (no sudo is used)" >&2
    return 1
  fi
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# temporary, from scripts/lib/apt-install.sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy=1
  fi
  # A subshell keeps the exported settings to the install, and its failure is returned after
  # the policy this call created is removed.
  (
    export DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true
    apt-get update -q &&
    apt-get install -y -q --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
  ) || rc=$?
  if [ "$created_policy" -eq 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  return "$rc"
}
