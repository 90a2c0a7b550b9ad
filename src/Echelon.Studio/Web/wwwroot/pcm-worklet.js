// Echelon stream player: an AudioWorkletProcessor that plays the int16 stereo frames the page hands it.
// A small jitter buffer: playback starts once `startFrames` are buffered, stops (and counts an underrun) when the
// buffer runs dry, and drops the oldest frames (counted) when more than `maxFrames` pile up, so latency stays bounded.
class EchelonPcmPlayer extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const o = (options && options.processorOptions) || {};
    this.capacity = o.capacityFrames || 96000;
    this.startFrames = o.startFrames || 4800;
    this.maxFrames = o.maxFrames || 24000;
    this.left = new Float32Array(this.capacity);
    this.right = new Float32Array(this.capacity);
    this.read = 0;
    this.write = 0;
    this.buffered = 0;
    this.playing = false;
    this.underruns = 0;
    this.dropped = 0;
    this.received = 0;
    this.played = 0;
    this.sinceReport = 0;
    this.port.onmessage = (e) => this.push(e.data);
  }

  push(message) {
    if (message.type === 'reset') {
      this.read = this.write = this.buffered = 0;
      this.playing = false;
      return;
    }

    const s = message.samples; // Int16Array, interleaved L R
    const frames = s.length >> 1;
    for (let i = 0; i < frames; i++) {
      this.left[this.write] = s[2 * i] / 32768;
      this.right[this.write] = s[2 * i + 1] / 32768;
      this.write = (this.write + 1) % this.capacity;
    }

    this.buffered += frames;
    this.received += frames;
    if (this.buffered > this.maxFrames) {
      const excess = this.buffered - this.startFrames;
      this.read = (this.read + excess) % this.capacity;
      this.buffered -= excess;
      this.dropped += excess;
    }
  }

  process(inputs, outputs) {
    const out = outputs[0];
    const l = out[0];
    const r = out[1] || out[0];
    const n = l.length;
    if (!this.playing && this.buffered >= this.startFrames) {
      this.playing = true;
    }

    for (let i = 0; i < n; i++) {
      if (this.playing && this.buffered > 0) {
        l[i] = this.left[this.read];
        r[i] = this.right[this.read];
        this.read = (this.read + 1) % this.capacity;
        this.buffered--;
        this.played++;
      } else {
        if (this.playing) {
          this.playing = false;
          this.underruns++;
        }

        l[i] = 0;
        r[i] = 0;
      }
    }

    this.sinceReport += n;
    if (this.sinceReport >= sampleRate / 4) {
      this.sinceReport = 0;
      this.port.postMessage({
        buffered: this.buffered,
        playing: this.playing,
        underruns: this.underruns,
        dropped: this.dropped,
        received: this.received,
        played: this.played,
      });
    }

    return true;
  }
}

registerProcessor('echelon-pcm-player', EchelonPcmPlayer);
