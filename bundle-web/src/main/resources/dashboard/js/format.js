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
  return millis ? new Date(millis).toLocaleTimeString() : '–';
}

/** Microseconds as milliseconds with three digits: 1234 -> "1.23 ms"; null: not measured. */
export function micros(v) {
  return v == null ? '–' : `${Number((v / 1000).toPrecision(3))} ms`;
}

export function percent(v) {
  return v == null ? '–' : `${Number(v.toPrecision(3))} %`;
}

/** The text of a JSON value for a table cell: null as a dash, objects as JSON. */
export function text(v) {
  if (v === null || v === undefined || v === '') {
    return '–';
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
