/**
 * The microphone: one getUserMedia stream feeding MediaRecorder (Opus, chunk per second, written by
 * the caller as each chunk arrives) and an AudioWorklet that reports the loudness of every frame.
 * Browser-only glue; the decisions (mime type, errors, silence) are in pure modules.
 */
import levelProcessorUrl from './levelProcessor.ts?worker&url';
import { LEVEL_PROCESSOR_NAME, type LevelMessage, type LevelProcessorOptions } from '../../core/audio/levelProtocol';
import { classifyMicrophoneError, pickMimeType, type AudioOffReason } from '../lifecycle';

/** At most 1 s of audio is ever only in memory (the crash-safety contract). */
export const TIMESLICE_MS = 1000;
/** Speech at 32 kb/s: 120 minutes is about 29 MB. */
export const AUDIO_BITS_PER_SECOND = 32_000;

export interface MicrophoneHandlers {
  onChunk(blob: Blob): void;
  /** One level frame, as the worklet stamped it (in the order produced; under load some never come). */
  onLevel(message: LevelMessage): void;
  /** The recorder or the track failed after starting (device unplugged, …). */
  onFailure(reason: AudioOffReason): void;
}

export interface Microphone {
  mimeType: string;
  /** `Date.now()` when MediaRecorder started: the wall-clock moment of the recorded audio's first sample. */
  startedAtMs: number;
  /** The level worklet's sample rate (null when there is no worklet). */
  sampleRate: number | null;
  setMuted(muted: boolean): void;
  /** Stops recording; resolves after the last chunk was handed to `onChunk`. */
  stop(): Promise<void>;
}

export type OpenResult = { ok: true; mic: Microphone } | { ok: false; reason: AudioOffReason };

/**
 * Created inside the click that starts the session: Chromium lets an AudioContext run only after a
 * user gesture, and the gesture would be gone after awaiting the permission prompt.
 */
export function createAudioContext(): AudioContext | null {
  try {
    return typeof AudioContext === 'function' ? new AudioContext() : null;
  } catch {
    return null;
  }
}

export async function openMicrophone(context: AudioContext | null, frameMs: number, handlers: MicrophoneHandlers): Promise<OpenResult> {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder !== 'function') return { ok: false, reason: 'unsupported' };
  const mimeType = pickMimeType((t) => MediaRecorder.isTypeSupported(t));
  if (!mimeType) return { ok: false, reason: 'unsupported' };

  // Load the worklet while the permission prompt is up: once the stream exists, every millisecond
  // before the recorder starts is speech lost.
  const workletLoaded = context
    ? context.audioWorklet.addModule(levelProcessorUrl).then(
        () => true,
        () => false,
      )
    : Promise.resolve(false);
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
    });
  } catch (e) {
    return { ok: false, reason: classifyMicrophoneError(e) };
  }

  const meter = context !== null && (await workletLoaded);
  if (meter) await context.resume().catch(() => undefined);

  // From here to recorder.start() nothing awaits. The worklet meters from the moment its node exists, and
  // its first frame is taken as the recording's first sample (core/audio/audioClock.ts): a node created
  // before an await metered the page's wait as silence, and every level then landed late by that wait
  // (about 300 ms on a busy machine's first recording).
  let levels: { node: AudioWorkletNode; source: MediaStreamAudioSourceNode } | null = null;
  if (meter) {
    try {
      const source = context.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(context, LEVEL_PROCESSOR_NAME, {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        // The browser down-mixes to mono.
        channelCount: 1,
        channelCountMode: 'explicit',
        channelInterpretation: 'speakers',
        processorOptions: { frameMs } satisfies LevelProcessorOptions,
      });
      node.port.onmessage = (e: MessageEvent<LevelMessage>) => {
        if (e.data?.type === 'level' && typeof e.data.db === 'number') handlers.onLevel(e.data);
      };
      levels = { node, source };
    } catch {
      // Without the worklet there is no meter and no silence detection, but the audio still records.
      levels = null;
    }
  }

  const recorder = new MediaRecorder(stream, { mimeType, audioBitsPerSecond: AUDIO_BITS_PER_SECOND });
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) handlers.onChunk(e.data);
  };
  recorder.onerror = () => handlers.onFailure('no-device');
  for (const track of stream.getAudioTracks()) track.onended = () => handlers.onFailure('no-device');

  // The levels are placed on the audio's timeline by their own stamps (core/audio/audioClock.ts), measured
  // from the moment the recorder starts; the node's output is silent, connected so every browser keeps pulling it.
  if (levels) levels.source.connect(levels.node).connect(context!.destination);
  recorder.start(TIMESLICE_MS);
  const startedAtMs = Date.now();

  let stopped: Promise<void> | null = null;
  const mic: Microphone = {
    mimeType: recorder.mimeType || mimeType,
    startedAtMs,
    sampleRate: levels ? context!.sampleRate : null,
    setMuted(muted) {
      // A disabled track records silence: the audio keeps its timeline, so it stays aligned with the log.
      for (const track of stream.getAudioTracks()) track.enabled = !muted;
    },
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        for (const track of stream.getAudioTracks()) track.onended = null;
        const finish = () => {
          for (const track of stream.getTracks()) track.stop();
          levels?.source.disconnect();
          levels?.node.disconnect();
          if (levels) levels.node.port.onmessage = null;
          void context?.close().catch(() => undefined);
          resolve();
        };
        if (recorder.state === 'inactive') return finish();
        // The last dataavailable fires before stop, so every chunk has been handed over by then.
        recorder.addEventListener('stop', finish, { once: true });
        recorder.stop();
      });
      return stopped;
    },
  };
  return { ok: true, mic };
}
