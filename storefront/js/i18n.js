// Four languages: the browser's first supported one, or the shopper's choice (kept in localStorage).
// Each page module registers its own messages with define(), so pages stay self-contained.

export const LOCALES = ['en', 'cs', 'fr', 'uk'];
export const LANGUAGE_NAMES = { en: 'English', cs: 'Čeština', fr: 'Français', uk: 'Українська' };
const STORAGE_KEY = 'shopcare.locale';
const messages = { en: {}, cs: {}, fr: {}, uk: {} };
const listeners = [];

function detect() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LOCALES.includes(saved)) {
    return saved;
  }
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const language = String(tag).toLowerCase().split('-')[0];
    if (LOCALES.includes(language)) {
      return language;
    }
  }
  return 'en';
}

let current = detect();

export function locale() {
  return current;
}

export function setLocale(next) {
  if (!LOCALES.includes(next) || next === current) {
    return;
  }
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener(next));
}

export function onLocaleChange(listener) {
  listeners.push(listener);
}

/** Adds messages: {en: {key: 'text'}, cs: {...}, fr: {...}, uk: {...}}; every key needs all four. */
export function define(table) {
  for (const language of LOCALES) {
    Object.assign(messages[language], table[language] || {});
  }
}

/**
 * The message for key in the current language, with {name} placeholders filled in. A message may
 * be a function of the values (plurals: Intl.PluralRules picks the form).
 */
export function t(key, values = {}) {
  const message = messages[current][key] ?? messages.en[key];
  if (message === undefined) {
    console.warn(`no message ${key}`);
    return key;
  }
  const text = typeof message === 'function' ? message(values, plural(values.count)) : message;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** The plural category of a count in the current language: one, few, many, other. */
export function plural(count) {
  return typeof count === 'number' ? new Intl.PluralRules(current).select(count) : 'other';
}

/** The conventions numbers and dates follow: a European shop's English is British English. */
function formatLocale() {
  return current === 'en' ? 'en-GB' : current;
}

export function money(value) {
  if (!value) {
    return '';
  }
  return new Intl.NumberFormat(formatLocale(), { style: 'currency', currency: value.currency })
    .format(Number(value.amount));
}

/** A date (2026-11-25) as the shopper reads dates, without shifting it through a time zone. */
export function date(iso) {
  if (!iso) {
    return '';
  }
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(year, month - 1, day)));
}

/** An instant in the shopper's own time zone. */
export function dateTime(iso) {
  return iso ? new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)) : '';
}

document.documentElement.lang = current;

define({
  en: {
    'site.name': 'Shopcare demo shop',
    'site.skip': 'Skip to content',
    'site.categories': 'Categories',
    'site.cart': 'Cart',
    'site.cartCount': ({ count }, form) => (form === 'one' ? 'Cart (1 item)' : `Cart (${count} items)`),
    'site.language': 'Language',
    'site.merchant': 'Merchant',
    'site.footer': 'A demo of Shopcare, the open-source customer-service back end for online shops.',
    'site.loading': 'Loading…',
    'site.notFound': 'This page does not exist.',
    'site.backHome': 'Back to the shop',
    'error.generic': 'Something went wrong. Please try again.',
    'error.network': 'The shop cannot be reached. Check your connection and try again.',
    'category.womens-jackets': "Women's jackets",
    'category.mens-shoes': "Men's shoes",
  },
  cs: {
    'site.name': 'Ukázkový obchod Shopcare',
    'site.skip': 'Přeskočit na obsah',
    'site.categories': 'Kategorie',
    'site.cart': 'Košík',
    'site.cartCount': ({ count }, form) => (form === 'one' ? 'Košík (1 položka)'
      : form === 'few' ? `Košík (${count} položky)` : `Košík (${count} položek)`),
    'site.language': 'Jazyk',
    'site.merchant': 'Pro obchodníka',
    'site.footer': 'Ukázka Shopcare, open-source zákaznického servisu pro e-shopy.',
    'site.loading': 'Načítám…',
    'site.notFound': 'Tato stránka neexistuje.',
    'site.backHome': 'Zpět do obchodu',
    'error.generic': 'Něco se pokazilo. Zkuste to prosím znovu.',
    'error.network': 'Obchod není dostupný. Zkontrolujte připojení a zkuste to znovu.',
    'category.womens-jackets': 'Dámské bundy',
    'category.mens-shoes': 'Pánské boty',
  },
  fr: {
    'site.name': 'Boutique de démonstration Shopcare',
    'site.skip': 'Aller au contenu',
    'site.categories': 'Catégories',
    'site.cart': 'Panier',
    'site.cartCount': ({ count }, form) => (form === 'one' ? `Panier (${count} article)` : `Panier (${count} articles)`),
    'site.language': 'Langue',
    'site.merchant': 'Espace marchand',
    'site.footer': 'Une démonstration de Shopcare, le service client open source pour les boutiques en ligne.',
    'site.loading': 'Chargement…',
    'site.notFound': "Cette page n'existe pas.",
    'site.backHome': 'Retour à la boutique',
    'error.generic': "Une erreur s'est produite. Veuillez réessayer.",
    'error.network': 'La boutique est injoignable. Vérifiez votre connexion et réessayez.',
    'category.womens-jackets': 'Vestes femme',
    'category.mens-shoes': 'Chaussures homme',
  },
  uk: {
    'site.name': 'Демонстраційний магазин Shopcare',
    'site.skip': 'Перейти до вмісту',
    'site.categories': 'Категорії',
    'site.cart': 'Кошик',
    'site.cartCount': ({ count }, form) => (form === 'one' ? `Кошик (${count} товар)`
      : form === 'few' ? `Кошик (${count} товари)` : `Кошик (${count} товарів)`),
    'site.language': 'Мова',
    'site.merchant': 'Для продавця',
    'site.footer': 'Демонстрація Shopcare — відкритого сервісу підтримки покупців для інтернет-магазинів.',
    'site.loading': 'Завантаження…',
    'site.notFound': 'Такої сторінки немає.',
    'site.backHome': 'Повернутися до магазину',
    'error.generic': 'Щось пішло не так. Спробуйте ще раз.',
    'error.network': 'Магазин недоступний. Перевірте з’єднання та спробуйте ще раз.',
    'category.womens-jackets': 'Жіночі куртки',
    'category.mens-shoes': 'Чоловіче взуття',
  },
});
