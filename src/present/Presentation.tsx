/**
 * Presentation mode around the slides: the deck state (slide, focus filter, notes), the keys a
 * clicker or keyboard sends, full screen, the control bar, and an optional presenter window
 * kept in step over a BroadcastChannel. Read-only: it never writes the map. Its words, the controls'
 * too, are those of the nearest I18nProvider: the map's language, as the room sees the slides.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { I18n } from '../i18n';
import { useI18n } from '../i18n/react';
import type { JourneyMap, Persona } from '../model/schema';
import { NotesPanel } from './NotesPanel';
import { SlideView } from './SlideView';
import {
  ALL,
  actionForKey,
  buildSlides,
  clampIndex,
  commitDigits,
  emotionCurve,
  focusOptions,
  slideIndexOfStage,
  slideLabel,
  slideTitle,
  stageOf,
  typeDigit,
  type KeyAction,
} from './slides';
import './present.css';
import type { Leader, PresentationRoom } from '../sync/presentRoom';

export type PresentView = 'audience' | 'presenter';

export interface PresentationProps {
  map: JourneyMap;
  /** The personas the map links (others are ignored). */
  personas: readonly Persona[];
  /** Object URLs of persona photos by image id. */
  avatarUrls?: Record<string, string>;
  /** Where leaving goes: the map's editor. */
  backHref: string;
  view?: PresentView;
  /** Leaves presentation; by default it goes to backHref (or closes the presenter window). */
  onLeave?: () => void;
  /** Opens the presenter window; by default window.open of this address in a named window. */
  onOpenPresenter?: () => void;
  /** A shared map's room: this presentation leads it, or follows whoever presents there. */
  room?: PresentationRoom;
}

/** How long a typed stage number waits for a second digit ("1" may become "12"). */
const DIGIT_PAUSE_MS = 900;
/** An Esc this soon after the browser left full screen was the Esc that left it, not a request to leave. */
const FULLSCREEN_ESC_GRACE_MS = 500;

/** The window name of the presenter view, so the same address opens either view (no extra route). */
export function presenterWindowName(mapId: string): string {
  return `journeyboard-presenter:${mapId}`;
}

type Message = { type: 'hello' } | { type: 'state'; index: number; focus: string };

function isMessage(data: unknown): data is Message {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.type === 'hello' || (m.type === 'state' && typeof m.index === 'number' && typeof m.focus === 'string');
}

/**
 * Keys a focused field keeps for itself: every key in a text field. The focus select keeps only
 * Space and Enter, which open its list (Alt+arrows open it too, and are never slide keys); its
 * arrows, Home, End, page keys and digits turn the slides, because a clicker sending arrows must
 * never change the filter in front of the room. While the list is open the browser has the keys.
 */
function fieldKeepsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, [contenteditable="true"]')) return true;
  if (target.closest('select')) return key === ' ' || key === 'Enter';
  return false;
}

function fullscreenElement(): Element | null {
  return typeof document !== 'undefined' ? (document.fullscreenElement ?? null) : null;
}

/** "12:05", in the language's digits. */
function formatElapsed(i18n: I18n, seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${i18n.number(m)}:${i18n.number(s, { minimumIntegerDigits: 2 })}`;
}

export function Presentation({
  map,
  personas: allPersonas,
  avatarUrls = {},
  backHref,
  view = 'audience',
  onLeave,
  onOpenPresenter,
  room,
}: PresentationProps) {
  const i18n = useI18n();
  const slides = useMemo(() => buildSlides(map), [map]);
  const curve = useMemo(() => emotionCurve(map), [map]);
  const personas = useMemo(() => {
    const byId = new Map(allPersonas.map((p) => [p.id, p]));
    return map.personaIds.map((id) => byId.get(id)).filter((p): p is Persona => p !== undefined);
  }, [allPersonas, map.personaIds]);
  const options = useMemo(() => focusOptions(i18n, map, personas), [i18n, map, personas]);

  const [index, setIndex] = useState(0);
  const [focusValue, setFocusValue] = useState('all');
  const [notesShown, setNotesShown] = useState(view === 'presenter');
  const [fullscreen, setFullscreen] = useState(() => fullscreenElement() !== null);
  const [pendingDigits, setPendingDigits] = useState('');

  const current = clampIndex(index, slides.length);
  const slide = slides[current] ?? slides[0] ?? { kind: 'title' as const };
  const focus = options.find((o) => o.value === focusValue && !o.disabled)?.focus ?? ALL;
  const label = slideLabel(i18n, map, slides, current);
  const presenter = view === 'presenter';
  const focusId = useId();

  // The slide region has the focus at the start (a screen reader reads it, keys work without a
  // click) and again after a filter is chosen. Each slide is a new region (keyed by index), so
  // when the focused one is replaced the focus moves to the new one instead of falling to <body>.
  const region = useRef<HTMLElement>(null);
  const focusSlide = useCallback(() => region.current?.focus({ preventScroll: true }), []);
  useEffect(focusSlide, [focusSlide]);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) focusSlide();
  }, [current, focusSlide]);

  // The other window (audience or presenter view) of the same map, when there is one.
  const channel = useRef<BroadcastChannel | null>(null);
  const state = useRef({ index: current, focus: focusValue });
  useLayoutEffect(() => {
    state.current = { index: current, focus: focusValue };
  });
  const publish = useCallback((next: { index: number; focus: string }) => {
    channel.current?.postMessage({ type: 'state', ...next } satisfies Message);
  }, []);
  useEffect(() => {
    if (typeof BroadcastChannel !== 'function') return;
    const ch = new BroadcastChannel(`journeyboard-present:${map.id}`);
    channel.current = ch;
    ch.onmessage = (e: MessageEvent) => {
      if (!isMessage(e.data)) return;
      if (e.data.type === 'hello') ch.postMessage({ type: 'state', ...state.current } satisfies Message);
      else {
        setIndex(e.data.index);
        setFocusValue(e.data.focus);
      }
    };
    // A window that opens late asks where the talk is.
    ch.postMessage({ type: 'hello' } satisfies Message);
    return () => {
      channel.current = null;
      ch.close();
    };
  }, [map.id]);

  // Follow the facilitator: a follower goes where the presenter goes until it turns a slide of
  // its own (it steps out), and back when it asks; a leader tells the room where it is.
  const [steppedOut, setSteppedOut] = useState(false);
  const following = room?.follows === true && !steppedOut;
  const followingNow = useRef(following);
  useLayoutEffect(() => {
    followingNow.current = following;
  });
  const [leader, setLeader] = useState<Leader | null>(null);
  useEffect(() => {
    if (!room?.follows) return;
    return room.watch((next) => {
      setLeader(next);
      if (next && followingNow.current) {
        setIndex(next.index);
        setFocusValue(next.focus);
      }
    });
  }, [room]);
  const followAgain = () => {
    setSteppedOut(false);
    if (leader) {
      setIndex(leader.index);
      setFocusValue(leader.focus);
    }
  };
  useEffect(() => {
    if (room && !room.follows) room.lead({ index: current, focus: focusValue });
  }, [room, current, focusValue]);

  const go = useCallback(
    (to: number) => {
      const next = clampIndex(to, slides.length);
      setIndex(next);
      setSteppedOut(true);
      publish({ index: next, focus: state.current.focus });
    },
    [slides.length, publish],
  );
  const chooseFocus = (value: string) => {
    setFocusValue(value);
    publish({ index: state.current.index, focus: value });
    // Back to the slide: the next key from the clicker turns it, it does not change the filter again.
    focusSlide();
  };

  const leave = useCallback(() => {
    if (onLeave) return onLeave();
    if (fullscreenElement()) void document.exitFullscreen?.().catch(() => undefined);
    if (presenter && window.opener) {
      window.close();
      return;
    }
    window.location.hash = backHref;
  }, [onLeave, presenter, backHref]);

  const toggleFullscreen = useCallback(() => {
    if (fullscreenElement()) void document.exitFullscreen?.().catch(() => undefined);
    // Refused without a user gesture or by policy: the view works the same in a window.
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);
  const leftFullscreenAt = useRef(0);
  useEffect(() => {
    const onChange = () => {
      const on = fullscreenElement() !== null;
      if (!on) leftFullscreenAt.current = Date.now();
      setFullscreen(on);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const openPresenter = useCallback(() => {
    if (onOpenPresenter) return onOpenPresenter();
    // Named, so a second click brings back the same window instead of opening another.
    const hash = `#/maps/${encodeURIComponent(map.id)}/present?view=presenter`;
    window.open(`${window.location.pathname}${window.location.search}${hash}`, presenterWindowName(map.id), 'popup,width=1200,height=760');
  }, [onOpenPresenter, map.id]);

  // Typed stage numbers: "3" jumps; "1" then "2" jumps to 12 on a long map.
  const digits = useRef({ buffer: '', timer: 0 });
  const jumpToStage = useCallback(
    (n: number | undefined) => {
      const to = n === undefined ? undefined : slideIndexOfStage(slides, n);
      if (to !== undefined) go(to);
    },
    [slides, go],
  );
  const setBuffer = useCallback(
    (buffer: string) => {
      window.clearTimeout(digits.current.timer);
      digits.current.buffer = buffer;
      setPendingDigits(buffer);
      if (buffer) {
        digits.current.timer = window.setTimeout(() => {
          const n = commitDigits(digits.current.buffer, map.stages.length);
          digits.current.buffer = '';
          setPendingDigits('');
          jumpToStage(n);
        }, DIGIT_PAUSE_MS);
      }
    },
    [map.stages.length, jumpToStage],
  );
  useEffect(() => () => window.clearTimeout(digits.current.timer), []);
  /**
   * Turning the slide any other way drops a stage number being typed: a "1" waiting for a second
   * digit must not jump back to stage 1 after the presenter has moved on with the clicker.
   */
  const turn = useCallback(
    (to: number) => {
      if (digits.current.buffer) setBuffer('');
      go(to);
    },
    [go, setBuffer],
  );

  const perform = useCallback(
    (action: KeyAction) => {
      const at = state.current.index;
      switch (action.type) {
        case 'next':
          return turn(at + 1);
        case 'prev':
          return turn(at - 1);
        case 'first':
          return turn(0);
        case 'last':
          return turn(slides.length - 1);
        case 'notes':
          return setNotesShown((v) => presenter || !v);
        case 'fullscreen':
          return toggleFullscreen();
        case 'leave':
          if (fullscreenElement()) return void document.exitFullscreen?.().catch(() => undefined);
          if (Date.now() - leftFullscreenAt.current < FULLSCREEN_ESC_GRACE_MS) return;
          return leave();
        case 'commit': {
          const n = commitDigits(digits.current.buffer, map.stages.length);
          setBuffer('');
          return jumpToStage(n);
        }
        case 'digit': {
          const typed = typeDigit(digits.current.buffer, action.digit, map.stages.length);
          setBuffer(typed.buffer);
          return jumpToStage(typed.jumpTo);
        }
      }
    },
    [turn, slides.length, presenter, toggleFullscreen, leave, map.stages.length, setBuffer, jumpToStage],
  );

  // A layout effect: the keys work as soon as the slide is on screen (a passive effect can run
  // later on a busy machine, and a clicker pressed at once was lost).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || fieldKeepsKey(e.target, e.key)) return;
      const action = actionForKey(e, map.direction);
      if (!action) return;
      // Space and Enter on a focused button or link press it; they do not also turn the slide.
      if ((action.type === 'next' || action.type === 'prev' || action.type === 'commit') && (e.key === ' ' || e.key === 'Enter')) {
        if (e.target instanceof Element && e.target.closest('button, a')) return;
      }
      if (action.type === 'commit' && !digits.current.buffer) return;
      e.preventDefault();
      perform(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [map.direction, perform]);

  // The page under the slides must not scroll or show scroll bars while presenting.
  useEffect(() => {
    const root = document.documentElement;
    const before = root.style.overflow;
    root.style.overflow = 'hidden';
    return () => {
      root.style.overflow = before;
    };
  }, []);


  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!presenter) return;
    const started = Date.now();
    const timer = window.setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => window.clearInterval(timer);
  }, [presenter]);

  const stage = stageOf(map, slide);
  const notes = stage?.notes.trim() ? stage.notes : '';
  const nextSlide = slides[current + 1];
  const fullscreenAvailable = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const rtl = map.direction === 'rtl';

  return (
    <div className={`jbpres-root${notesShown ? ' jbpres-with-notes' : ''}`} data-view={view} dir={map.direction} lang={i18n.locale}>
      <section
        key={current}
        ref={region}
        className="jbpres-slide"
        aria-label={label}
        tabIndex={-1}
        data-slide={slide.kind}
      >
        <SlideView map={map} slide={slide} focus={focus} curve={curve} personas={personas} avatarUrls={avatarUrls} />
      </section>

      {notesShown && (
        <NotesPanel
          notes={notes}
          slideKey={String(current)}
          presenter={presenter}
          nextTitle={nextSlide ? slideTitle(i18n, map, nextSlide) : null}
          elapsed={formatElapsed(i18n, elapsed)}
        />
      )}

      {/*
        A control clicked with the mouse hands the focus back to the slide, so the presenter's
        next Space (or clicker key) turns the slide instead of pressing that button again. A
        control reached with Tab keeps it: Space and Enter press it, as on any page. (A click
        from the keyboard has detail 0; a pointer click counts its clicks.)
      */}
      <nav
        className="jbpres-bar"
        aria-label={i18n._('present.controls')}
        onClick={(e) => {
          if (e.detail > 0 && e.target instanceof Element && e.target.closest('button')) focusSlide();
        }}
      >
        <button type="button" onClick={() => turn(current - 1)} disabled={current === 0} aria-label={i18n._('present.previous')} aria-keyshortcuts={rtl ? 'ArrowRight PageUp' : 'ArrowLeft PageUp'}>
          <span aria-hidden="true">{rtl ? '→' : '←'}</span>
        </button>
        {/* Numbers read left to right in every script: "4 / 7", never "7 / 4". */}
        <span className="jbpres-progress-text" aria-hidden="true" dir="ltr">
          {i18n.number(current + 1)} / {i18n.number(slides.length)}
        </span>
        <button
          type="button"
          onClick={() => turn(current + 1)}
          disabled={current === slides.length - 1}
          aria-label={i18n._('present.next')}
          aria-keyshortcuts={rtl ? 'ArrowLeft PageDown Space' : 'ArrowRight PageDown Space'}
        >
          <span aria-hidden="true">{rtl ? '←' : '→'}</span>
        </button>
        <div
          className="jbpres-progress"
          role="progressbar"
          aria-label={i18n._('present.progress')}
          aria-valuemin={1}
          aria-valuemax={slides.length}
          aria-valuenow={current + 1}
          aria-valuetext={i18n._('present.progressValue', { number: i18n.number(current + 1), count: i18n.number(slides.length) })}
        >
          <div className="jbpres-progress-fill" style={{ inlineSize: `${((current + 1) / slides.length) * 100}%` }} />
        </div>
        {pendingDigits && (
          <span className="jbpres-digits" role="status">
            {i18n._('present.typedStage', { number: i18n.number(Number(pendingDigits)) })}
          </span>
        )}
        {options.length > 1 && (
          <span className="jbpres-focus">
            <label htmlFor={focusId}>{i18n._('present.focus.label')}</label>
            <select id={focusId} value={focusValue} onChange={(e) => chooseFocus(e.target.value)}>
              {options.map((o) => (
                <option key={o.value} value={o.value} disabled={o.disabled}>
                  {o.label}
                </option>
              ))}
            </select>
          </span>
        )}
        {room?.follows && (
          <span className="jbpres-follow">
            <span role="status">
              {following && leader
                ? i18n._('present.follow.following', { name: leader.name || i18n._('present.follow.someone') })
                : leader
                  ? null
                  : i18n._('present.follow.nobody')}
            </span>
            {following ? (
              <button type="button" onClick={() => setSteppedOut(true)}>
                {i18n._('present.follow.stepOut')}
              </button>
            ) : (
              <button type="button" onClick={followAgain} disabled={!leader}>
                {i18n._('present.follow.back', { name: leader?.name || i18n._('present.follow.someone') })}
              </button>
            )}
          </span>
        )}
        {!presenter && (
          <button type="button" aria-pressed={notesShown} onClick={() => setNotesShown((v) => !v)} aria-keyshortcuts="N">
            {i18n._('present.showNotes')}
          </button>
        )}
        {!presenter && typeof BroadcastChannel === 'function' && (
          <button type="button" onClick={openPresenter}>
            {i18n._('present.presenterView')}
          </button>
        )}
        {fullscreenAvailable && (
          <button type="button" aria-pressed={fullscreen} onClick={toggleFullscreen} aria-keyshortcuts="F">
            {i18n._('present.fullscreen')}
          </button>
        )}
        <a className="jbpres-leave" href={backHref} onClick={(e) => {
          if (onLeave || (presenter && window.opener)) {
            e.preventDefault();
            leave();
          }
        }} aria-keyshortcuts="Escape">
          {presenter ? i18n._('present.closePresenter') : i18n._('present.leave')}
        </a>
      </nav>
      <p className="jbpres-visually-hidden" aria-live="polite">
        {label}
      </p>
    </div>
  );
}
