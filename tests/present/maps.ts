/**
 * Maps for presentation tests (unit and component tests; no test runner imported here).
 */
import { addConnection, linkPersona, setConnectionPersona } from '../../src/model/operations';
import type { JourneyMap } from '../../src/model/schema';
import { templateById } from '../../src/model/templates';

/**
 * The contact-center template walked by two people: Kevin calls after the ad and then reads
 * the product pages (the template's own arrow, marked as his); Mai visits the showroom and
 * gets the welcome call (a new arrow, hers).
 */
export function twoPaths(kevin = 'kevin', mai = 'mai'): JourneyMap {
  const base = templateById('contact-center-lifecycle')?.build();
  if (!base) throw new Error('no contact-center template');
  const id = (text: string) => base.cards.find((c) => c.text.startsWith(text))?.id ?? '';
  let map = linkPersona(linkPersona(base, kevin), mai);
  const kevins = map.connections.find((k) => k.from === id('Inbound call') && k.to === id('Product pages'));
  map = setConnectionPersona(map, kevins?.id ?? '', kevin);
  map = addConnection(map, { from: id('Showroom visit'), to: id('Welcome and satisfaction call'), personaId: mai });
  return map;
}
