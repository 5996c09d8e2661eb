import { DateTime } from 'luxon';
import type { PublicGroup, PublicSession } from '../../core/groups';
import { pick } from '../../core/text';
import type { Locale } from '../../i18n';

// schema.org JSON-LD for a group page: one `Event` per upcoming session, with its attendance mode,
// status, place (a postal address, or a virtual location that never carries the meeting link),
// organizer and price. Tested against the schema.org vocabulary in ../shared/standards/schema-org.

const S = 'https://schema.org/';
type Node = Record<string, unknown>;

const MODE = {
  in_person: `${S}OfflineEventAttendanceMode`,
  online: `${S}OnlineEventAttendanceMode`,
  hybrid: `${S}MixedEventAttendanceMode`,
} as const;

function status(s: PublicSession): string {
  switch (s.status) {
    case 'cancelled':
      return `${S}EventCancelled`;
    case 'moved_online':
      return `${S}EventMovedOnline`;
    case 'postponed':
      // Postponed to a known new time is what schema.org calls rescheduled.
      return s.originalStartsAt ? `${S}EventRescheduled` : `${S}EventPostponed`;
    default:
      return `${S}EventScheduled`;
  }
}

function clean(node: Node): Node {
  return Object.fromEntries(Object.entries(node).filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

function place(g: PublicGroup): Node | null {
  const v = g.venue;
  if (!v || (!v.street && !v.city)) return null;
  return clean({
    '@type': 'Place',
    name: v.name ?? v.city,
    address: clean({
      '@type': 'PostalAddress',
      streetAddress: v.street,
      addressLocality: v.city,
      addressRegion: v.province,
      postalCode: v.postalCode,
      addressCountry: v.country,
    }),
    geo:
      v.latitude != null && v.longitude != null ? { '@type': 'GeoCoordinates', latitude: v.latitude, longitude: v.longitude } : null,
  });
}

/** Where to register: the public page, never the meeting link (that is for confirmed participants). */
const virtualLocation = (pageUrl: string): Node => ({ '@type': 'VirtualLocation', url: pageUrl });

function offer(g: PublicGroup, s: PublicSession, pageUrl: string): Node {
  const c = g.cost;
  const price = c.type === 'fee' && c.amountCents != null ? (c.amountCents / 100).toFixed(2) : '0';
  const full = s.seatsLeft === 0;
  return clean({
    '@type': 'Offer',
    url: pageUrl,
    price,
    priceCurrency: c.currency ?? 'CAD',
    availability: `${S}${s.status === 'cancelled' ? 'Discontinued' : full ? 'SoldOut' : 'InStock'}`,
  });
}

export function groupJsonLd(g: PublicGroup, { pageUrl, locale }: { pageUrl: string; locale: Locale }): Node {
  const name = pick(g.title, locale)?.text ?? g.slug;
  const description = pick(g.summary, locale)?.text ?? null;
  const iso = (d: Date) => DateTime.fromJSDate(d, { zone: g.timeZone }).toISO({ suppressMilliseconds: true });
  const events = g.sessions.map((s) => {
    const online = s.status === 'moved_online' || g.delivery === 'online';
    const mode = online ? MODE.online : MODE[g.delivery];
    const physical = online ? null : place(g);
    const location = [physical, mode === MODE.in_person ? null : virtualLocation(pageUrl)].filter((x): x is Node => x != null);
    const topic = pick(s.topic, locale)?.text;
    return clean({
      '@type': 'Event',
      '@id': `${pageUrl}#session-${s.id}`,
      name: topic ? `${name} · ${topic}` : name,
      description,
      url: pageUrl,
      startDate: iso(s.startsAt),
      endDate: iso(s.endsAt),
      previousStartDate: s.status === 'postponed' && s.originalStartsAt ? iso(s.originalStartsAt) : null,
      eventStatus: status(s),
      eventAttendanceMode: mode,
      location: location.length === 1 ? location[0] : location,
      organizer: { '@type': 'Organization', name: pick(g.organization.name, locale)?.text ?? g.organization.slug },
      offers: offer(g, s, pageUrl),
      inLanguage: s.languages ?? g.languages,
      isAccessibleForFree: g.cost.type !== 'fee',
      maximumAttendeeCapacity: s.capacity,
      remainingAttendeeCapacity: s.seatsLeft,
    });
  });
  return { '@context': 'https://schema.org', '@graph': events };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so no text can close the element. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
