/* global window, document, requestAnimationFrame, MutationObserver, IDBObjectStore, Element */
/**
 * In-page instrumentation, injected before any page script (context.addInitScript) into the
 * app and the bare React Flow page alike. Everything it records is in the page's own clock
 * (performance.now(), 0 = navigation start).
 *
 * "Painted" everywhere means: the main thread finished the rendering update (style, layout,
 * paint, commit to the compositor) of the frame that first showed the change. It is read as
 * the time of a message posted from inside that frame's requestAnimationFrame callback: the
 * message runs right after the frame's rendering steps. Rasterisation and display happen after
 * that on other threads and are not included (Chromium gives pages no clock for them).
 */
(() => {
  // The runner's lock-helper page only asks for Web Locks: no instrumentation there.
  if (window.__bench || window.location.pathname.endsWith('/lock-helper')) return;
  const B = {};
  window.__bench = B;

  /** Runs cb(time) after the rendering update of the current frame; call it from a rAF callback. */
  function afterThisFrame(cb) {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(0);
  }
  /** Runs cb(time) after the rendering update of the next frame. */
  function afterNextPaint(cb) {
    requestAnimationFrame(() => afterThisFrame(cb));
  }
  B.afterNextPaint = afterNextPaint;

  // ---- One requestAnimationFrame loop for the whole page life: frame timing and the open watch.
  B.frames = null;
  B.openChanges = [];
  B.openWatch = true;
  let lastSig = '';
  function signature() {
    const vp = document.querySelector('.react-flow__viewport');
    if (!vp) return '';
    const nodes = document.querySelectorAll('.react-flow__node').length;
    const edges = document.querySelectorAll('.react-flow__edge').length;
    return `${nodes}|${edges}|${vp.style.transform}`;
  }
  function tick(ts) {
    if (B.frames) B.frames.push(ts);
    if (B.openWatch) {
      const sig = signature();
      if (sig !== lastSig) {
        lastSig = sig;
        const rec = { sig, frame: ts, paintedAt: null };
        B.openChanges.push(rec);
        afterThisFrame((t) => {
          rec.paintedAt = t;
        });
      }
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);

  // ---- Web fonts: each font that finishes loading makes the browser lay out its text again.
  B.fonts = { loads: 0, lastLoadedAt: null, lastPainted: null };
  document.fonts.addEventListener('loadingdone', (e) => {
    B.fonts.loads += e.fontfaces?.length ?? 1;
    B.fonts.lastLoadedAt = performance.now();
    afterNextPaint((t) => {
      B.fonts.lastPainted = t;
    });
  });

  B.startFrames = () => {
    B.frames = [];
    B.frameMarks = [];
  };
  /** Marks where a phase of a scripted gesture starts, as an index into the frames. */
  B.markFrames = (name) => {
    if (B.frames) B.frameMarks.push([name, B.frames.length]);
  };
  B.stopFrames = () => {
    const f = B.frames ?? [];
    B.frames = null;
    const deltas = [];
    for (let i = 1; i < f.length; i++) deltas.push(f[i] - f[i - 1]);
    return deltas;
  };

  // ---- Input timestamps: the time the browser stamped on the most recent input events.
  B.inputs = [];
  for (const type of ['pointerdown', 'pointerup', 'keydown', 'wheel', 'click']) {
    window.addEventListener(
      type,
      (e) => {
        B.inputs.push({ type, key: e.key ?? null, stamp: e.timeStamp, handledAt: performance.now() });
        if (B.inputs.length > 200) B.inputs.splice(0, 100);
      },
      { capture: true, passive: true },
    );
  }
  B.lastInput = (type, key) => {
    for (let i = B.inputs.length - 1; i >= 0; i--) {
      const e = B.inputs[i];
      if (e.type === type && (key === undefined || e.key === key)) return e;
    }
    return null;
  };

  // ---- Watching a change: mutations under a root, the paint after each, an optional predicate.
  B.watches = {};
  B.watch = (name, rootSelector, predicateSource) => {
    const root = document.querySelector(rootSelector) ?? document.body;
    const predicate = predicateSource ? new Function(`return (${predicateSource})`)() : null;
    const rec = { armedAt: performance.now(), mutations: 0, lastMutation: null, lastPainted: null, metAt: null, metPainted: null };
    const check = () => {
      if (predicate && rec.metAt === null && predicate()) {
        rec.metAt = performance.now();
        afterNextPaint((t) => {
          rec.metPainted = t;
        });
      }
    };
    const observer = new MutationObserver(() => {
      rec.mutations += 1;
      rec.lastMutation = performance.now();
      const n = rec.mutations;
      afterNextPaint((t) => {
        if (rec.mutations === n) rec.lastPainted = t;
      });
      check();
    });
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    rec.stop = () => observer.disconnect();
    B.watches[name] = rec;
    check();
    return true;
  };
  /** Resolves once nothing changed for quietMs (or the predicate held and quietMs passed), or at timeoutMs. */
  B.settled = (name, quietMs, timeoutMs) =>
    new Promise((resolve) => {
      const rec = B.watches[name];
      const start = performance.now();
      const poll = () => {
        const now = performance.now();
        const last = rec.lastMutation ?? rec.armedAt;
        const painted = rec.lastMutation === null || rec.lastPainted !== null;
        if ((now - last >= quietMs && painted) || now - start > timeoutMs) {
          rec.stop();
          const out = { ...rec };
          delete out.stop;
          out.timedOut = now - start > timeoutMs;
          resolve(out);
        } else setTimeout(poll, 20);
      };
      poll();
    });

  // ---- IndexedDB: when a put of a map record holding a given text is committed.
  B.idb = null;
  B.watchIdb = (mapId, text) => {
    B.idb = { mapId, text, putAt: null, committedAt: null, puts: 0 };
  };
  const wrap = (method) => {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (value, ...rest) {
      const request = original.call(this, value, ...rest);
      const w = B.idb;
      try {
        if (w && this.name === 'maps' && value && value.id === w.mapId) {
          w.puts += 1;
          const has = Array.isArray(value.cards) && value.cards.some((c) => c && c.text === w.text);
          if (has && w.putAt === null) {
            w.putAt = performance.now();
            this.transaction.addEventListener('complete', () => {
              w.committedAt = performance.now();
            });
          }
        }
      } catch {
        // Instrumentation must never break the page.
      }
      return request;
    };
  };
  wrap('put');
  wrap('add');

  /** Reads a map record straight from IndexedDB (no Dexie), to confirm what is stored. */
  B.readMap = (dbName, mapId) =>
    new Promise((resolve, reject) => {
      const open = window.indexedDB.open(dbName);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction('maps', 'readonly');
        const get = tx.objectStore('maps').get(mapId);
        get.onsuccess = () => {
          resolve(get.result ?? null);
          db.close();
        };
        get.onerror = () => reject(get.error);
      };
    });

  /** A point on the canvas where a drag pans the view: on the pane or a non-draggable node, off every control. */
  B.panPoint = () => {
    const flow = document.querySelector('.react-flow');
    if (!flow) return null;
    const box = flow.getBoundingClientRect();
    const cx = box.left + box.width / 2;
    const cy = box.top + box.height / 2;
    const candidates = [];
    for (let fy = 0.15; fy <= 0.85; fy += 0.035) {
      for (let fx = 0.1; fx <= 0.9; fx += 0.025) candidates.push([box.left + box.width * fx, box.top + box.height * fy]);
    }
    candidates.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
    const blocked = '.nopan, .react-flow__minimap, .react-flow__controls, .react-flow__panel, .react-flow__edge, .react-flow__handle, button, input, textarea, select, a';
    for (const [x, y] of candidates) {
      const el = document.elementFromPoint(x, y);
      if (el instanceof Element && flow.contains(el) && !el.closest(blocked)) return { x, y };
    }
    return null;
  };

  // ---- The print view: when `[data-ready="true"]` first shows, painted.
  B.readyPainted = null;
  if (/\/print\/?$/.test(window.location.hash)) {
    const ready = new MutationObserver(() => {
      if (document.querySelector('[data-ready="true"]')) {
        ready.disconnect();
        afterNextPaint((t) => {
          B.readyPainted = t;
        });
      }
    });
    ready.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  }

  /** The viewport's transform: [x, y, zoom]. */
  B.transform = () => {
    const vp = document.querySelector('.react-flow__viewport');
    const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(vp?.style.transform ?? '');
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  };
})();
