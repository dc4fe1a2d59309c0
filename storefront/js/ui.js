// Small DOM helpers shared by the pages. Text is always set as text (never parsed as HTML), so
// product names, messages and e-mail addresses from the API cannot inject markup.
import { ApiError, NetworkError } from './api.js';
import { define, t } from './i18n.js';

/**
 * h('a', {href: '/x', class: 'link', onclick: fn}, 'text', child, [more]) → an element.
 * Attributes: on* are listeners, class, for, aria and data attributes as written, boolean true sets an empty
 * attribute, false/null/undefined leave it out. Children: strings, numbers, nodes, arrays, null.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'value' && 'value' in element) {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Tells screen-reader users what changed without moving their focus. */
export function announce(message) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  // A new text node after a tick is read again even when the message repeats.
  setTimeout(() => { announcer.textContent = message; }, 50);
}

/** What went wrong, in words a shopper understands: the API's own message, or a generic one. */
export function errorText(error) {
  if (error instanceof NetworkError) {
    return t('error.network');
  }
  if (error instanceof ApiError && error.message) {
    return error.message;
  }
  return t('error.generic');
}

/** An alert box for an error (role=alert: read out at once). */
export function errorBox(error) {
  const details = error instanceof ApiError ? error.details : [];
  return h('div', { class: 'notice notice-error', role: 'alert' },
    h('p', {}, errorText(error)),
    details.length ? h('ul', {}, details.map((d) => h('li', {}, d.field ? `${d.field}: ${d.problem}` : d.problem))) : null);
}

export function successBox(text) {
  return h('div', { class: 'notice notice-success', role: 'status' }, h('p', {}, text));
}

/** The availability badge of a product or variant (IN_STOCK, LOW_STOCK with unitsLeft, PREORDER, SOLD_OUT). */
export function availabilityBadge(item) {
  const availability = item.availability || 'SOLD_OUT';
  const text = availability === 'LOW_STOCK' && item.unitsLeft !== undefined
    ? t('availability.LOW_STOCK', { count: item.unitsLeft })
    : t('availability.' + availability);
  return h('span', { class: 'badge badge-' + availability.toLowerCase().replace('_', '-') }, text);
}

/** A button that shows it is busy while its action runs, and cannot be pressed twice meanwhile. */
export function busy(button, action) {
  return async (event) => {
    if (event) {
      event.preventDefault();
    }
    if (button.disabled) {
      return;
    }
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      await action();
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  };
}

define({
  en: {
    'availability.IN_STOCK': 'In stock',
    'availability.LOW_STOCK': ({ count }) => `Only ${count} left`,
    'availability.PREORDER': 'Pre-order',
    'availability.SOLD_OUT': 'Sold out',
  },
  cs: {
    'availability.IN_STOCK': 'Skladem',
    'availability.LOW_STOCK': ({ count }, form) => (form === 'one' ? 'Poslední kus'
      : form === 'few' ? `Poslední ${count} kusy` : `Posledních ${count} kusů`),
    'availability.PREORDER': 'Předobjednávka',
    'availability.SOLD_OUT': 'Vyprodáno',
  },
  fr: {
    'availability.IN_STOCK': 'En stock',
    'availability.LOW_STOCK': ({ count }, form) => (form === 'one' ? 'Plus qu’un article'
      : `Plus que ${count} articles`),
    'availability.PREORDER': 'Précommande',
    'availability.SOLD_OUT': 'Épuisé',
  },
  uk: {
    'availability.IN_STOCK': 'В наявності',
    'availability.LOW_STOCK': ({ count }, form) => (form === 'one' ? `Залишився ${count} товар`
      : form === 'few' ? `Залишилося ${count} товари` : `Залишилося ${count} товарів`),
    'availability.PREORDER': 'Передзамовлення',
    'availability.SOLD_OUT': 'Розпродано',
  },
});
