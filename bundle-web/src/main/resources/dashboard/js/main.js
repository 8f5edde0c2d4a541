// The dashboard: every view refreshed every REFRESH_MILLIS from the REST resources, no reload.
import * as api from './api.js';
import { AppQoeView } from './appqoe-view.js';
import { bitsPerSecond, perSecond } from './format.js';
import { LogsView } from './logs-view.js';
import { SessionDetail } from './session-detail.js';
import { SessionsTable } from './sessions-table.js';
import { TopList } from './top-list.js';
import { TrafficChart } from './traffic-chart.js';

const REFRESH_MILLIS = 2000;
const $ = (id) => document.getElementById(id);

const windowChoice = $('window');
const topChoice = $('top-by');
const filterForm = $('session-filters');
const chart = new TrafficChart($('traffic-chart'));
const top = new TopList($('top-list'), $('top-empty'));
const detail = new SessionDetail($('session-detail'));
const table = new SessionsTable($('session-table'), $('sessions-count'), (session) => {
  detail.show(session);
  refreshDetail().catch(showError);
});
const appQoe = new AppQoeView($('appqoe'));
const logs = new LogsView($('log-streams'), $('log-streams-empty'), $('log-records'), (sessionId) => {
  table.select(table.find(sessionId) || { sessionId });
});
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

async function refreshTop() {
  top.update(await api.top(topChoice.value, windowChoice.value));
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
  if (detail.sessionId !== null) {
    detail.refresh(table.find(detail.sessionId));
  }
}

async function refreshDetail() {
  if (detail.sessionId !== null) {
    detail.updateRecords(await api.sessionRecords(detail.sessionId));
  }
}

async function refreshAppQoe() {
  const window = windowChoice.value === '5m' ? '5m' : '1h'; // the path history keeps an hour
  try {
    const [paths, history, applications, switches] = await Promise.all([
      api.appQoePaths(), api.appQoeHistory(window), api.appQoeApplications(), api.appQoeSwitches()]);
    appQoe.update(paths, history, applications, switches);
  } catch (e) {
    // 503: AppQoE is not installed, which is a choice, not an outage
    if (e.status !== 503) {
      throw e;
    }
    appQoe.update({ enabled: false, paths: [] }, { paths: [] }, { applications: [] }, { switches: [] });
  }
}

async function refreshLogs() {
  const [streams, records] = await Promise.all([api.logStreams(), api.logRecords()]);
  logs.updateStreams(streams);
  logs.updateRecords(records);
}

function showError(e) {
  const status = $('status');
  status.textContent = e.status === 401 || e.status === 403 ? 'not allowed: log in again' : `error: ${e.message}`;
  status.classList.add('error');
}

async function refresh() {
  const status = $('status');
  try {
    await Promise.all([refreshTraffic(), refreshTop(), refreshSessions(), refreshAppQoe(), refreshLogs()]);
    await refreshDetail();
    updates++;
    status.textContent = `updated ${new Date().toLocaleTimeString()}`;
    status.dataset.updates = String(updates);
    status.classList.remove('error');
  } catch (e) {
    showError(e);
  }
}

async function loop() {
  await refresh();
  setTimeout(loop, REFRESH_MILLIS);
}

windowChoice.addEventListener('change', refresh);
topChoice.addEventListener('change', refresh);
filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  refresh();
});
loop();
