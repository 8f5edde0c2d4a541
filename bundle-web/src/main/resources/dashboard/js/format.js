// Numbers as operators read them.

const UNITS = ['', 'k', 'M', 'G', 'T'];

/** 1234567 -> "1.23 M" (powers of 1000, as link speeds are quoted). */
export function si(value, digits = 3) {
  let v = Number(value) || 0;
  let i = 0;
  while (Math.abs(v) >= 1000 && i < UNITS.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(digits))} ${UNITS[i]}`.trim();
}

export const bitsPerSecond = (v) => `${si(v)}b/s`;
export const bytes = (v) => `${si(v)}B`;
export const perSecond = (v) => si(v);

const PROTOCOLS = { 1: 'icmp', 6: 'tcp', 17: 'udp', 58: 'icmpv6', 132: 'sctp' };
export const protocol = (n) => PROTOCOLS[n] || String(n);

export function clock(millis) {
  return new Date(millis).toLocaleTimeString();
}
