// The applications, nested applications, zones or users with the most bytes over the chosen
// window, as proportional bars.
import { bytes } from './format.js';

export class TopList {
  constructor(list, emptyNote) {
    this.list = list;
    this.emptyNote = emptyNote;
  }

  /** reply: the body of GET /dashboard/top ({by, window, entries: [{name, bytes}]}), heaviest first. */
  update(reply) {
    const entries = reply.entries;
    const most = entries.length ? entries[0].bytes : 1;
    const items = entries.map((e) => {
      const item = document.createElement('li');
      item.dataset.name = e.name;
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${(100 * e.bytes) / most}%`;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = e.name;
      const amount = document.createElement('span');
      amount.className = 'bytes';
      amount.textContent = bytes(e.bytes);
      item.append(bar, name, amount);
      return item;
    });
    this.list.replaceChildren(...items);
    this.list.dataset.by = reply.by;
    this.emptyNote.hidden = entries.length > 0;
  }
}
