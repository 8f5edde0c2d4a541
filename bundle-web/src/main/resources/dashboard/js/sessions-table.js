// The active sessions, filtered as apptrack:sessions filters them (on the server) and sorted by
// clicking a column (in the page, over the rows shown); clicking a row selects its session.
import { bytes, clock, protocol } from './format.js';

const COLUMNS = [
  { key: 'sessionId', label: 'Id', number: true },
  { key: 'application', label: 'Application' },
  { key: 'nestedApplication', label: 'Nested' },
  { key: 'protocol', label: 'Protocol', format: protocol },
  { key: 'client', label: 'Client', value: (s) => `${s.clientAddress}:${s.clientPort}` },
  { key: 'server', label: 'Server', value: (s) => `${s.serverAddress}:${s.serverPort}` },
  { key: 'zones', label: 'Zones', value: (s) => `${s.sourceZone} → ${s.destinationZone}` },
  { key: 'bytes', label: 'Bytes', number: true, value: (s) => s.bytesFromClient + s.bytesFromServer, format: bytes },
  { key: 'packets', label: 'Packets', number: true, value: (s) => s.packetsFromClient + s.packetsFromServer },
  { key: 'startMillis', label: 'Started', number: true, format: clock },
];

const valueOf = (column, session) => (column.value ? column.value(session) : session[column.key]);

export class SessionsTable {
  constructor(table, countElement, onSelect) {
    this.body = table.tBodies[0];
    this.onSelect = onSelect;
    this.selectedId = null;
    this.countElement = countElement;
    this.sortKey = null;
    this.ascending = true;
    this.sessions = [];
    const header = table.tHead.rows[0];
    this.headers = COLUMNS.map((column) => {
      const th = document.createElement('th');
      th.textContent = column.label;
      th.dataset.key = column.key;
      th.addEventListener('click', () => this.sortBy(column.key));
      header.append(th);
      return th;
    });
  }

  sortBy(key) {
    this.ascending = this.sortKey === key ? !this.ascending : true;
    this.sortKey = key;
    this.render();
  }

  /** reply: the body of GET /sessions ({sessions, count, more}). */
  update(reply) {
    this.sessions = reply.sessions;
    this.countElement.textContent = `${reply.count}${reply.more ? '+' : ''}`;
    this.render();
  }

  render() {
    const rows = [...this.sessions];
    const column = COLUMNS.find((c) => c.key === this.sortKey);
    if (column) {
      const sign = this.ascending ? 1 : -1;
      rows.sort((a, b) => {
        const x = valueOf(column, a);
        const y = valueOf(column, b);
        return sign * (column.number ? x - y : String(x).localeCompare(String(y)));
      });
    }
    for (const th of this.headers) {
      if (th.dataset.key === this.sortKey) {
        th.setAttribute('aria-sort', this.ascending ? 'ascending' : 'descending');
      } else {
        th.removeAttribute('aria-sort');
      }
    }
    this.body.replaceChildren(...rows.map((s) => this.row(s)));
  }

  select(session) {
    this.selectedId = session ? session.sessionId : null;
    for (const tr of this.body.rows) {
      tr.classList.toggle('selected', Number(tr.dataset.sessionId) === this.selectedId);
    }
    this.onSelect(session);
  }

  /** The session of this id among the rows shown, or undefined. */
  find(sessionId) {
    return this.sessions.find((s) => s.sessionId === sessionId);
  }

  row(session) {
    const tr = document.createElement('tr');
    tr.dataset.sessionId = session.sessionId;
    tr.tabIndex = 0;
    if (session.sessionId === this.selectedId) {
      tr.classList.add('selected');
    }
    tr.addEventListener('click', () => this.select(session));
    tr.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        this.select(session);
      }
    });
    for (const column of COLUMNS) {
      const td = document.createElement('td');
      const value = valueOf(column, session);
      td.textContent = column.format ? column.format(value) : value ?? '';
      td.dataset.key = column.key;
      if (column.number) {
        td.className = 'number';
      }
      tr.append(td);
    }
    return tr;
  }
}
