// The dashboard: every view refreshed every REFRESH_MILLIS from the REST resources, no reload.
import * as api from './api.js';
import { bitsPerSecond, perSecond } from './format.js';
import { SessionsTable } from './sessions-table.js';
import { TopApplications } from './top-applications.js';
import { TrafficChart } from './traffic-chart.js';

const REFRESH_MILLIS = 2000;
const $ = (id) => document.getElementById(id);

const windowChoice = $('window');
const filterForm = $('session-filters');
const chart = new TrafficChart($('traffic-chart'));
const top = new TopApplications($('top-applications'), $('top-applications-empty'));
const table = new SessionsTable($('session-table'), $('sessions-count'));
let updates = 0;

function sessionFilters() {
  const filters = Object.fromEntries(new FormData(filterForm));
  if (filters.sort === 'id') {
    delete filters.sort;
  }
  return filters;
}

async function refreshTraffic() {
  const reply = await api.traffic(windowChoice.value);
  chart.update(reply.points);
  const last = reply.points[reply.points.length - 1];
  if (last) {
    $('now-bits').textContent = bitsPerSecond(last[1]);
    $('now-sessions').textContent = perSecond(last[2]);
    $('now-active').textContent = String(last[3]);
  }
}

async function refreshApplications() {
  top.update((await api.topApplications(windowChoice.value)).applications);
}

async function refreshSessions() {
  const error = $('session-error');
  try {
    table.update(await api.sessions(sessionFilters()));
    error.textContent = '';
  } catch (e) {
    // a filter the server refuses (400 naming the field) is the operator's to fix, not an outage
    if (e.status !== 400) {
      throw e;
    }
    error.textContent = e.message;
  }
}

async function refresh() {
  const status = $('status');
  try {
    await Promise.all([refreshTraffic(), refreshApplications(), refreshSessions()]);
    updates++;
    status.textContent = `updated ${new Date().toLocaleTimeString()}`;
    status.dataset.updates = String(updates);
    status.classList.remove('error');
  } catch (e) {
    status.textContent = e.status === 401 || e.status === 403 ? 'not allowed: log in again' : `error: ${e.message}`;
    status.classList.add('error');
  }
}

async function loop() {
  await refresh();
  setTimeout(loop, REFRESH_MILLIS);
}

windowChoice.addEventListener('change', refresh);
filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
});
loop();
