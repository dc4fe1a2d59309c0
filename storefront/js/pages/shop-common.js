// What the shopper pages share: store opening hours (in the stores' own time zone), addresses,
// the variant's words, the demo's carrier names.
import { define, locale, t } from '../i18n.js';
import { h } from '../ui.js';

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
/** The demo's stores are in Prague; a store's own timezone is not part of the stores answer. */
export const STORE_TIME_ZONE = 'Europe/Prague';

/** The day's name in the shopper's language (MON → "Monday", "pondělí", ...). */
export function dayName(day) {
  const index = DAYS.indexOf(day);
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2024, 0, 1 + Math.max(index, 0))));
}

/** Day (MON..SUN) and time (HH:MM) now in timeZone. */
export function localDayAndTime(now = new Date(), timeZone = STORE_TIME_ZONE) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(now).map((p) => [p.type, p.value]));
  return { day: parts.weekday.slice(0, 3).toUpperCase(), time: `${parts.hour}:${parts.minute}` };
}

/** {open: true, closes} while opening hours run in the store's local time, else {open: false}. */
export function openNow(openingHours, now = new Date(), timeZone = STORE_TIME_ZONE) {
  const { day, time } = localDayAndTime(now, timeZone);
  const today = (openingHours || []).find((o) => o.day === day && o.opens <= time && time < o.closes);
  return today ? { open: true, closes: today.closes } : { open: false };
}

/** A postal address as lines ("Na Příkopě 22", "110 00 Praha"); accepts an object or a string. */
export function addressLines(address) {
  if (!address) {
    return [];
  }
  if (typeof address === 'string') {
    return [address];
  }
  return [address.name, address.street, [address.postcode, address.city].filter(Boolean).join(' ')].filter(Boolean);
}

/** "M · red" */
export function variantText(variant) {
  return [variant.size, variant.colour && colourName(variant.colour)].filter(Boolean).join(' · ');
}

export function colourName(colour) {
  const key = 'colour.' + colour;
  const text = t(key);
  return text === key ? colour : text;
}

export function carrierName(id) {
  const key = 'carrier.' + id;
  const text = t(key);
  return text === key ? id : text;
}

/** The opening hours as a definition list, today's row marked. */
export function openingHoursList(openingHours) {
  const { day: today } = localDayAndTime();
  return h('dl', { class: 'shop-hours' }, DAYS.map((day) => {
    const hours = (openingHours || []).filter((o) => o.day === day);
    const current = day === today;
    return [
      h('dt', { class: current ? 'shop-today' : null }, dayName(day), current ? ` (${t('shop.today')})` : ''),
      h('dd', { class: current ? 'shop-today' : null },
        hours.length ? hours.map((o) => `${o.opens}–${o.closes}`).join(', ') : t('shop.closedAllDay')),
    ];
  }));
}

const COLOURS = {
  en: { red: 'red', black: 'black', blue: 'blue', green: 'green', grey: 'grey', navy: 'navy', yellow: 'yellow',
    camel: 'camel', orange: 'orange', white: 'white', brown: 'brown', tan: 'tan' },
  cs: { red: 'červená', black: 'černá', blue: 'modrá', green: 'zelená', grey: 'šedá', navy: 'tmavě modrá',
    yellow: 'žlutá', camel: 'velbloudí', orange: 'oranžová', white: 'bílá', brown: 'hnědá', tan: 'světle hnědá' },
  fr: { red: 'rouge', black: 'noir', blue: 'bleu', green: 'vert', grey: 'gris', navy: 'bleu marine', yellow: 'jaune',
    camel: 'camel', orange: 'orange', white: 'blanc', brown: 'marron', tan: 'fauve' },
  uk: { red: 'червоний', black: 'чорний', blue: 'синій', green: 'зелений', grey: 'сірий', navy: 'темно-синій',
    yellow: 'жовтий', camel: 'пісочний', orange: 'помаранчевий', white: 'білий', brown: 'коричневий',
    tan: 'світло-коричневий' },
};
const prefixed = (table) => Object.fromEntries(Object.entries(table).map(([k, v]) => ['colour.' + k, v]));

define({
  en: {
    ...prefixed(COLOURS.en),
    'shop.today': 'today',
    'shop.closedAllDay': 'closed',
    'carrier.courier-express': 'Express courier',
    'carrier.post-standard': 'Standard post',
    'carrier.pickup-points': 'Pickup point network',
  },
  cs: {
    ...prefixed(COLOURS.cs),
    'shop.today': 'dnes',
    'shop.closedAllDay': 'zavřeno',
    'carrier.courier-express': 'Expresní kurýr',
    'carrier.post-standard': 'Standardní pošta',
    'carrier.pickup-points': 'Síť výdejních míst',
  },
  fr: {
    ...prefixed(COLOURS.fr),
    'shop.today': 'aujourd’hui',
    'shop.closedAllDay': 'fermé',
    'carrier.courier-express': 'Coursier express',
    'carrier.post-standard': 'Courrier standard',
    'carrier.pickup-points': 'Réseau de points relais',
  },
  uk: {
    ...prefixed(COLOURS.uk),
    'shop.today': 'сьогодні',
    'shop.closedAllDay': 'зачинено',
    'carrier.courier-express': 'Експрес-кур’єр',
    'carrier.post-standard': 'Стандартна пошта',
    'carrier.pickup-points': 'Мережа пунктів видачі',
  },
});
