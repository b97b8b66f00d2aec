/**
 * Check-in on the day, shared by the academy and events pages: a camera QR scanner (the
 * browser's BarcodeDetector, where there is one; no library), typing the token from the QR as
 * the fallback, and the result ("checked in" / "already checked in").
 */
import { useEffect, useRef, useState } from 'react';
import { tokenFromScan } from '../education-format.ts';
import { useMutation } from '../hooks.ts';
import { useI18n } from '../i18n.ts';
import { errorMessage, FormAlert, SearchForm } from '../forms/index.ts';

export type CheckInBody = { token: string } | { registrationId: number };
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
  const submitToken = (text: string) => {
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
        onSearch={submitToken}
        testId="token-form"
        input={{ autoComplete: 'off', autoCapitalize: 'off', spellCheck: false }}
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

function Scanner({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [active, setActive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const supported = detectorCtor() !== null && typeof navigator.mediaDevices?.getUserMedia === 'function';
  const lastRef = useRef<{ token: string; at: number } | null>(null);
  // The latest callback, without restarting the camera each time the page re-renders.
  const onTokenRef = useRef(onToken);
  useEffect(() => {
    onTokenRef.current = onToken;
  }, [onToken]);

  useEffect(() => {
    if (!active) return;
    const Ctor = detectorCtor();
    if (!Ctor) return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Ctor({ formats: ['qr_code'] });
    const tick = async () => {
      const video = videoRef.current;
      if (stopped || !video) return;
      try {
        if (video.readyState >= 2) {
          const codes = await detector.detect(video);
          const raw = codes[0]?.rawValue;
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
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        stream = s;
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
