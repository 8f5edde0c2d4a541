// One metric (RTT, jitter or loss) of every path of a destination group over time, each path a
// line and its SLA target a dashed line (one for all paths judged against the same value), so a
// violation shows as a line above its target.
import uPlot from '../vendor/uplot/uPlot.esm.js';

const COLORS = ['#2266cc', '#d9822b', '#2e9e5b', '#a23fb3', '#c23b3b', '#5f6b7a'];
const TARGET = '#b3261e';

export class PathChart {
  /**
   * metric: {name, label, value(point, path), target(targets), format(value)}.
   */
  constructor(element, metric) {
    this.element = element;
    this.metric = metric;
    this.key = null;
    this.plot = null;
    new ResizeObserver(() => this.plot && this.plot.setSize(this.size())).observe(element);
  }

  size() {
    return { width: Math.max(this.element.clientWidth, 260), height: 180 };
  }

  /** paths: the group's entries of GET /appqoe/history, each {path, targets, points}. */
  update(paths) {
    const targets = this.targets(paths);
    const key = paths.map((p) => p.path).join('\n') + '|' + targets.map((t) => `${t.label}=${t.value}`).join('\n');
    if (key !== this.key) {
      this.plot?.destroy();
      this.plot = new uPlot(this.options(paths, targets), [[]], this.element);
      this.key = key;
    }
    const tables = paths.map((p) => [p.points.map((x) => x[0] / 1000), p.points.map((x) => this.metric.value(x, p))]);
    const joined = tables.length ? uPlot.join(tables) : [[]];
    // a target is constant: drawn across the whole time axis
    for (const target of targets) {
      joined.push(joined[0].map(() => target.value));
    }
    this.plot.setData(joined);
    this.element.dataset.points = String(paths.reduce((n, p) => n + p.points.length, 0));
    this.element.dataset.paths = String(paths.length);
    this.element.dataset.targets = String(targets.length);
  }

  /** The distinct targets: [{label, value}], labelled "target" when all paths share one. */
  targets(paths) {
    const byValue = new Map();
    for (const p of paths) {
      const value = this.metric.target(p.targets);
      if (value != null) {
        byValue.set(value, [...(byValue.get(value) || []), p.path]);
      }
    }
    const shared = byValue.size === 1 && byValue.values().next().value.length === paths.length;
    return [...byValue].map(([value, names]) => ({ value, label: shared ? 'target' : `${names.join(', ')} target` }));
  }

  options(paths, targets) {
    const format = (u, v) => (v == null ? '–' : this.metric.format(v));
    return {
      ...this.size(),
      title: this.metric.label,
      scales: { x: { time: true }, y: { auto: true, range: (u, min, max) => [0, Math.max(max, 1)] } },
      series: [
        {},
        ...paths.map((p, i) => ({ label: p.path, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: true, value: format })),
        ...targets.map((t) => ({ label: t.label, stroke: TARGET, width: 1, dash: [6, 4], points: { show: false }, value: format })),
      ],
      axes: [{}, { values: (u, ticks) => ticks.map((v) => this.metric.format(v)), size: 70 }],
    };
  }
}
