// The studio dashboard: /ws/telemetry (30–60 Hz JSON, design note 0016) drawn on canvases every animation frame,
// the REST API for controls and the recorder, and the stream player for Listen. Plain modules, no build step.
import { StreamPlayer } from '/assets/listen.js';

const HISTORY = 300;          // telemetry samples kept: 10 s at 30 Hz
const TRAIL = 150;            // latent map trail length
const KEYS = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
const MODES = ['ionian', 'dorian', 'phrygian', 'lydian', 'mixolydian', 'aeolian', 'locrian'];
const TAU = Math.PI * 2;
const COLORS = { bg: '#0b0e13', grid: '#242b36', text: '#8b95a7', accent: '#7cc4ff', warm: '#ffb86b', good: '#7ee2a8', bad: '#ff7b7b' };

const token = new URLSearchParams(location.search).get('token');
const $ = (id) => document.getElementById(id);

const stats = {
  fps: 0,
  frames: 0,
  telemetry: { messages: 0, rate: 0, ready: false, seq: -1, connected: false },
  panels: {},
  levels: null,     // what the level panel last drew: { mix: { peakDbfs, rmsDbfs }, stems: { agent: { peakDbfs, rmsDbfs, mute } } }
  kHistogram: null, // what the k_used panel last drew: { frame, total, windowFrames, windowSeconds, counts }
  listen: null,
};
window.echelonStats = stats;

// ---- telemetry ---------------------------------------------------------------------------------------------------

let latest = null;
const history = { residual: [], k: [], phi: [], delta: [], theta: [], psi: [] };
const trail = [];
const slowTrail = [];
const kCounts = [];           // the server's cumulative k_used histograms ({ frame, t, counts }), newest last
const arrivals = [];
let projection = null;
let slowProjection = null;

function push(list, value, limit = HISTORY) {
  list.push(value);
  if (list.length > limit) list.shift();
}

function connectTelemetry() {
  const url = new URL('/ws/telemetry', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url);
  socket.onopen = () => {
    stats.telemetry.connected = true;
    $('link').textContent = 'live';
    $('link').className = 'pill live';
  };
  socket.onmessage = (e) => onTelemetry(JSON.parse(e.data));
  socket.onclose = () => {
    stats.telemetry.connected = false;
    $('link').textContent = 'reconnecting';
    $('link').className = 'pill down';
    setTimeout(connectTelemetry, 1000);
  };
}

function onTelemetry(m) {
  const now = performance.now();
  arrivals.push(now);
  while (arrivals.length && arrivals[0] < now - 1000) arrivals.shift();
  stats.telemetry.messages++;
  stats.telemetry.rate = arrivals.length;
  stats.telemetry.seq = m.seq;
  stats.telemetry.ready = m.ready;
  latest = m;
  if (!m.ready) return;

  push(history.residual, m.residual);
  push(history.k, m.kUsed);
  push(history.phi, m.phi);
  push(history.theta, m.theta);
  push(history.psi, m.psi);
  push(history.delta, wrap(m.psi - m.theta));
  if (Array.isArray(m.kHistogram)) {
    // Counts since the engine started: two of them subtract to the exact histogram of every frame in between.
    const last = kCounts[kCounts.length - 1];
    if (last && (m.frame < last.frame || m.kHistogram.length !== last.counts.length)) kCounts.length = 0; // a new engine
    push(kCounts, { frame: m.frame, t: m.t, counts: m.kHistogram });
  }

  if (m.x && m.x.length) {
    projection = projection && projection.d === m.x.length ? projection : makeProjection(m.x.length, 17);
    push(trail, project(projection, m.x), TRAIL);
  }

  if (m.y && m.y.length) {
    slowProjection = slowProjection && slowProjection.d === m.y.length ? slowProjection : makeProjection(m.y.length, 29);
    push(slowTrail, project(slowProjection, m.y), TRAIL);
  }
}

function wrap(a) {
  return ((a % TAU) + TAU + Math.PI) % TAU - Math.PI;
}

// A fixed random 2-D projection (seeded, so the map keeps its orientation across reloads), rows orthonormalised.
function makeProjection(d, seed) {
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  const a = Array.from({ length: d }, random);
  const b = Array.from({ length: d }, random);
  const norm = (v) => Math.hypot(...v) || 1;
  const na = norm(a);
  for (let i = 0; i < d; i++) a[i] /= na;
  const dot = a.reduce((sum, v, i) => sum + v * b[i], 0);
  for (let i = 0; i < d; i++) b[i] -= dot * a[i];
  const nb = norm(b);
  for (let i = 0; i < d; i++) b[i] /= nb;
  return { d, a, b };
}

function project(p, x) {
  let u = 0;
  let v = 0;
  for (let i = 0; i < p.d; i++) {
    const xi = x[i] ?? 0;
    u += p.a[i] * xi;
    v += p.b[i] * xi;
  }

  return [u, v];
}

// ---- drawing -----------------------------------------------------------------------------------------------------

// Sizes each canvas to its box in device pixels; drawing code works in CSS pixels.
function surface(id) {
  const canvas = $(id);
  const ratio = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
  const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }

  const g = canvas.getContext('2d');
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  const width = w / ratio;
  const height = h / ratio;
  g.fillStyle = COLORS.bg;
  g.fillRect(0, 0, width, height);
  g.font = '11px system-ui, sans-serif';
  return { g, width, height };
}

function drawn(name) {
  stats.panels[name] = (stats.panels[name] || 0) + 1;
}

function label(g, text, x, y, color = COLORS.text, align = 'left') {
  g.fillStyle = color;
  g.textAlign = align;
  g.fillText(text, x, y);
}

function drawPhase(m) {
  const { g, width, height } = surface('phase');
  const cx = width / 2;
  const cy = height / 2;
  const r = Math.min(width, height) / 2 - 16;
  g.strokeStyle = COLORS.grid;
  g.lineWidth = 1;
  for (const f of [1, 0.66]) {
    g.beginPath();
    g.arc(cx, cy, r * f, 0, TAU);
    g.stroke();
  }

  // The phase difference ψ − θ over the last seconds: a spiral of dots, newest outside.
  const n = history.delta.length;
  history.delta.forEach((d, i) => {
    const rr = r * (0.2 + 0.45 * (i / Math.max(1, n - 1)));
    const a = d - Math.PI / 2;
    g.fillStyle = `rgba(126, 226, 168, ${0.15 + 0.85 * (i / Math.max(1, n - 1))})`;
    g.fillRect(cx + rr * Math.cos(a) - 1.5, cy + rr * Math.sin(a) - 1.5, 3, 3);
  });

  const hand = (angle, length, color, width) => {
    g.strokeStyle = color;
    g.lineWidth = width;
    g.beginPath();
    g.moveTo(cx, cy);
    g.lineTo(cx + length * Math.cos(angle - Math.PI / 2), cy + length * Math.sin(angle - Math.PI / 2));
    g.stroke();
  };
  if (m && m.ready) {
    hand(m.theta, r, COLORS.accent, 3);
    hand(m.psi, r * 0.85, COLORS.warm, 3);
    const delta = wrap(m.psi - m.theta);
    label(g, `θ ${(m.theta / TAU * 360).toFixed(0)}°`, 8, 16, COLORS.accent);
    label(g, `ψ ${(m.psi / TAU * 360).toFixed(0)}°`, 8, 32, COLORS.warm);
    label(g, `ψ−θ ${(delta / TAU * 360).toFixed(0)}°`, 8, 48, COLORS.good);
  }

  drawn('phase');
}

function drawLatent() {
  const { g, width, height } = surface('latent');
  let scale = 1e-9;
  for (const [u, v] of trail) scale = Math.max(scale, Math.abs(u), Math.abs(v));
  for (const [u, v] of slowTrail) scale = Math.max(scale, Math.abs(u), Math.abs(v));
  const s = (Math.min(width, height) / 2 - 12) / scale;
  const cx = width / 2;
  const cy = height / 2;
  g.strokeStyle = COLORS.grid;
  g.beginPath();
  g.moveTo(cx, 0);
  g.lineTo(cx, height);
  g.moveTo(0, cy);
  g.lineTo(width, cy);
  g.stroke();

  for (let i = 1; i < trail.length; i++) {
    const [u0, v0] = trail[i - 1];
    const [u1, v1] = trail[i];
    g.strokeStyle = `rgba(124, 196, 255, ${0.1 + 0.9 * (i / trail.length)})`;
    g.lineWidth = 2;
    g.beginPath();
    g.moveTo(cx + u0 * s, cy - v0 * s);
    g.lineTo(cx + u1 * s, cy - v1 * s);
    g.stroke();
  }

  if (trail.length) {
    const [u, v] = trail[trail.length - 1];
    g.fillStyle = COLORS.accent;
    g.beginPath();
    g.arc(cx + u * s, cy - v * s, 5, 0, TAU);
    g.fill();
  }

  if (slowTrail.length) {
    const [u, v] = slowTrail[slowTrail.length - 1];
    g.strokeStyle = COLORS.warm;
    g.lineWidth = 2;
    g.strokeRect(cx + u * s - 5, cy - v * s - 5, 10, 10);
  }

  label(g, 'x* (trail)', 8, 16, COLORS.accent);
  label(g, 'y* □', 8, 32, COLORS.warm);
  label(g, `scale ${scale.toPrecision(2)}`, width - 8, height - 8, COLORS.text, 'right');
  drawn('latent');
}

function drawResidual(m) {
  const { g, width, height } = surface('residual');
  const n = history.residual.length;
  const logs = history.residual.map((r) => (r > 0 ? Math.log10(r) : -12));
  let lo = Math.min(-8, ...logs);
  let hi = Math.max(-2, ...logs);
  lo = Math.floor(lo);
  hi = Math.ceil(hi);
  const kMax = (m && m.kMax) || Math.max(1, ...history.k);
  const step = width / HISTORY;
  const x0 = width - n * step;
  const plotH = height - 20;

  g.strokeStyle = COLORS.grid;
  for (let e = lo; e <= hi; e++) {
    const y = plotH - ((e - lo) / (hi - lo)) * plotH;
    g.beginPath();
    g.moveTo(0, y);
    g.lineTo(width, y);
    g.stroke();
    label(g, `1e${e}`, 4, y - 2);
  }

  g.fillStyle = 'rgba(255, 184, 107, 0.45)';
  history.k.forEach((k, i) => {
    const h = (k / kMax) * plotH * 0.5;
    g.fillRect(x0 + i * step, plotH - h, Math.max(1, step - 0.5), h);
  });

  g.strokeStyle = COLORS.accent;
  g.lineWidth = 2;
  g.beginPath();
  logs.forEach((v, i) => {
    const y = plotH - ((v - lo) / (hi - lo)) * plotH;
    if (i === 0) g.moveTo(x0, y);
    else g.lineTo(x0 + i * step, y);
  });
  g.stroke();

  if (m && m.ready) {
    label(g, `residual ${Number(m.residual).toExponential(2)}`, width - 8, height - 4, COLORS.accent, 'right');
    label(g, `k_used ${m.kUsed} / ${m.kMax}`, width - 180, height - 4, COLORS.warm, 'right');
  }

  drawn('residual');
}

function drawCoupling(m) {
  const { g, width, height } = surface('coupling');
  const top = Math.max(1, ...history.phi.map(Math.abs));
  const barX = 20;
  const barW = 48;
  const plotH = height - 30;
  const value = m && m.ready ? m.phi : 0;
  const h = Math.min(1, Math.abs(value) / top) * plotH;
  g.strokeStyle = COLORS.grid;
  g.strokeRect(barX, 10, barW, plotH);
  const gradient = g.createLinearGradient(0, 10 + plotH, 0, 10);
  gradient.addColorStop(0, COLORS.good);
  gradient.addColorStop(0.7, COLORS.warm);
  gradient.addColorStop(1, COLORS.bad);
  g.fillStyle = gradient;
  g.fillRect(barX, 10 + plotH - h, barW, h);

  // φ over the last seconds beside the meter.
  const x0 = barX + barW + 20;
  const w = width - x0 - 10;
  g.strokeStyle = COLORS.warm;
  g.lineWidth = 1.5;
  g.beginPath();
  history.phi.forEach((p, i) => {
    const x = x0 + (i / HISTORY) * w + (HISTORY - history.phi.length) / HISTORY * w;
    const y = 10 + plotH - (Math.abs(p) / top) * plotH;
    if (i === 0) g.moveTo(x, y);
    else g.lineTo(x, y);
  });
  g.stroke();
  label(g, `φ ${Number(value).toFixed(3)}`, barX, height - 6, COLORS.warm);
  drawn('coupling');
}

// The server counts every control frame's k_used since start (kHistogram); the panel draws the exact counts over the
// last HISTORY messages (about 10 s) as the difference of the newest and the oldest, or since start until it has two.
function drawHistogram(m) {
  const { g, width, height } = surface('khist');
  const newest = kCounts[kCounts.length - 1];
  const oldest = kCounts[0];
  if (!newest) {
    label(g, 'waiting for telemetry', 6, 14, COLORS.text);
    drawn('khist');
    return;
  }

  const total = newest.counts.reduce((sum, c) => sum + c, 0);
  let counts = newest.counts.map((c, k) => c - oldest.counts[k]);
  let windowFrames = counts.reduce((sum, c) => sum + c, 0);
  const windowSeconds = windowFrames > 0 ? newest.t - oldest.t : 0;
  if (windowFrames === 0) {
    counts = newest.counts;
    windowFrames = total;
  }

  const top = Math.max(1, ...counts);
  const plotH = height - 24;
  const w = width / counts.length;
  counts.forEach((c, k) => {
    const h = (c / top) * plotH;
    g.fillStyle = m && m.ready && k === m.kUsed ? COLORS.warm : COLORS.accent;
    g.fillRect(k * w + 1, plotH - h, Math.max(1, w - 2), h);
    if (counts.length <= 24 || k % 4 === 0) label(g, String(k), k * w + w / 2, height - 8, COLORS.text, 'center');
  });
  label(g, windowSeconds > 0
    ? `last ${windowSeconds.toFixed(1)} s: ${windowFrames} frames · ${total} since start`
    : `${total} frames since start`, 6, 14, COLORS.text);
  stats.kHistogram = { frame: newest.frame, total, windowFrames, windowSeconds, counts };
  drawn('khist');
}

// dBFS of a telemetry level, −120 (silent) when absent or null.
function dbfs(v) {
  return Number.isFinite(v) ? v : -120;
}

// One meter per row, the name and the reading above a full-width bar (RMS the bar, peak the tick): the master mix on
// top, then a row per stem (agent).
function drawLevels(m) {
  const { g, width, height } = surface('levels');
  const floor = -60;
  const left = 4;
  const right = width - 4;
  const toX = (db) => left + Math.max(0, Math.min(1, (db - floor) / -floor)) * (right - left);
  const levels = (m && m.ready && m.levels) || {};
  const agents = levels.agents || {};
  // Always what was measured: a muted agent's stem reads silent by itself (its gain is 0 before the meter).
  const meter = (y, h, name, peak, rms, muted) => {
    label(g, name, left, y + 10, muted ? COLORS.grid : COLORS.text);
    const value = peak > -120 ? `${rms > -120 ? rms.toFixed(1) : '–'} / ${peak.toFixed(1)} dB` : 'silent';
    label(g, muted ? `muted · ${value}` : value, right, y + 10, COLORS.text, 'right');
    g.fillStyle = COLORS.grid;
    g.fillRect(left, y + 14, right - left, h);
    if (peak > floor) {
      g.fillStyle = COLORS.good;
      g.fillRect(left, y + 14, toX(rms) - left, h);
      g.fillStyle = peak > -1 ? COLORS.bad : COLORS.warm;
      g.fillRect(toX(peak) - 1, y + 12, 3, h + 4);
    }
  };

  const mix = { peakDbfs: dbfs(levels.peakDbfs), rmsDbfs: dbfs(levels.rmsDbfs) };
  const rows = Object.entries(levels.stems || {});
  const step = Math.min(36, (height - 20) / (rows.length + 1));
  meter(4, Math.max(4, step - 20), 'mix', mix.peakDbfs, mix.rmsDbfs, false);
  const stems = {};
  rows.forEach(([name, s], i) => {
    const mute = !!(agents[name] && agents[name].mute);
    stems[name] = { peakDbfs: dbfs(s.peakDbfs), rmsDbfs: dbfs(s.rmsDbfs), mute };
    meter(4 + (i + 1) * step, Math.max(3, step - 24), name, stems[name].peakDbfs, stems[name].rmsDbfs, mute);
  });

  label(g, `RMS / peak, dBFS; bars from ${floor} dB`, right, height - 4, COLORS.grid, 'right');
  stats.levels = { mix, stems };
  drawn('levels');
}

function drawBeat(m) {
  const { g, width, height } = surface('beat');
  if (m && m.ready) {
    const f = m.theta / TAU;
    g.fillStyle = COLORS.accent;
    g.fillRect(0, 0, f * width, height);
    g.fillStyle = `rgba(255, 184, 107, ${Math.max(0, 1 - f * 4)})`;
    g.fillRect(width - 24, 4, 20, height - 8);
  }

  drawn('beat');
}

function drawListenMeter() {
  const { g, width, height } = surface('listen-meter');
  const s = player.measure();
  listenHistory.push(s.rms);
  if (listenHistory.length > width / 3) listenHistory.shift();
  g.fillStyle = COLORS.accent;
  listenHistory.forEach((v, i) => {
    const h = Math.min(1, v * 2) * height;
    g.fillRect(i * 3, height - h, 2, h);
  });
  drawn('listen');
}

// ---- the slower DOM panels (4 Hz) --------------------------------------------------------------------------------

function text(id, value) {
  const element = $(id);
  if (element.textContent !== value) element.textContent = value;
}

function fmt(v, digits = 1) {
  return Number.isFinite(v) ? v.toFixed(digits) : '–';
}

function updateDom() {
  const m = latest;
  text('fps', `${stats.fps} fps`);
  text('rate', `${stats.telemetry.rate} Hz`);
  if (!m) return;

  if (m.ready) {
    text('bpm', fmt(m.bpm, 1));
    text('target-bpm', fmt(m.targetBpm, 1));
    text('dancer-bpm', m.dancerBpm > 0 ? fmt(m.dancerBpm, 1) : '–');
  }

  const rows = (m.devices || []).map((d) => {
    const age = Number.isFinite(d.lastSeen) && Number.isFinite(m.t) ? `${Math.max(0, m.t - d.lastSeen).toFixed(1)} s ago` : (d.lastSeen === null ? 'never' : fmt(d.lastSeen, 1));
    return `<tr data-device="${escapeHtml(d.id)}"><td>${escapeHtml(d.id)}</td><td>${escapeHtml(d.kind)}</td><td>${escapeHtml(d.source)}</td>` +
      `<td>${fmt(d.rateHz, 1)} Hz</td><td>${age}</td><td>${d.frames}</td><td>${d.dropouts}</td></tr>`;
  }).join('');
  const body = $('devices');
  if (body.innerHTML !== rows) body.innerHTML = rows || '<tr><td colspan="7" class="dim">no devices</td></tr>';
  drawn('devices');

  const r = m.recorder;
  if (r) {
    text('recorder-status', r.recording
      ? `● recording into ${r.directory} — ${r.records} records${r.dropped ? `, ${r.dropped} dropped` : ''}`
      : 'stopped');
    $('recorder-status').className = r.recording ? 'error' : 'dim';
    drawn('recorder');
  }

  syncControls(m);
  drawn('transport');

  const s = player.stats;
  text('listen-state', s.state + (s.rms > 0 ? ` · ${(20 * Math.log10(s.rms)).toFixed(1)} dBFS` : ''));
  text('listen-packets', String(s.packets));
  text('listen-gaps', String(s.gaps));
  text('listen-buffered', s.sampleRate ? `${(1000 * s.buffered / s.sampleRate).toFixed(0)} ms` : '–');
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// ---- controls and recorder ---------------------------------------------------------------------------------------

let editedAt = 0;

function headers() {
  const h = { 'Content-Type': 'application/json' };
  if (token) h['X-Echelon-Token'] = token;
  return h;
}

async function putControls(patch) {
  editedAt = performance.now();
  const response = await fetch('/api/v1/controls', { method: 'PUT', headers: headers(), body: JSON.stringify(patch) });
  const body = await response.json();
  if (response.ok) {
    $('controls-error').textContent = '';
    applyControls(body);
  } else {
    $('controls-error').textContent = body.errors
      ? Object.entries(body.errors).map(([field, messages]) => messages.join(' ')).join('\n')
      : `${body.title}: ${body.detail || ''}`;
  }
}

function applyControls(c) {
  if (document.activeElement !== $('key')) $('key').value = c.key;
  if (document.activeElement !== $('mode')) $('mode').value = c.mode;
  if (document.activeElement !== $('set-bpm')) $('set-bpm').value = c.bpm;
  if (document.activeElement !== $('intensity')) $('intensity').value = c.intensity;
  text('intensity-value', Number(c.intensity).toFixed(2));
}

function syncControls(m) {
  if (performance.now() - editedAt < 1000) return;
  if (m.controls) applyControls(m.controls);
  for (const [name, a] of Object.entries((m.levels && m.levels.agents) || {})) {
    const mute = document.querySelector(`[data-agent="${name}"][data-field="mute"]`);
    const level = document.querySelector(`[data-agent="${name}"][data-field="level"]`);
    if (!mute || !level) continue;
    if (document.activeElement !== mute) mute.checked = a.mute;
    if (document.activeElement !== level) level.value = a.level;
    text(`agent-${name}-value`, Number(a.level).toFixed(2));
  }
}

function buildControls(initial) {
  $('key').innerHTML = KEYS.map((k) => `<option>${k}</option>`).join('');
  $('mode').innerHTML = MODES.map((m) => `<option>${m}</option>`).join('');
  $('key').addEventListener('change', (e) => putControls({ key: e.target.value }));
  $('mode').addEventListener('change', (e) => putControls({ mode: e.target.value }));
  $('set-bpm').addEventListener('change', (e) => putControls({ bpm: Number(e.target.value) }));
  $('intensity').addEventListener('change', (e) => putControls({ intensity: Number(e.target.value) }));
  $('agents').innerHTML = Object.keys(initial.agents).map((name) =>
    `<span>${escapeHtml(name)}</span>` +
    `<label><input type="checkbox" data-agent="${escapeHtml(name)}" data-field="mute"> mute</label>` +
    `<input type="range" min="0" max="2" step="0.01" data-agent="${escapeHtml(name)}" data-field="level">` +
    `<span class="dim" id="agent-${escapeHtml(name)}-value"></span>`).join('');
  for (const input of document.querySelectorAll('[data-agent]')) {
    input.addEventListener('change', (e) => {
      const agent = e.target.dataset.agent;
      const change = e.target.dataset.field === 'mute' ? { mute: e.target.checked } : { level: Number(e.target.value) };
      putControls({ agents: { [agent]: change } });
    });
  }

  applyControls(initial);
}

async function recorder(action) {
  const response = await fetch(`/api/v1/recorder/${action}`, { method: 'POST', headers: headers() });
  const body = await response.json();
  $('recorder-error').textContent = response.ok ? '' : `${body.title}: ${body.detail || ''}`;
}

// ---- listen ------------------------------------------------------------------------------------------------------

const player = new StreamPlayer();
const listenHistory = [];
stats.listen = player.stats;

$('listen').addEventListener('click', async () => {
  if (player.stats.state === 'playing') {
    await player.stop();
    $('listen').textContent = '▶ Listen';
    return;
  }

  $('listen').textContent = '■ Stop';
  try {
    await player.start();
  } catch (e) {
    player.stats.state = 'error: ' + e.message;
  }
});

// ---- the frame loop ----------------------------------------------------------------------------------------------

const frameTimes = [];
let lastDom = 0;

function frame(now) {
  stats.frames++;
  frameTimes.push(now);
  while (frameTimes.length && frameTimes[0] < now - 1000) frameTimes.shift();
  stats.fps = frameTimes.length;

  const m = latest;
  drawPhase(m);
  drawLatent();
  drawResidual(m);
  drawCoupling(m);
  drawHistogram(m);
  drawLevels(m);
  drawBeat(m);
  drawListenMeter();
  if (now - lastDom > 250) {
    lastDom = now;
    updateDom();
  }

  requestAnimationFrame(frame);
}

$('rec-start').addEventListener('click', () => recorder('start'));
$('rec-stop').addEventListener('click', () => recorder('stop'));
if (token) $('pair-link').href = `/pair?token=${encodeURIComponent(token)}`;

fetch('/api/v1/controls').then((r) => r.json()).then(buildControls);
connectTelemetry();
requestAnimationFrame(frame);
