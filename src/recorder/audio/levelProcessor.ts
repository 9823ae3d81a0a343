/**
 * An AudioWorklet processor that meters the microphone: every `frameMs` it posts the RMS and voice levels
 * of its mono input, in dBFS, stamped with the frame's sample position and the wall clock (`LevelMessage`). It runs on the audio rendering thread, so it has no DOM; the
 * maths is the pure `createLevelMeter`, bundled in. It writes no output (outputs stay silent).
 *
 * Load it with Vite's `?worker&url` suffix, which bundles this file and its imports into one JS file of
 * its own (a plain `new URL('./levelProcessor.ts', import.meta.url)` would copy the TypeScript source
 * untranspiled into the build):
 *
 *   import levelProcessorUrl from './levelProcessor.ts?worker&url';
 *   await context.audioWorklet.addModule(levelProcessorUrl);
 *   const node = new AudioWorkletNode(context, LEVEL_PROCESSOR_NAME, {
 *     numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1],
 *     channelCount: 1, channelCountMode: 'explicit', channelInterpretation: 'speakers', // the browser down-mixes to mono
 *     processorOptions: { frameMs: 50 } satisfies LevelProcessorOptions,
 *   });
 *   node.port.onmessage = (e: MessageEvent<LevelMessage>) => …;
 *   source.connect(node).connect(context.destination); // silent; connected so every browser keeps pulling it
 */
import { createLevelMeter, type LevelMeter } from '../../core/audio/levels';
import {
  DEFAULT_LEVEL_FRAME_MS,
  LEVEL_PROCESSOR_NAME,
  type LevelMessage,
  type LevelProcessorOptions,
} from '../../core/audio/levelProtocol';

// The AudioWorkletGlobalScope is not in TypeScript's DOM lib (and its own lib cannot share a program with
// DOM), so the few globals used here are declared for this module only.
declare const sampleRate: number;
/** The context's clock: position of the current render quantum's first sample. */
declare const currentFrame: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(
  name: string,
  processor: new (options: { processorOptions?: LevelProcessorOptions }) => AudioWorkletProcessor,
): void;

/** One render quantum of silence: an input with no connection arrives as zero channels, and still takes time. */
const QUANTUM_OF_SILENCE = new Float32Array(128);

class LevelMeterProcessor extends AudioWorkletProcessor {
  private readonly meter: LevelMeter;

  constructor(options: { processorOptions?: LevelProcessorOptions }) {
    super();
    const frameMs = options.processorOptions?.frameMs ?? DEFAULT_LEVEL_FRAME_MS;
    this.meter = createLevelMeter(sampleRate, frameMs, (db, frame) => {
      // Stamped here, on the audio thread: the page's message queue may hold frames back for seconds.
      const message: LevelMessage = {
        type: 'level',
        db,
        voiceDb: frame.voiceDb,
        periodicity: frame.periodicity,
        position: frame.position,
        samples: frame.samples,
        wallMs: Date.now(),
      };
      this.port.postMessage(message);
    });
  }

  process(inputs: Float32Array[][]): boolean {
    this.meter.push(inputs[0]?.[0] ?? QUANTUM_OF_SILENCE, currentFrame);
    return true; // keep metering while the node is connected, even through silence
  }
}

registerProcessor(LEVEL_PROCESSOR_NAME, LevelMeterProcessor);
