/**
 * The web page viewer (src/viewer) as ONE html file, its JS and CSS inlined: the template that
 * src/export/webPage.ts fills with a map. A separate Vite build of the project's own sources (the
 * print view's map table, the presentation's slides), so the page never drifts from the app.
 *
 * - The app imports it lazily as `virtual:journeyboard-viewer` (a module whose default export is the
 *   template's text), so it works the same in `vite` dev, `vite build` and `vite preview`, and costs
 *   nothing until "Export web page" is pressed.
 * - `vite build` also writes dist/viewer.html, the template the command-line exporter reads.
 * - The viewer's code is held to VIEWER_BUDGET_GZIP: over it, the build fails; the size is printed.
 */
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { lingui } from '@lingui/vite-plugin';
import { build, type Plugin } from 'vite';

export const VIEWER_MODULE_ID = 'virtual:journeyboard-viewer';
const RESOLVED_ID = `\0${VIEWER_MODULE_ID}`;
export const VIEWER_TEMPLATE_FILE = 'viewer.html';
/** The budget for the viewer's code (JS and CSS), gzip. */
export const VIEWER_BUDGET_GZIP = 150 * 1024;

interface OutputFile {
  type: 'chunk' | 'asset';
  fileName: string;
  code?: string;
  source?: string | Uint8Array;
}

export interface ViewerBuild {
  html: string;
  /** gzip size of the inlined JS and CSS. */
  codeGzipBytes: number;
}

function text(file: OutputFile): string {
  if (file.type === 'chunk') return file.code ?? '';
  return typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
}

/** Builds src/viewer/index.html into one file. */
export async function buildViewer(projectRoot: string): Promise<ViewerBuild> {
  const root = resolve(projectRoot, 'src/viewer');
  const result = await build({
    configFile: false,
    root,
    base: './',
    mode: 'production',
    // Production React even when the dev server (NODE_ENV=development) builds the page.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    logLevel: 'warn',
    plugins: [react(), lingui({ cwd: projectRoot, failOnMissing: true, failOnCompileError: true })],
    build: {
      write: false,
      outDir: resolve(projectRoot, 'node_modules/.tmp/viewer'),
      emptyOutDir: false,
      // Everything inside the one file: no asset files, no preload helper, one chunk.
      assetsInlineLimit: () => true,
      cssCodeSplit: false,
      modulePreload: false,
      reportCompressedSize: false,
      rolldownOptions: { input: resolve(root, 'index.html'), output: { codeSplitting: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as { output: OutputFile[] }[];
  const files = outputs.flatMap((o) => o.output);
  const page = files.find((f) => f.type === 'asset' && f.fileName.endsWith('.html'));
  if (!page) throw new Error('The viewer build wrote no html file.');
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const used = (ref: string) => {
    const file = byName.get(ref.replace(/^\.?\//, ''));
    if (!file) throw new Error(`The viewer page refers to ${ref}, which the build did not write.`);
    return text(file);
  };
  let js = '';
  let css = '';
  // One pass over the page as built, so the code put in is never scanned again (React's own
  // strings mention <link rel="stylesheet" href=…>).
  const html = text(page).replace(
    /<script\b[^>]*\bsrc="([^"]+)"[^>]*><\/script>|<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g,
    (_, src: string | undefined, href: string | undefined) => {
      if (src !== undefined) {
        const code = used(src);
        // An inline script ends at the first "</script": the bundle must not contain one.
        if (/<\/script/i.test(code)) throw new Error('The viewer bundle contains "</script"; it cannot be inlined.');
        js += code;
        // A replacer's return value is inserted as it is (no "$&" expansion).
        return `<script type="module">${code}</script>`;
      }
      const code = used(href!);
      if (/<\/style/i.test(code)) throw new Error('The viewer CSS contains "</style"; it cannot be inlined.');
      css += code;
      return `<style>${code}</style>`;
    },
  );
  const leftover = files.filter((f) => f !== page && !html.includes(text(f)));
  if (leftover.length > 0) throw new Error(`The viewer build wrote files that are not inlined: ${leftover.map((f) => f.fileName).join(', ')}`);
  return { html, codeGzipBytes: gzipSync(js + css).length };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function viewerPlugin(): Plugin {
  let projectRoot = process.cwd();
  let building: Promise<ViewerBuild> | null = null;
  let isBuild = false;
  const viewer = () =>
    (building ??= buildViewer(projectRoot).then((b) => {
      console.log(`viewer (web page export): ${kb(b.codeGzipBytes)} gzip of ${kb(VIEWER_BUDGET_GZIP)} budget, page template ${kb(b.html.length)}`);
      if (b.codeGzipBytes > VIEWER_BUDGET_GZIP) {
        throw new Error(`The web page viewer is ${kb(b.codeGzipBytes)} gzip, over its budget of ${kb(VIEWER_BUDGET_GZIP)}.`);
      }
      return b;
    }));
  return {
    name: 'journeyboard-viewer',
    configResolved(config) {
      projectRoot = config.root;
      isBuild = config.command === 'build';
    },
    resolveId(id) {
      return id === VIEWER_MODULE_ID ? RESOLVED_ID : null;
    },
    async load(id) {
      if (id !== RESOLVED_ID) return null;
      const { html } = await viewer();
      return `export default ${JSON.stringify(html)};`;
    },
    // Built once per app build, with or without the lazy import reaching it, so dist/viewer.html
    // (the command line's template) and the budget check are always there.
    async buildStart() {
      if (isBuild) await viewer();
    },
    async generateBundle() {
      if (!isBuild) return;
      this.emitFile({ type: 'asset', fileName: VIEWER_TEMPLATE_FILE, source: (await viewer()).html });
    },
  };
}
