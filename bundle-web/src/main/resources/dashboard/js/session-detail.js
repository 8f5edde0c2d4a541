// One session in full: every field AppTrack has for it (as the sessions list gave it last; for a
// session opened from the log, which may have closed, the fields of its newest record) and every
// field of each security-log record logged for it, oldest first. A session whose close record
// was logged is shown closed, with the close reason that record gives.
import { clock } from './format.js';
import { cell, fillPairs } from './table.js';

const CLOSE_TAG = 'APPTRACK_SESSION_CLOSE';

export class SessionDetail {
  constructor(panel) {
    this.panel = panel;
    this.session = null;
    this.$ = (id) => panel.querySelector(`#${id}`);
    this.$('detail-close').addEventListener('click', () => this.show(null));
  }

  get sessionId() {
    return this.session ? this.session.sessionId : null;
  }

  /** Shows a session (null hides the panel); its records follow with the next update. */
  show(session) {
    const changed = (session && session.sessionId) !== this.sessionId;
    this.session = session;
    this.panel.hidden = !session;
    if (!session) {
      return;
    }
    if (changed) {
      this.$('detail-records').replaceChildren();
      this.$('detail-record-count').textContent = '';
      this.$('detail-close-reason').hidden = true;
      this.$('detail-state').textContent = '';
      this.panel.scrollIntoView({ block: 'nearest' });
    }
    this.$('detail-id').textContent = String(session.sessionId);
    fillPairs(this.$('detail-fields'), Object.entries(session));
  }

  /** The latest copy of the session from the list (absent once it closed or left the filter). */
  refresh(latest) {
    if (latest) {
      this.show(latest);
    }
  }

  /** reply: the body of GET /log-records?session-id=... (oldest first). */
  updateRecords(reply) {
    const records = reply.records;
    if (Object.keys(this.session).length === 1 && records.length) {
      // known only by its id (opened from the log): its newest record says the most
      fillPairs(this.$('detail-fields'), records[records.length - 1].fields);
    }
    this.$('detail-records').replaceChildren(...records.map(recordView));
    this.$('detail-record-count').textContent = `(${records.length})`;
    this.$('detail-no-records').hidden = records.length > 0;
    const close = records.find((r) => r.tag === CLOSE_TAG);
    const reason = close && close.fields.find(([name]) => name === 'reason');
    const state = this.$('detail-state');
    state.textContent = close ? 'closed' : 'open';
    state.dataset.state = close ? 'closed' : 'open';
    const closeReason = this.$('detail-close-reason');
    closeReason.hidden = !close;
    closeReason.textContent = close ? `Closed at ${clock(close.timeMillis)}: ${reason ? reason[1] : 'no reason logged'}` : '';
  }
}

function recordView(record) {
  const details = document.createElement('details');
  details.className = 'record';
  details.dataset.tag = record.tag;
  details.open = record.tag === CLOSE_TAG;
  const summary = document.createElement('summary');
  summary.append(cell('b', record.wireTag), document.createTextNode(` ${clock(record.timeMillis)}`));
  const table = document.createElement('table');
  table.className = 'fields';
  table.createTBody();
  fillPairs(table, record.fields);
  details.append(summary, table);
  return details;
}
