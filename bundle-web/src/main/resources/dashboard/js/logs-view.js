// The security-log streams with their counters, and the last records logged (newest first); a
// click on a record of a session opens that session's detail, also once it has closed.
import { clock } from './format.js';
import { fillBody, fillHead } from './table.js';

const STREAM_COLUMNS = [
  { key: 'name', label: 'Stream' },
  { key: 'transport', label: 'Transport' },
  { key: 'format', label: 'Format' },
  { key: 'destination', label: 'Destination' },
  { key: 'state', label: 'State' },
  { key: 'queue', label: 'Queue', value: (s) => `${s.queueDepth} / ${s.queueCapacity}` },
  { key: 'sent', label: 'Sent', number: true },
  { key: 'dropped', label: 'Dropped', number: true },
  { key: 'rateLimited', label: 'Rate-limited', number: true },
  { key: 'reconnects', label: 'Reconnects', number: true },
  { key: 'errors', label: 'Errors', number: true },
  { key: 'lastError', label: 'Last error', value: (s) => s.lastError || s.configError },
];

const RECORD_COLUMNS = [
  { key: 'timeMillis', label: 'Time', format: clock },
  { key: 'wireTag', label: 'Message' },
  { key: 'fields', label: 'Fields', value: (r) => r.fields.map(([n, v]) => `${n}="${v}"`).join(' ') },
];

const sessionIdOf = (record) => {
  const field = record.fields.find(([name]) => name === 'session-id-32');
  const id = field ? Number(field[1]) : NaN;
  return Number.isInteger(id) && id > 0 ? id : null;
};

export class LogsView {
  constructor(streams, streamsEmpty, records, onSelectSession) {
    this.onSelectSession = onSelectSession;
    this.streams = streams;
    this.streamsEmpty = streamsEmpty;
    this.records = records;
    fillHead(streams, STREAM_COLUMNS);
    fillHead(records, RECORD_COLUMNS);
  }

  /** reply: the body of GET /log-streams. */
  updateStreams(reply) {
    fillBody(this.streams, STREAM_COLUMNS, reply.streams);
    this.streamsEmpty.hidden = reply.streams.length > 0;
  }

  /** reply: the body of GET /log-records (newest first). */
  updateRecords(reply) {
    fillBody(this.records, RECORD_COLUMNS, reply.records);
    [...this.records.tBodies[0].rows].forEach((tr, i) => {
      const record = reply.records[i];
      tr.dataset.tag = record.tag;
      const sessionId = sessionIdOf(record);
      if (sessionId !== null) {
        tr.dataset.sessionId = String(sessionId);
        tr.classList.add('link');
        tr.addEventListener('click', () => this.onSelectSession(sessionId));
      }
    });
  }
}
