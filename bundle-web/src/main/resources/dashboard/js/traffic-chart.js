// Traffic over time: bits per second (left axis) and new sessions per second (right axis).
import uPlot from '../vendor/uplot/uPlot.esm.js';
import { bitsPerSecond, perSecond } from './format.js';

export class TrafficChart {
  constructor(element) {
    this.element = element;
    this.plot = new uPlot(this.options(), [[], [], []], element);
    new ResizeObserver(() => this.plot.setSize(this.size())).observe(element);
  }

  size() {
    return { width: Math.max(this.element.clientWidth, 300), height: 280 };
  }

  options() {
    return {
      ...this.size(),
      scales: { x: { time: true }, bits: { auto: true }, sessions: { auto: true } },
      series: [
        {},
        { label: 'bits/s', scale: 'bits', stroke: '#2266cc', fill: 'rgba(34,102,204,0.12)', width: 2,
          value: (u, v) => (v == null ? '–' : bitsPerSecond(v)) },
        { label: 'sessions/s', scale: 'sessions', stroke: '#d9822b', width: 1.5,
          value: (u, v) => (v == null ? '–' : perSecond(v)) },
      ],
      axes: [
        {},
        { scale: 'bits', values: (u, ticks) => ticks.map(bitsPerSecond), size: 80 },
        { scale: 'sessions', side: 1, grid: { show: false }, values: (u, ticks) => ticks.map(perSecond) },
      ],
    };
  }

  /** points: [timeMillis, bitsPerSecond, sessionsPerSecond, activeSessions], oldest first. */
  update(points) {
    const times = points.map((p) => p[0] / 1000);
    this.plot.setData([times, points.map((p) => p[1]), points.map((p) => p[2])]);
    this.element.dataset.points = String(points.length);
  }
}
