#!/usr/bin/env python3
"""flows.tsv and README.md of the application-identification captures (testdata/appid).

Run by scripts/record-appid-captures.sh once every capture is recorded. The flows are counted
from tshark's decoding the way ndpiReader counts them (one flow per protocol and unordered pair
of address/port end points for the whole capture; src is the sender of the first packet; bytes
are whole frames, frame.len), and labelled by construction: each capture's rules name the
protocol of the flows to or from a server port. A flow that no rule names, or a rule that names
no flow, is an error: nothing unintended (or missing) goes into the set. ndpiReader's own labels
are compared and its disagreements listed in the README; the constructed label stays.
"""

import argparse
import datetime
import ipaddress
import os
import platform
import re
import subprocess
import sys

COLUMNS = ["file", "l4", "src_ip", "src_port", "dir", "dst_ip", "dst_port", "vlan", "master_proto",
           "app_proto", "category", "c2s_pkts", "c2s_bytes", "s2c_pkts", "s2c_bytes", "hostname"]
L4_NAMES = {6: "TCP", 17: "UDP", 1: "ICMP", 58: "ICMPV6"}
FIELDS = ["frame.len", "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "ip.proto", "ipv6.nxt", "tcp.srcport",
          "tcp.dstport", "udp.srcport", "udp.dstport", "http.host", "dns.qry.name"]
NDPI_FLOW = re.compile(r"^\t(\d+)\t(\S+) (\S+) (<->|->) (\S+) \[proto: [\d.]+/([^\]]+)\].*?"
                       r"\[Confidence: ([^\]]+)\].*?\[(\d+) pkts/(\d+) bytes (?:<->|->) (\d+) pkts/(\d+) bytes\]")


class Failure(Exception):
    pass


def first(value):
    """The outermost value of a tshark field (ICMP errors repeat the quoted packet's)."""
    return value.split(",")[0] if value else ""


def canonical(address):
    return str(ipaddress.ip_address(address))


def split_endpoint(text):
    """'[fd77::1]:80' or '10.77.0.1:80' as (address, port)."""
    address, _, port = text.rpartition(":")
    return canonical(address.strip("[]")), int(port)


def tshark_flows(pcap):
    """The capture's flows in order of their first packet, each a dict of the flows.tsv columns."""
    out = subprocess.run(["tshark", "-r", pcap, "-n", "-T", "fields", "-E", "separator=\t", "-E", "occurrence=a"]
                         + [x for f in FIELDS for x in ("-e", f)],
                         check=True, capture_output=True, text=True).stdout
    flows = {}
    for line in out.splitlines():
        v = dict(zip(FIELDS, line.split("\t")))
        if first(v["ip.src"]):
            src, dst, proto = first(v["ip.src"]), first(v["ip.dst"]), int(first(v["ip.proto"]))
        elif first(v["ipv6.src"]):
            src, dst, proto = first(v["ipv6.src"]), first(v["ipv6.dst"]), int(first(v["ipv6.nxt"]))
        else:
            raise Failure(f"{os.path.basename(pcap)}: a frame that is not IP: {line!r}")
        src, dst = canonical(src), canonical(dst)
        ports = {6: ("tcp.srcport", "tcp.dstport"), 17: ("udp.srcport", "udp.dstport")}.get(proto)
        sport, dport = (int(first(v[ports[0]])), int(first(v[ports[1]]))) if ports else (0, 0)
        a, b = (src, sport), (dst, dport)
        key = (proto,) + tuple(sorted([a, b], key=lambda e: (ipaddress.ip_address(e[0]).packed, e[1])))
        flow = flows.get(key)
        if flow is None:
            flow = flows[key] = {"l4": L4_NAMES.get(proto, str(proto)), "src": a, "dst": b,
                                 "c2s": [0, 0], "s2c": [0, 0], "hostname": ""}
        side = flow["c2s"] if (src, sport) == flow["src"] else flow["s2c"]
        side[0] += 1
        side[1] += int(v["frame.len"])
        if not flow["hostname"]:
            flow["hostname"] = first(v["http.host"]) or first(v["dns.qry.name"])
    return list(flows.values())


def parse_rules(text):
    """'tcp/21=FTP_CONTROL udp/69=TFTP' as [('TCP', 21, 'FTP_CONTROL'), ...]."""
    rules = []
    for item in text.split():
        m = re.fullmatch(r"(tcp|udp)/(\d+)=(\S+)", item)
        if not m:
            raise Failure(f"bad rule {item!r}")
        rules.append((m.group(1).upper(), int(m.group(2)), m.group(3)))
    return rules


def ndpi_categories():
    """nDPI's default category of each protocol name, from ndpiReader's protocol list."""
    text = subprocess.run(["ndpiReader", "-h"], capture_output=True, text=True).stdout
    categories = {}
    for line in text.splitlines():
        m = re.match(r"^\s*\d+\s+(\S+)\s+.*\s(\S+)\s*$", line)
        if m and not line.lstrip().startswith("-"):
            categories.setdefault(m.group(1), m.group(2))
    return categories


def ndpi_flows(pcap):
    """ndpiReader's flows of a capture, keyed like ours: (l4, frozenset of the two end points)."""
    text = subprocess.run(["ndpiReader", "-i", pcap, "-q", "-v", "2"], capture_output=True, text=True).stdout
    flows = {}
    for line in text.splitlines():
        m = NDPI_FLOW.match(line)
        if not m:
            continue
        src, dst = split_endpoint(m.group(3)), split_endpoint(m.group(5))
        flows[(m.group(2), frozenset([src, dst]))] = {
            "label": m.group(6), "confidence": m.group(7), "src": src,
            "counts": [int(m.group(i)) for i in range(8, 12)]}
    return flows


def endpoint(e):
    return f"[{e[0]}]:{e[1]}" if ":" in e[0] else f"{e[0]}:{e[1]}"


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pcaps", required=True)
    p.add_argument("--spec", required=True, help="TSV: name, rules, about")
    p.add_argument("--versions", required=True, help="TSV: Debian package, version")
    p.add_argument("--out", required=True)
    args = p.parse_args()

    with open(args.spec) as f:
        spec = [dict(zip(["name", "rules", "about"], line.rstrip("\n").split("\t"))) for line in list(f)[1:]]
    with open(args.versions) as f:
        versions = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    categories = ndpi_categories()
    rows, problems, compared, captures = [], [], [], []
    for capture in sorted(spec, key=lambda c: c["name"]):
        name = capture["name"] + ".pcap"
        path = os.path.join(args.pcaps, name)
        rules = parse_rules(capture["rules"])
        flows = tshark_flows(path)
        used = set()
        ndpi = ndpi_flows(path)
        labels = []
        for flow in flows:
            ports = {flow["src"][1], flow["dst"][1]}
            matching = [r for r in rules if r[0] == flow["l4"] and r[1] in ports]
            if len(matching) != 1:
                problems.append(f"{name}: {flow['l4']} {endpoint(flow['src'])} -> {endpoint(flow['dst'])}: "
                                + ("matches no rule (not a flow that was meant to be there)" if not matching
                                   else "matches several rules"))
                continue
            rule = matching[0]
            used.add(rule)
            label = rule[2]
            if label not in categories:
                problems.append(f"{name}: {label} is no protocol name of ndpiReader")
                continue
            counts = flow["c2s"] + flow["s2c"]
            rows.append([name, flow["l4"], flow["src"][0], flow["src"][1], "<->" if flow["s2c"][0] else "->",
                         flow["dst"][0], flow["dst"][1], "", label, label, categories[label]]
                        + counts + [flow["hostname"]])
            labels.append(f"{label} ({flow['l4']} {rule[1]})")
            theirs = ndpi.get((flow["l4"], frozenset([flow["src"], flow["dst"]])))
            where = f"{flow['l4']} {endpoint(flow['src'])} -> {endpoint(flow['dst'])}"
            if theirs is None:
                compared.append((name, where, label, None, "", False))
            else:
                compared.append((name, where, label, theirs["label"], theirs["confidence"], theirs["counts"] == counts))
        for rule in rules:
            if rule not in used:
                problems.append(f"{name}: no {rule[0]} flow to or from port {rule[1]} ({rule[2]})")
        frames = sum(r[11] + r[13] for r in rows if r[0] == name)
        captures.append((name, os.path.getsize(path), frames, labels, capture["about"]))
    if problems:
        raise Failure("the captures are not what was meant:\n  " + "\n  ".join(problems))

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "flows.tsv"), "w") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    with open(os.path.join(args.out, "README.md"), "w") as f:
        f.write(readme(captures, rows, versions, compared))
    agreed = sum(1 for c in compared if c[2] == c[3])
    print(f"appid_captures: {len(captures)} captures, {len(rows)} flows, ndpiReader names {agreed} alike",
          file=sys.stderr)


def system_name():
    """The distribution's name (PRETTY_NAME of /etc/os-release)."""
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return "an unknown distribution"


def readme(captures, rows, versions, compared):
    date = datetime.date.today().isoformat()
    total = sum(c[1] for c in captures)
    lines = [
        "# Captures of classic protocols with constructed flow labels (application identification)",
        "",
        f"{len(captures)} small packet captures ({total} bytes in all) of protocols that the nDPI sets in",
        "`../shared/testdata` lack: FTP control and data in active and passive mode, IMAP and POP3 in clear,",
        "SMTP, SNMP, TFTP, Telnet, MySQL, HTTP over IPv6, DNS over UDP and TCP, Syslog over UDP, NTP",
        "and SSH. Each one is a real Debian client talking to a real Debian server, and `flows.tsv` says",
        f"what each of its {len(rows)} flows is. The labels come from what was run, not from a classifier.",
        "",
        "```",
        "pcap/<name>.pcap   one capture per protocol (pcap, Ethernet, microsecond timestamps, full frames)",
        "flows.tsv          one row per flow, in the format of ../shared/testdata/ndpi/flows.tsv",
        "```",
        "",
        "## Provenance and licence",
        "",
        f"* Recorded on {date} by `scripts/record-appid-captures.sh` (run it as root to record them",
        "  again; this README and `flows.tsv` are written by it, through `scripts/lib/appid_captures.py`).",
        f"  Packages of {system_name()}, Linux {platform.release()}.",
        "* Two network namespaces joined by a veth pair: the servers in `appid-srv` (10.77.0.1,",
        "  fd77::1, MAC 02:77:00:00:00:01, host name server.appid.test), the clients in `appid-cli`",
        "  (10.77.0.2, fd77::2, MAC 02:77:00:00:00:02, client.appid.test). tcpdump captured on the",
        "  client's end with a filter that keeps only packets between these two addresses and no IPv6",
        "  neighbour discovery (there is none anyway: the neighbour entries are static). Transmit",
        "  checksums and segmentation offloads are off, so every frame is a wire-sized frame with",
        "  correct checksums. The client ports are fixed per capture (the client namespace's",
        "  ephemeral port range), as are the server ports, including FTP's passive port (50020) and",
        "  TFTP's transfer port (50069).",
        "* The accounts, passwords, mail, files and names are made up for the recording (domain",
        "  `appid.test`; user `appid` with password `capture-secret`, mail user `alice`/`wonderland`,",
        "  anonymous FTP, SNMP community `public`); the SSH keys were generated for the run and thrown away.",
        "* Licence: these files are the project's own, under the project's licence. Every byte was",
        "  produced by the programs listed below talking to each other; no third-party capture is included.",
        "",
        "| Debian package | version |",
        "|---|---|",
    ]
    lines += [f"| {p} | {v} |" for p, v in versions]
    lines += [
        "",
        "## The captures",
        "",
        "Flows are named `LABEL (L4 server-port)`. Bytes of a flow are whole Ethernet frames.",
        "",
        "| file | bytes | frames | flows | what it holds |",
        "|---|---:|---:|---|---|",
    ]
    for name, size, frames, labels, about in captures:
        lines.append(f"| `{name}` | {size} | {frames} | {', '.join(labels)} | {about} |")
    lines += [
        "",
        "## flows.tsv",
        "",
        "The columns and conventions of `../shared/testdata/ndpi/flows.tsv` (its README explains them):",
        "one flow per protocol and unordered pair of address/port end points, `src` is the sender of",
        "the first packet (the client, except where the server opens the flow: FTP's active-mode data",
        "connections from port 20 and TFTP's transfer from port 50069), `dir` is `<->` once the other",
        "side answered, packets and bytes per direction are tshark's `frame.len` sums. Differences",
        "from the nDPI set:",
        "",
        "* `master_proto` and `app_proto` are the protocol that was run, in nDPI's spelling",
        "  (`FTP_CONTROL`, `FTP_DATA`, `IMAP`, `POP3`, `SMTP`, `SNMP`, `TFTP`, `Telnet`, `MySQL`, `HTTP`,",
        "  `DNS`, `Syslog`, `NTP`, `SSH`), the same in both columns, as ndpiReader prints a single name.",
        "* `category` is the default category nDPI 4.2 gives that protocol (`ndpiReader -h`).",
        "* `hostname` holds the name the client asked for where the protocol carries one: the HTTP",
        "  `Host` and the DNS query name (the first query of the flow). It is empty for the others,",
        "  where ndpiReader may print what its dissector extracted (banners, user names).",
        "* `vlan` is always empty (no VLAN tags).",
        "",
        "## What ndpiReader says",
        "",
        "`ndpiReader -i <capture> -q -v 2` (nDPI 4.2, the `libndpi-bin` above, default options) on each",
        "capture, flow by flow. Where its name differs (in bold) the constructed label is kept: the",
        "content of the capture is known. `Match by port` is a guess from the port after DPI gave up.",
        "",
    ]
    alike = [c for c in compared if c[2] == c[3]]
    by_dpi = [c for c in alike if c[4] == "DPI"]
    lines += [
        f"Same name for {len(alike)} of the {len(compared)} flows ({len(by_dpi)} by DPI, "
        f"{len(alike) - len(by_dpi)} guessed), different for {len(compared) - len(alike)}. Its packet and byte",
        "counts equal those of `flows.tsv` in both directions for "
        + ("every flow." if all(c[5] for c in compared)
           else f"{sum(1 for c in compared if c[5])} flows; the others are marked."),
        "",
        "| file | flow | label | ndpiReader 4.2 | its confidence |",
        "|---|---|---|---|---|",
    ]
    for name, where, ours, theirs, confidence, counts_equal in compared:
        shown = "no such flow" if theirs is None else theirs if theirs == ours else f"**{theirs}**"
        mark = "" if counts_equal else " (other counts)"
        lines.append(f"| `{name}` | {where} | {ours} | {shown}{mark} | {confidence} |")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        main()
    except (Failure, subprocess.CalledProcessError) as e:
        print(f"appid_captures: {e}", file=sys.stderr)
        sys.exit(1)
