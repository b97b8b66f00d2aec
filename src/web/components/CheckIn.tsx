/**
 * Check-in on the day, shared by the academy and events pages: a camera QR scanner (the
 * browser's BarcodeDetector where there is one; elsewhere — iOS Safari, Firefox — the jsqr
 * decoder, loaded only then, reads the camera's frames), typing the short code printed under the
 * QR code (or the QR's link) as the fallback, and the result ("checked in" / "already checked in").
 */
import { useEffect, useRef, useState } from 'react';
import { checkInCodeFromTyped, tokenFromScan } from '../education-format.ts';
import { useMutation } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { errorMessage, FormAlert, SearchForm } from '../forms/index.ts';

export type CheckInBody = { token: string } | { code: string } | { registrationId: number };
interface CheckInAnswer {
  registration: { name: string };
  alreadyCheckedIn: boolean;
}

/** Sends a check-in and keeps the result message; `onDone` refreshes the list beside it. */
export function useCheckInAction(send: (body: CheckInBody) => Promise<CheckInAnswer>, onDone: () => void) {
  const { t } = useI18n();
  const mutation = useMutation();
  const [result, setResult] = useState<{ name: string; already: boolean } | null>(null);
  const run = async (body: CheckInBody) => {
    setResult(null);
    const answer = await mutation.run(() => send(body));
    if (answer) {
      setResult({ name: answer.registration.name, already: answer.alreadyCheckedIn });
      onDone();
    }
  };
  const message = result ? t(result.already ? 'alreadyCheckedIn' : 'checkedInDone', { name: result.name }) : null;
  return { run, mutation, result, message };
}

export type CheckInAction = ReturnType<typeof useCheckInAction>;

/** The scanner, the typed-token form and the result, for a check-in page. */
export function CheckInPanel({ checking }: { checking: CheckInAction }) {
  const { lang, t } = useI18n();
  // The short code under the QR code, or (pasted) the QR's link or token.
  const submitTyped = (text: string) => {
    const code = checkInCodeFromTyped(text);
    if (code) return void checking.run({ code });
    const value = tokenFromScan(text);
    if (value) void checking.run({ token: value });
  };
  const error = errorMessage(checking.mutation.error, lang, t);
  return (
    <section className="plan-section" aria-labelledby="scan-heading">
      <h2 id="scan-heading">{t('scanHeading')}</h2>
      <Scanner onToken={(scanned) => void checking.run({ token: scanned })} />
      <SearchForm
        label={t('typeToken')}
        button={t('checkIn')}
        name="token"
        search={false}
        buttonClassName="button-primary"
        busy={checking.mutation.busy}
        onSearch={submitTyped}
        testId="token-form"
        input={{ autoComplete: 'off', autoCapitalize: 'characters', spellCheck: false }}
      />
      <FormAlert message={error} focus />
      <p className={`form-status check-in-status${checking.result?.already ? ' check-in-already' : ''}`} role="status" data-testid="scan-result">
        {checking.message}
      </p>
    </section>
  );
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options?: { formats: string[] }) => BarcodeDetectorLike;

const detectorCtor = (): BarcodeDetectorCtor | null => (window as unknown as { BarcodeDetector?: BarcodeDetectorCtor }).BarcodeDetector ?? null;

/** Reads a QR code from the video's current frame: its text, or null when none is seen. */
type FrameReader = (video: HTMLVideoElement) => Promise<string | null>;

/** Frames are read at this width at most: enough for a phone held up to the camera, and quick. */
const FRAME_WIDTH = 640;

/**
 * The browser's own reader, or else jsqr: fetched only now, in its own file, by browsers without
 * BarcodeDetector (so the others never download it).
 */
async function frameReader(): Promise<FrameReader> {
  const Ctor = detectorCtor();
  if (Ctor) {
    const detector = new Ctor({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || !video.videoWidth || !video.videoHeight) return null;
    const scale = Math.min(1, FRAME_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
  };
}

function Scanner({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [active, setActive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const supported = typeof navigator.mediaDevices?.getUserMedia === 'function';
  const lastRef = useRef<{ token: string; at: number } | null>(null);
  // The latest callback, without restarting the camera each time the page re-renders.
  const onTokenRef = useRef(onToken);
  useEffect(() => {
    onTokenRef.current = onToken;
  }, [onToken]);

  useEffect(() => {
    if (!active) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    let read: FrameReader | null = null;
    const tick = async () => {
      const video = videoRef.current;
      if (stopped || !video || !read) return;
      try {
        if (video.readyState >= 2) {
          const raw = await read(video);
          if (raw) {
            const token = tokenFromScan(raw);
            const last = lastRef.current;
            // The same code stays in view for a while: read it once every few seconds at most.
            if (!last || last.token !== token || Date.now() - last.at > 3000) {
              lastRef.current = { token, at: Date.now() };
              onTokenRef.current(token);
            }
          }
        }
      } catch {
        /* a frame that could not be read: try the next one */
      }
      if (!stopped) timer = window.setTimeout(tick, 250);
    };
    Promise.all([navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }), frameReader()])
      .then(async ([s, reader]) => {
        stream = s;
        read = reader;
        if (stopped || !videoRef.current) {
          for (const track of s.getTracks()) track.stop();
          return;
        }
        videoRef.current.srcObject = s;
        await videoRef.current.play().catch(() => undefined);
        void tick();
      })
      .catch(() => {
        setProblem(t('cameraUnavailable'));
        setActive(false);
      });
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [active, t]);
  if (!supported)
    return (
      <p className="read-only-note" data-testid="scanner-unsupported">
        {t('scannerUnsupported')}
      </p>
    );
  return (
    <div className="qr-scanner" data-testid="qr-scanner">
      <p>
        <button
          type="button"
          className={active ? 'button-secondary' : 'button-primary'}
          onClick={() => {
            setProblem(null);
            setActive((a) => !a);
          }}
          data-testid="scan-toggle"
        >
          {active ? t('stopScanning') : t('startScanning')}
        </button>
      </p>
      {problem && (
        <p className="form-alert" role="alert">
          {problem}
        </p>
      )}
      {active && <video ref={videoRef} className="scanner-video" muted playsInline aria-label={t('cameraView')} />}
    </div>
  );
}
