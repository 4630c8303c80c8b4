#!/usr/bin/env node
/**
 * `npm run i18n:check`: the catalogues (src/locales/*.po) match the code, in every language.
 *
 * - `lingui extract --clean` finds every id the code uses (`i18n._('id')`, ids marked `/*i18n*\/`);
 *   an id missing from the catalogues, or an entry no code uses any more, is an error. The
 *   catalogues are put back as they were afterwards: the check never edits them.
 * - Every entry has its text in en, th, fa and vi (English too: an English text equal to its id
 *   is a forgotten one), with the same placeholders as the English text.
 * Exits 1 with the list of problems.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatter } from '@lingui/format-po';

const root = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = ['en', 'th', 'fa', 'vi'];
const file = (locale) => `${root}src/locales/${locale}.po`;
const po = formatter({ origins: false, lineNumbers: false, explicitIdAsDefault: true });
const parse = (text, locale) => po.parse(text, { locale, sourceLocale: 'en', filename: file(locale) });

const before = Object.fromEntries(LOCALES.map((l) => [l, readFileSync(file(l), 'utf8')]));
let extracted;
try {
  execFileSync(process.execPath, [`${root}node_modules/@lingui/cli/dist/lingui.js`, 'extract', '--clean'], { cwd: root, stdio: 'pipe' });
  extracted = Object.fromEntries(LOCALES.map((l) => [l, readFileSync(file(l), 'utf8')]));
} finally {
  for (const l of LOCALES) writeFileSync(file(l), before[l]);
}

const problems = [];
const old = {};
for (const l of LOCALES) old[l] = await parse(before[l], l);
const fresh = await parse(extracted.en, 'en');
const used = new Set(Object.keys(fresh));
const listed = new Set(Object.keys(old.en));
for (const id of used) if (!listed.has(id)) problems.push(`${id}: used in the code, missing from the catalogues`);
for (const id of listed) if (!used.has(id)) problems.push(`${id}: in the catalogues, used nowhere in the code`);

/** Placeholder names of an ICU message: {name}, {name, plural, …}; # and nested texts aside. */
function placeholders(message) {
  const names = new Set();
  for (const m of message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)) names.add(m[1]);
  return [...names].sort().join(',');
}

for (const id of listed) {
  const english = old.en[id]?.translation ?? '';
  if (!english || english === id) problems.push(`${id}: no English text`);
  for (const l of LOCALES.slice(1)) {
    const text = old[l][id]?.translation ?? '';
    if (!text) problems.push(`${id}: no ${l} text`);
    else if (english && placeholders(text) !== placeholders(english)) {
      problems.push(`${id}: the ${l} text has placeholders {${placeholders(text)}}, the English {${placeholders(english)}}`);
    }
  }
}

if (problems.length) {
  console.error(`i18n check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`i18n check: ${listed.size} messages, each in ${LOCALES.join(', ')}; none missing, none unused`);
