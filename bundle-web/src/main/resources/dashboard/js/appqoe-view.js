// AppQoE: per destination group, each path's state and its RTT, jitter and loss over time
// against the SLA targets; the active path per application; the last path switches.
import { clock, micros, percent, text } from './format.js';
import { PathChart } from './path-chart.js';
import { fillBody, fillHead } from './table.js';

const JITTER_INDEX = { 'two-way': 3, ingress: 4, egress: 5 };

const METRICS = [
  { name: 'rtt', label: 'RTT (mean)', value: (x) => x[1], target: (t) => t && t.rttMicros, format: micros },
  { name: 'jitter', label: 'Jitter', value: (x, p) => x[JITTER_INDEX[p.targets?.jitterType] || 3],
    target: (t) => t && t.jitterMicros, format: micros },
  { name: 'loss', label: 'Loss', value: (x) => x[6], target: (t) => t && t.lossPercent, format: percent },
];

const PATH_COLUMNS = [
  { key: 'path', label: 'Path' },
  { key: 'interface', label: 'Interface' },
  { key: 'linkTag', label: 'Tag' },
  { key: 'priority', label: 'Priority', number: true },
  { key: 'state', label: 'SLA', value: (p) => p.sla.map((s) => `${s.slaRule}: ${s.state}`).join(', ') },
  { key: 'rtt', label: 'RTT', value: (p) => p.lastPeriod.rttMeanMicros, format: micros },
  { key: 'jitter', label: 'Jitter', value: (p) => p.lastPeriod.twoWayJitterMicros, format: micros },
  { key: 'loss', label: 'Loss', value: (p) => p.lastPeriod.lossPercent, format: percent },
];

const APPLICATION_COLUMNS = [
  { key: 'application', label: 'Application' },
  { key: 'rule', label: 'Rule', value: (a) => `${a.profile} / ${a.rule}` },
  { key: 'group', label: 'Group' },
  { key: 'activePath', label: 'Active path' },
  { key: 'sessions', label: 'Sessions', number: true },
  { key: 'steeredSessions', label: 'Steered', number: true },
  { key: 'lastReason', label: 'Last reason' },
  { key: 'lastSwitchMillis', label: 'Since', format: clock },
];

const SWITCH_COLUMNS = [
  { key: 'timeMillis', label: 'Time', format: clock },
  { key: 'application', label: 'Application' },
  { key: 'group', label: 'Group' },
  { key: 'move', label: 'Path', value: (s) => `${text(s.previousPath)} → ${text(s.path)}` },
  { key: 'reason', label: 'Reason' },
  { key: 'sessions', label: 'Sessions', number: true },
];

export class AppQoeView {
  constructor(section) {
    this.section = section;
    this.$ = (id) => section.querySelector(`#${id}`);
    this.groups = new Map();
    fillHead(this.$('appqoe-applications'), APPLICATION_COLUMNS);
    fillHead(this.$('appqoe-switches'), SWITCH_COLUMNS);
  }

  /** paths: GET /appqoe/paths; history: GET /appqoe/history; applications, switches: their GETs. */
  update(paths, history, applications, switches) {
    const summary = paths.enabled
      ? `${paths.actuator}, ${paths.steering ? 'steering traffic' : 'measuring and deciding only, nothing is steered'}`
      : 'off';
    this.$('appqoe-summary').textContent = summary;
    const off = this.$('appqoe-off');
    const problem = paths.configurationError || paths.actuatorError;
    off.hidden = paths.enabled && !problem;
    off.textContent = !paths.enabled
      ? 'AppQoE is off: set enabled = true in etc/org.apptrack.appqoe.cfg.'
      : problem ? `Problem: ${problem}` : '';

    const byGroup = new Map();
    for (const p of paths.paths) {
      if (!byGroup.has(p.group)) {
        byGroup.set(p.group, { paths: [], history: [] });
      }
      byGroup.get(p.group).paths.push(p);
    }
    for (const h of history.paths) {
      byGroup.get(h.group)?.history.push(h);
    }
    for (const [name, view] of this.groups) {
      if (!byGroup.has(name)) {
        view.element.remove();
        this.groups.delete(name);
      }
    }
    for (const [name, data] of byGroup) {
      this.group(name).update(data);
    }
    fillBody(this.$('appqoe-applications'), APPLICATION_COLUMNS, applications.applications);
    fillBody(this.$('appqoe-switches'), SWITCH_COLUMNS, switches.switches);
  }

  group(name) {
    let view = this.groups.get(name);
    if (!view) {
      view = new GroupView(name);
      this.$('appqoe-groups').append(view.element);
      this.groups.set(name, view);
    }
    return view;
  }
}

class GroupView {
  constructor(name) {
    this.element = document.createElement('div');
    this.element.className = 'appqoe-group';
    this.element.dataset.group = name;
    const title = document.createElement('h3');
    title.textContent = `Destination group ${name}`;
    this.table = document.createElement('table');
    this.table.className = 'rows paths';
    this.table.createTHead();
    this.table.createTBody();
    fillHead(this.table, PATH_COLUMNS);
    const charts = document.createElement('div');
    charts.className = 'metric-charts';
    this.charts = METRICS.map((metric) => {
      const element = document.createElement('div');
      element.className = 'metric-chart';
      element.dataset.metric = metric.name;
      charts.append(element);
      return new PathChart(element, metric);
    });
    this.element.append(title, this.table, charts);
  }

  update({ paths, history }) {
    fillBody(this.table, PATH_COLUMNS, paths);
    [...this.table.tBodies[0].rows].forEach((tr, i) => {
      tr.dataset.path = paths[i].path;
      tr.dataset.state = paths[i].sla[0]?.state || '';
    });
    for (const chart of this.charts) {
      chart.update(history);
    }
  }
}
