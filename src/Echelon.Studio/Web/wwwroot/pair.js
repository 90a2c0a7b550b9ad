// The phone page: DeviceMotion and DeviceOrientation events to /ws/sensors as JSON (design note 0016), with the
// pairing token from this page's address. No app to install: any browser with motion sensors and a secure context.

const params = new URLSearchParams(location.search);
const token = params.get('token');
const stats = { state: 'starting', device: deviceId(), events: 0, empty: 0, sent: 0, accepted: 0, rejected: 0, lastError: '', closeCode: null };
window.echelonPair = stats;

const $ = (id) => document.getElementById(id);
$('device').textContent = stats.device;
if (token) {
  $('token').textContent = token;
  $('token-line').hidden = false;
}

let socket = null;
let orientation = null;
const eventTimes = [];

function deviceId() {
  const key = 'echelon.deviceId';
  let id = null;
  try {
    id = localStorage.getItem(key);
  } catch {
    // Private mode without storage: a fresh id each time.
  }

  if (!id || !/^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/.test(id)) {
    const bytes = new Uint8Array(3);
    crypto.getRandomValues(bytes);
    id = 'phone-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    try {
      localStorage.setItem(key, id);
    } catch {
      // As above.
    }
  }

  return id;
}

function setState(text, live) {
  stats.state = text;
  const pill = $('state');
  pill.textContent = text;
  pill.className = 'pill ' + (live === true ? 'live' : live === false ? 'down' : '');
}

function connect() {
  const url = new URL('/ws/sensors', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  if (token) url.searchParams.set('token', token);
  socket = new WebSocket(url);
  setState('connecting');
  socket.onopen = () => {
    setState('paired', true);
    socket.send(JSON.stringify({
      type: 'hello',
      device: stats.device,
      description: navigator.userAgent.slice(0, 200),
      rateHz: 60,
    }));
  };
  socket.onmessage = (e) => {
    const m = JSON.parse(e.data);
    if (m.type === 'error') {
      stats.rejected++;
      stats.lastError = m.message;
      $('error').textContent = m.message;
    } else if (m.type === 'status') {
      stats.accepted = m.accepted;
      stats.rejected = m.rejected;
    }
  };
  socket.onclose = (e) => {
    stats.closeCode = e.code;
    if (e.code === 1008) {
      setState('refused', false);
      $('error').textContent = 'The studio refused this page: ' + (e.reason || 'pairing token missing or wrong') +
        '. Open the /pair link the studio printed (it carries the token).';
      return;
    }

    setState('reconnecting', false);
    setTimeout(connect, 1000);
  };
}

function vector(v, a, b, c) {
  if (!v || v[a] === null || v[a] === undefined) return null;
  return { [a]: v[a], [b]: v[b], [c]: v[c] };
}

function onMotion(e) {
  stats.events++;
  const now = performance.now();
  eventTimes.push(now);
  while (eventTimes.length && eventTimes[0] < now - 1000) eventTimes.shift();
  const withGravity = vector(e.accelerationIncludingGravity, 'x', 'y', 'z');
  const linear = vector(e.acceleration, 'x', 'y', 'z');
  if (!withGravity && !linear) {
    // Browsers without motion sensors (desktops) fire one event with every reading null: nothing to send.
    stats.empty++;
    $('note').textContent = 'This browser reports no motion sensors. Open this page on a phone.';
    return;
  }

  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  socket.send(JSON.stringify({
    type: 'motion',
    device: stats.device,
    t: e.timeStamp,
    accelerationIncludingGravity: withGravity,
    acceleration: linear,
    rotationRate: vector(e.rotationRate, 'alpha', 'beta', 'gamma'),
    orientation,
  }));
  stats.sent++;
  if (stats.sent === 1) $('note').textContent = '';
}

function onOrientation(e) {
  orientation = e.alpha === null || e.beta === null || e.gamma === null
    ? null
    : { alpha: e.alpha, beta: e.beta, gamma: e.gamma };
}

function listen() {
  window.addEventListener('devicemotion', onMotion);
  window.addEventListener('deviceorientation', onOrientation);
}

function show() {
  $('events').textContent = stats.events;
  $('sent').textContent = stats.sent;
  $('accepted').textContent = stats.accepted;
  $('rejected').textContent = stats.rejected;
  $('rate').textContent = eventTimes.length ? eventTimes.length + ' Hz' : '–';
}

if (!window.isSecureContext) {
  $('error').textContent = 'This page is not in a secure context (https, or this machine), so the browser will not give it motion sensors. ' +
    'Serve the studio over https (server.https: auto or on, or echelon studio --https) and open the https:// link it prints; ' +
    'the phone asks once whether to trust its certificate: check the SHA-256 fingerprint the studio printed.';
}

// Listen at once: most browsers deliver the events without asking. iOS (and browsers that copy its API) also want
// a permission granted from a tap; the button asks for it and hides as soon as events flow.
listen();
if (typeof DeviceMotionEvent !== 'undefined' && typeof DeviceMotionEvent.requestPermission === 'function') {
  const button = $('start');
  button.hidden = false;
  window.addEventListener('devicemotion', () => { button.hidden = true; }, { once: true });
  button.addEventListener('click', async () => {
    try {
      const answer = await DeviceMotionEvent.requestPermission();
      if (typeof DeviceOrientationEvent !== 'undefined' && typeof DeviceOrientationEvent.requestPermission === 'function') {
        await DeviceOrientationEvent.requestPermission();
      }

      if (answer === 'granted') {
        button.hidden = true;
      } else {
        $('error').textContent = 'Motion sensors were not allowed; allow them in the browser settings and reload.';
      }
    } catch (e) {
      $('error').textContent = 'Could not ask for the motion sensors: ' + e.message;
    }
  });
}

connect();
setInterval(show, 250);
