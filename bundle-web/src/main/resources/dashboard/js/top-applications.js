// The applications with the most bytes over the chosen window, as proportional bars.
import { bytes } from './format.js';

export class TopApplications {
  constructor(list, emptyNote) {
    this.list = list;
    this.emptyNote = emptyNote;
  }

  /** applications: [{application, bytes}], heaviest first. */
  update(applications) {
    const most = applications.length ? applications[0].bytes : 1;
    const items = applications.map((a) => {
      const item = document.createElement('li');
      item.dataset.application = a.application;
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${(100 * a.bytes) / most}%`;
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = a.application;
      const amount = document.createElement('span');
      amount.className = 'bytes';
      amount.textContent = bytes(a.bytes);
      item.append(bar, name, amount);
      return item;
    });
    this.list.replaceChildren(...items);
    this.emptyNote.hidden = applications.length > 0;
  }
}
