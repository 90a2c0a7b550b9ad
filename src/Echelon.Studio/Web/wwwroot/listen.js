// The stream player: /ws/audio's PCM packets into an AudioWorklet (pcm-worklet.js), through an AnalyserNode to the
// speakers. Packet format (design note 0016): 20-byte little-endian header — "EP", version 1, flags (bit 0: frames
// were skipped before this packet), channels u16, frames u16, sample rate u32, sequence u64 — then int16 interleaved.

export const HEADER_BYTES = 20;

export function parsePacket(buffer) {
  const view = new DataView(buffer);
  if (buffer.byteLength < HEADER_BYTES || view.getUint8(0) !== 0x45 || view.getUint8(1) !== 0x50 || view.getUint8(2) !== 1) {
    return null;
  }

  const channels = view.getUint16(4, true);
  const frames = view.getUint16(6, true);
  if (buffer.byteLength !== HEADER_BYTES + frames * channels * 2) {
    return null;
  }

  return {
    discontinuity: (view.getUint8(3) & 1) === 1,
    channels,
    frames,
    sampleRate: view.getUint32(8, true),
    sequence: Number(view.getBigUint64(12, true)),
    samples: new Int16Array(buffer, HEADER_BYTES, frames * channels),
  };
}

export class StreamPlayer {
  constructor() {
    this.stats = {
      state: 'idle', packets: 0, frames: 0, gaps: 0, gapFrames: 0, badPackets: 0,
      rms: 0, peak: 0, buffered: 0, underruns: 0, dropped: 0, sampleRate: 0, closeCode: null,
    };
    this.context = null;
    this.socket = null;
    this.analyser = null;
    this.next = null;
    this.scratch = null;
    this.stopped = false;
  }

  async start() {
    if (this.context) {
      await this.context.resume();
      return;
    }

    this.stopped = false;
    this.stats.state = 'starting';
    const info = await (await fetch('/api/v1/audio')).json();
    this.stats.sampleRate = info.sampleRate;
    this.context = new AudioContext({ sampleRate: info.sampleRate, latencyHint: 'interactive' });
    await this.context.audioWorklet.addModule('/assets/pcm-worklet.js');
    this.node = new AudioWorkletNode(this.context, 'echelon-pcm-player', {
      numberOfInputs: 0,
      outputChannelCount: [2],
      processorOptions: {
        capacityFrames: info.sampleRate * 2,
        startFrames: Math.round(info.sampleRate * 0.08),
        maxFrames: Math.round(info.sampleRate * 0.3),
      },
    });
    this.node.port.onmessage = (e) => Object.assign(this.stats, {
      buffered: e.data.buffered, underruns: e.data.underruns, dropped: e.data.dropped,
    });
    this.analyser = this.context.createAnalyser();
    this.analyser.fftSize = 2048;
    this.scratch = new Float32Array(this.analyser.fftSize);
    this.node.connect(this.analyser);
    this.analyser.connect(this.context.destination);
    await this.context.resume();
    this.connect();
  }

  connect() {
    const url = new URL('/ws/audio', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    this.next = null;
    socket.onopen = () => { this.stats.state = 'playing'; };
    socket.onmessage = (e) => this.receive(e.data);
    socket.onclose = (e) => {
      this.stats.closeCode = e.code;
      this.stats.closeReason = e.reason;
      this.stats.state = e.code === 1013 ? 'full: ' + e.reason : 'disconnected';
      if (!this.stopped) {
        setTimeout(() => this.connect(), e.code === 1013 ? 5000 : 1000);
      }
    };
  }

  receive(buffer) {
    const packet = parsePacket(buffer);
    if (!packet) {
      this.stats.badPackets++;
      return;
    }

    if (this.next !== null && packet.sequence !== this.next) {
      this.stats.gaps++;
      this.stats.gapFrames += packet.sequence - this.next;
    }

    this.next = packet.sequence + packet.frames;
    this.stats.packets++;
    this.stats.frames += packet.frames;
    const samples = packet.samples.slice(); // its own buffer, to transfer
    this.node.port.postMessage({ type: 'pcm', samples }, [samples.buffer]);
  }

  /** Measures the analyser's RMS and peak now (what reaches the speakers). */
  measure() {
    if (!this.analyser) {
      return this.stats;
    }

    this.analyser.getFloatTimeDomainData(this.scratch);
    let sum = 0;
    let peak = 0;
    for (const v of this.scratch) {
      sum += v * v;
      peak = Math.max(peak, Math.abs(v));
    }

    this.stats.rms = Math.sqrt(sum / this.scratch.length);
    this.stats.peak = peak;
    return this.stats;
  }

  async stop() {
    this.stopped = true;
    if (this.socket) {
      this.socket.close(1000, 'listener stopped');
    }

    if (this.context) {
      await this.context.close();
    }

    this.context = null;
    this.socket = null;
    this.stats.state = 'stopped';
  }
}
