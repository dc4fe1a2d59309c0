// The cart and checkout: lines (change the quantity, remove), the shopper's details, a quote with
// each delivery option's price and estimate, the payment method, and the order. A short line (409)
// is shown next to that line. The same submission keeps its Idempotency-Key, so a retried click
// or a lost answer never places two orders.
import { api, ApiError, newIdempotencyKey } from '../api.js';
import * as cart from '../cart.js';
import { date, define, locale, money, t } from '../i18n.js';
import { announce, busy, errorBox, h } from '../ui.js';
import { addressLines, carrierName } from './shop-common.js';

const METHODS = ['HOME', 'PICKUP_POINT', 'STORE'];
const PAYMENTS = ['CARD', 'BANK_TRANSFER', 'CASH_ON_DELIVERY'];
/** What the shopper typed survives re-renders (language change, quantity change) while the page is open. */
const form = {
  email: '', name: '', phone: '', street: '', city: '', postcode: '', country: 'CZ', pickupPointId: '',
  method: 'HOME', payment: 'CARD', option: null,
};
let quote = null;          // {method, options, linesKey}
let storeNames = {};       // locationId → store, for STORE options
let lineProblems = {};     // sku → problem text from a 409
let lastAttempt = null;    // {body, key}: the same order body sends the same Idempotency-Key again

function linesKey(lines) {
  return JSON.stringify(lines.map((l) => [l.sku, l.quantity]));
}

function total(lines) {
  if (!lines.length) {
    return null;
  }
  const cents = lines.reduce((sum, l) => sum + Math.round(Number(l.price.amount) * 100) * l.quantity, 0);
  return { amount: (cents / 100).toFixed(2), currency: lines[0].price.currency };
}

export async function render({ main, navigate, isCurrent }) {
  const lines = cart.lines();
  if (!lines.length) {
    main.replaceChildren(h('h1', {}, t('cart.title')),
      h('p', {}, t('cart.empty')), h('p', {}, h('a', { href: '/' }, t('site.backHome'))));
    return t('cart.title');
  }
  if (quote && quote.linesKey !== linesKey(lines)) {
    quote = null;
    form.option = null;
  }

  const rerender = () => render({ main, navigate, isCurrent });
  const status = h('div', { id: 'checkout-status', class: 'shop-form-status' });

  const rows = lines.map((line, index) => {
    const quantityId = `cart-quantity-${index}`;
    const problemId = `cart-problem-${index}`;
    const problem = lineProblems[line.sku];
    return h('tr', { 'data-sku': line.sku, class: problem ? 'shop-line-short' : null },
      h('th', { scope: 'row' },
        h('a', { href: `/products/${encodeURIComponent(line.productId)}` }, line.name),
        line.variant ? h('div', { class: 'muted' }, line.variant) : null,
        line.preorder ? h('div', { class: 'shop-preorder' }, t('cart.preorderLine', { date: date(line.preorder.expectedDate) })) : null,
        problem ? h('p', { class: 'shop-line-problem', id: problemId, role: 'alert' }, t('cart.short', { problem })) : null),
      h('td', {}, money(line.price)),
      h('td', {},
        h('label', { for: quantityId, class: 'visually-hidden' }, t('cart.quantityFor', { name: `${line.name} ${line.variant || ''}`.trim() })),
        h('input', {
          id: quantityId, type: 'number', min: 1, max: 99, value: line.quantity, class: 'shop-qty', inputmode: 'numeric',
          'aria-describedby': problem ? problemId : null, 'aria-invalid': problem ? 'true' : null,
          onchange: (e) => {
            const quantity = Math.max(1, Math.min(99, Math.floor(Number(e.target.value)) || 1));
            delete lineProblems[line.sku];
            cart.setQuantity(line.sku, quantity);
            announce(t('cart.quantityChanged', { name: line.name, count: quantity }));
            rerender().then(() => document.getElementById(quantityId)?.focus());
          },
        })),
      h('td', {}, money({ amount: (Number(line.price.amount) * line.quantity).toFixed(2), currency: line.price.currency })),
      h('td', {}, h('button', {
        type: 'button', class: 'secondary shop-remove',
        'aria-label': t('cart.removeNamed', { name: `${line.name} ${line.variant || ''}`.trim() }),
        onclick: () => {
          delete lineProblems[line.sku];
          cart.remove(line.sku);
          announce(t('cart.removed', { name: line.name }));
          rerender().then(() => main.focus());
        },
      }, t('cart.remove'))));
  });

  const field = (name, type, autocomplete, { required = true, hint } = {}) => {
    const id = 'checkout-' + name;
    return h('div', { class: 'field' },
      h('label', { for: id }, t('cart.field.' + name), required ? null : h('span', { class: 'field-hint' }, ` (${t('cart.optional')})`)),
      hint ? h('span', { class: 'field-hint', id: id + '-hint' }, hint) : null,
      h('input', {
        id, name, type, autocomplete, required, value: form[name], 'aria-describedby': hint ? id + '-hint' : null,
        oninput: (e) => { form[name] = e.target.value; },
      }));
  };

  const methodChoice = h('fieldset', {},
    h('legend', {}, t('cart.method')),
    METHODS.map((method) => h('div', { class: 'shop-radio' },
      h('input', {
        type: 'radio', name: 'method', id: 'method-' + method, value: method, checked: form.method === method,
        onchange: () => { form.method = method; quote = null; form.option = null; rerender(); },
      }),
      h('label', { for: 'method-' + method }, t('cart.method.' + method)))));

  const addressFields = form.method === 'HOME' ? h('fieldset', {},
    h('legend', {}, t('cart.address')),
    field('street', 'text', 'street-address'),
    field('postcode', 'text', 'postal-code'),
    field('city', 'text', 'address-level2'),
    field('country', 'text', 'country', { hint: t('cart.countryHint') })) : null;
  const pickupField = form.method === 'PICKUP_POINT'
    ? field('pickupPointId', 'text', 'off', { hint: t('cart.pickupPointHint') }) : null;

  const quoteButton = h('button', { type: 'button', id: 'get-quote', class: 'secondary' }, t('cart.getQuote'));
  quoteButton.addEventListener('click', busy(quoteButton, async () => {
    status.replaceChildren();
    lineProblems = {};
    const delivery = { method: form.method };
    if (form.method === 'HOME' && form.postcode.trim()) {
      delivery.postcode = form.postcode.trim();
    }
    try {
      const answer = await api('POST', '/orders/quote', { body: { lines: orderLines(lines), delivery } });
      if (form.method === 'STORE') {
        const stores = await api('GET', `/skus/${encodeURIComponent(lines[0].sku)}/stores`);
        storeNames = Object.fromEntries((stores.items || []).map((s) => [s.locationId, s]));
      }
      quote = { method: form.method, options: answer.options || [], linesKey: linesKey(lines) };
      form.option = quote.options.length ? 0 : null;
      await rerender();
      announce(t('cart.optionsFound', { count: quote.options.length }));
      document.getElementById('delivery-options')?.focus();
    } catch (error) {
      await showError(error);
    }
  }));

  const optionLabel = (option) => {
    if (option.method === 'STORE') {
      const store = storeNames[option.storeId];
      return store ? `${store.name} (${addressLines(store.address).join(', ')})` : option.storeId;
    }
    return carrierName(option.carrier);
  };
  const estimate = (e) => (e.earliest === e.latest ? t('cart.arrivesOn', { date: date(e.earliest) })
    : t('cart.arrivesBetween', { from: date(e.earliest), to: date(e.latest) }));

  const options = quote ? h('fieldset', { id: 'delivery-options', tabindex: '-1' },
    h('legend', {}, t('cart.options')),
    quote.options.length ? quote.options.map((option, index) => h('div', { class: 'shop-radio shop-delivery-option' },
      h('input', {
        type: 'radio', name: 'option', id: 'option-' + index, value: String(index), checked: form.option === index,
        onchange: () => { form.option = index; },
      }),
      h('label', { for: 'option-' + index },
        h('span', { class: 'shop-option-name' }, optionLabel(option)), ' — ',
        h('span', { class: 'price' }, Number(option.price.amount) === 0 ? t('cart.free') : money(option.price)), ' — ',
        h('span', {}, estimate(option.estimatedDelivery)))))
      : h('p', {}, t('cart.noOptions'))) : null;

  const payment = h('fieldset', {},
    h('legend', {}, t('cart.payment')),
    PAYMENTS.map((method) => h('div', { class: 'shop-radio' },
      h('input', {
        type: 'radio', name: 'payment', id: 'payment-' + method, value: method, checked: form.payment === method,
        onchange: () => { form.payment = method; },
      }),
      h('label', { for: 'payment-' + method }, t('cart.payment.' + method)))));

  const placeButton = h('button', { type: 'submit', id: 'place-order', disabled: !quote || !quote.options.length }, t('cart.place'));
  const checkout = h('form', { class: 'shop-checkout', novalidate: true, 'aria-labelledby': 'checkout-heading' },
    h('h2', { id: 'checkout-heading' }, t('cart.checkout')),
    h('fieldset', {},
      h('legend', {}, t('cart.contact')),
      field('email', 'email', 'email'),
      field('name', 'text', 'name'),
      field('phone', 'tel', 'tel', { required: false })),
    methodChoice,
    addressFields,
    pickupField,
    h('div', { class: 'actions' }, quoteButton),
    options,
    quote && quote.options.length ? payment : null,
    h('div', { class: 'actions' }, placeButton),
    quote ? null : h('p', { class: 'muted' }, t('cart.quoteFirst')),
    status);

  checkout.addEventListener('submit', busy(placeButton, async () => {
    status.replaceChildren();
    const missing = missingFields();
    if (missing.length) {
      status.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert' },
        h('p', {}, t('cart.missing')), h('ul', {}, missing.map((name) => h('li', {},
          h('a', { href: '#' + fieldId(name), onclick: (e) => { e.preventDefault(); document.getElementById(fieldId(name))?.focus(); } },
            t('cart.field.' + name)))))));
      missing.forEach((name) => document.getElementById('checkout-' + name)?.setAttribute('aria-invalid', 'true'));
      document.getElementById(fieldId(missing[0]))?.focus();
      return;
    }
    const option = quote.options[form.option];
    const body = {
      customer: { email: form.email.trim(), name: form.name.trim(), locale: locale() },
      lines: orderLines(lines),
      delivery: { method: option.method },
      payment: { method: form.payment },
    };
    if (form.phone.trim()) body.customer.phone = form.phone.trim();
    if (option.carrier) body.delivery.carrier = option.carrier;
    if (option.storeId) body.delivery.storeId = option.storeId;
    if (option.method === 'HOME') {
      body.delivery.address = { name: form.name.trim(), street: form.street.trim(), city: form.city.trim(),
        postcode: form.postcode.trim(), country: form.country.trim().toUpperCase() };
    }
    if (option.method === 'PICKUP_POINT') body.delivery.pickupPointId = form.pickupPointId.trim();
    const text = JSON.stringify(body);
    if (!lastAttempt || lastAttempt.body !== text) {
      lastAttempt = { body: text, key: newIdempotencyKey() };
    }
    try {
      const order = await api('POST', '/orders', { body, idempotencyKey: lastAttempt.key });
      lastAttempt = null;
      quote = null;
      lineProblems = {};
      cart.clear();
      navigate(`/orders/${encodeURIComponent(order.orderId)}#token=${encodeURIComponent(order.accessToken)}`);
    } catch (error) {
      await showError(error);
    }
  }));

  function missingFields() {
    const names = ['email', 'name'];
    if (form.method === 'HOME') names.push('street', 'postcode', 'city', 'country');
    if (form.method === 'PICKUP_POINT') names.push('pickupPointId');
    const missing = names.filter((name) => !form[name].trim());
    const email = document.getElementById('checkout-email');
    if (form.email.trim() && email && !email.checkValidity()) missing.unshift('email');
    if (!quote || form.option === null || !quote.options[form.option]) missing.push('option');
    return [...new Set(missing)];
  }

  /** A short line goes next to its line; anything else above the button. */
  async function showError(error) {
    if (error instanceof ApiError && error.status === 409 && error.code === 'INSUFFICIENT_STOCK') {
      lineProblems = {};
      for (const detail of error.details) {
        const index = /^lines\[(\d+)\]/.exec(detail.field || '');
        if (index && lines[Number(index[1])]) {
          lineProblems[lines[Number(index[1])].sku] = detail.problem;
        }
      }
      quote = null;
      await rerender();
      document.getElementById('checkout-status')?.replaceChildren(h('div', { class: 'notice notice-error', role: 'alert' },
        h('p', {}, t('cart.shortLines'))));
      document.querySelector('.shop-line-short input')?.focus();
      return;
    }
    status.replaceChildren(errorBox(error));
  }

  main.replaceChildren(
    h('h1', {}, t('cart.title')),
    h('table', { class: 'shop-cart' },
      h('caption', { class: 'visually-hidden' }, t('cart.caption')),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('cart.product')), h('th', { scope: 'col' }, t('cart.price')),
        h('th', { scope: 'col' }, t('cart.quantity')), h('th', { scope: 'col' }, t('cart.lineTotal')),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('cart.actions'))))),
      h('tbody', {}, rows),
      h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row', colspan: 3 }, t('cart.goods')),
        h('td', { colspan: 2, class: 'price', id: 'cart-total' }, money(total(lines)))))),
    checkout);
  return t('cart.title');
}

/** The control a missing field's link moves to (the delivery option is chosen after the quote button). */
function fieldId(name) {
  return name === 'option' ? 'get-quote' : 'checkout-' + name;
}

function orderLines(lines) {
  return lines.map((l) => ({ sku: l.sku, quantity: l.quantity }));
}

define({
  en: {
    'cart.title': 'Your cart',
    'cart.empty': 'Your cart is empty.',
    'cart.caption': 'Items in your cart',
    'cart.product': 'Product',
    'cart.price': 'Price',
    'cart.quantity': 'Quantity',
    'cart.lineTotal': 'Total',
    'cart.actions': 'Actions',
    'cart.goods': 'Goods total',
    'cart.quantityFor': 'Quantity of {name}',
    'cart.quantityChanged': ({ count }, form) => (form === 'one' ? '{name}: 1 piece.' : '{name}: {count} pieces.'),
    'cart.remove': 'Remove',
    'cart.removeNamed': 'Remove {name}',
    'cart.removed': '{name} was removed from the cart.',
    'cart.preorderLine': 'Pre-order, expected {date}',
    'cart.short': 'Not enough stock: {problem}. Lower the quantity or remove the line.',
    'cart.shortLines': 'Some lines are short of stock; nothing was reserved. See the lines marked above.',
    'cart.checkout': 'Checkout',
    'cart.contact': 'Your details',
    'cart.optional': 'optional',
    'cart.field.email': 'E-mail',
    'cart.field.name': 'Full name',
    'cart.field.phone': 'Phone',
    'cart.field.street': 'Street and number',
    'cart.field.postcode': 'Postcode',
    'cart.field.city': 'City',
    'cart.field.country': 'Country',
    'cart.field.pickupPointId': 'Pickup point code',
    'cart.field.option': 'Delivery option',
    'cart.countryHint': 'Two-letter code, for example CZ.',
    'cart.pickupPointHint': 'The code of the pickup point you chose on the carrier’s map.',
    'cart.method': 'Delivery',
    'cart.method.HOME': 'To my address',
    'cart.method.PICKUP_POINT': 'To a pickup point',
    'cart.method.STORE': 'Collect in a store (free)',
    'cart.address': 'Delivery address',
    'cart.getQuote': 'Show delivery options',
    'cart.quoteFirst': 'Show the delivery options first, then choose one to place the order.',
    'cart.options': 'Delivery options',
    'cart.optionsFound': ({ count }, form) => (form === 'one' ? '1 delivery option.' : '{count} delivery options.'),
    'cart.noOptions': 'Nothing can deliver this cart this way. Try another delivery method.',
    'cart.free': 'free',
    'cart.arrivesOn': 'arrives {date}',
    'cart.arrivesBetween': 'arrives {from} – {to}',
    'cart.payment': 'Payment',
    'cart.payment.CARD': 'Card (pay online after ordering)',
    'cart.payment.BANK_TRANSFER': 'Bank transfer (QR payment)',
    'cart.payment.CASH_ON_DELIVERY': 'Cash on delivery',
    'cart.place': 'Place the order',
    'cart.missing': 'Please fill in:',
  },
  cs: {
    'cart.title': 'Váš košík',
    'cart.empty': 'Košík je prázdný.',
    'cart.caption': 'Zboží v košíku',
    'cart.product': 'Produkt',
    'cart.price': 'Cena',
    'cart.quantity': 'Počet',
    'cart.lineTotal': 'Celkem',
    'cart.actions': 'Akce',
    'cart.goods': 'Zboží celkem',
    'cart.quantityFor': 'Počet kusů: {name}',
    'cart.quantityChanged': ({ count }, form) => (form === 'one' ? '{name}: 1 kus.'
      : form === 'few' ? '{name}: {count} kusy.' : '{name}: {count} kusů.'),
    'cart.remove': 'Odebrat',
    'cart.removeNamed': 'Odebrat {name}',
    'cart.removed': '{name} je odebráno z košíku.',
    'cart.preorderLine': 'Předobjednávka, očekáváme {date}',
    'cart.short': 'Nedostatek zboží: {problem}. Snižte počet nebo položku odeberte.',
    'cart.shortLines': 'U některých položek chybí zboží; nic nebylo rezervováno. Podívejte se na označené položky výše.',
    'cart.checkout': 'Pokladna',
    'cart.contact': 'Vaše údaje',
    'cart.optional': 'nepovinné',
    'cart.field.email': 'E-mail',
    'cart.field.name': 'Jméno a příjmení',
    'cart.field.phone': 'Telefon',
    'cart.field.street': 'Ulice a číslo',
    'cart.field.postcode': 'PSČ',
    'cart.field.city': 'Město',
    'cart.field.country': 'Země',
    'cart.field.pickupPointId': 'Kód výdejního místa',
    'cart.field.option': 'Způsob doručení',
    'cart.countryHint': 'Dvoupísmenný kód, například CZ.',
    'cart.pickupPointHint': 'Kód výdejního místa, které jste vybrali na mapě dopravce.',
    'cart.method': 'Doprava',
    'cart.method.HOME': 'Na moji adresu',
    'cart.method.PICKUP_POINT': 'Na výdejní místo',
    'cart.method.STORE': 'Vyzvednutí v prodejně (zdarma)',
    'cart.address': 'Doručovací adresa',
    'cart.getQuote': 'Zobrazit možnosti doručení',
    'cart.quoteFirst': 'Nejdřív si zobrazte možnosti doručení a jednu vyberte; pak můžete objednat.',
    'cart.options': 'Možnosti doručení',
    'cart.optionsFound': ({ count }, form) => (form === 'one' ? '1 možnost doručení.'
      : form === 'few' ? '{count} možnosti doručení.' : '{count} možností doručení.'),
    'cart.noOptions': 'Tímto způsobem nelze košík doručit. Zkuste jiný způsob dopravy.',
    'cart.free': 'zdarma',
    'cart.arrivesOn': 'doručíme {date}',
    'cart.arrivesBetween': 'doručíme {from} – {to}',
    'cart.payment': 'Platba',
    'cart.payment.CARD': 'Kartou (online po objednání)',
    'cart.payment.BANK_TRANSFER': 'Bankovním převodem (QR platba)',
    'cart.payment.CASH_ON_DELIVERY': 'Na dobírku',
    'cart.place': 'Odeslat objednávku',
    'cart.missing': 'Vyplňte prosím:',
  },
  fr: {
    'cart.title': 'Votre panier',
    'cart.empty': 'Votre panier est vide.',
    'cart.caption': 'Articles de votre panier',
    'cart.product': 'Produit',
    'cart.price': 'Prix',
    'cart.quantity': 'Quantité',
    'cart.lineTotal': 'Total',
    'cart.actions': 'Actions',
    'cart.goods': 'Total des articles',
    'cart.quantityFor': 'Quantité de {name}',
    'cart.quantityChanged': ({ count }, form) => (form === 'one' ? '{name} : {count} article.' : '{name} : {count} articles.'),
    'cart.remove': 'Retirer',
    'cart.removeNamed': 'Retirer {name}',
    'cart.removed': '{name} a été retiré du panier.',
    'cart.preorderLine': 'Précommande, attendue le {date}',
    'cart.short': 'Stock insuffisant : {problem}. Réduisez la quantité ou retirez l’article.',
    'cart.shortLines': 'Le stock manque pour certains articles ; rien n’a été réservé. Voir les articles signalés ci-dessus.',
    'cart.checkout': 'Commande',
    'cart.contact': 'Vos coordonnées',
    'cart.optional': 'facultatif',
    'cart.field.email': 'E-mail',
    'cart.field.name': 'Nom complet',
    'cart.field.phone': 'Téléphone',
    'cart.field.street': 'Numéro et rue',
    'cart.field.postcode': 'Code postal',
    'cart.field.city': 'Ville',
    'cart.field.country': 'Pays',
    'cart.field.pickupPointId': 'Code du point relais',
    'cart.field.option': 'Mode de livraison',
    'cart.countryHint': 'Code à deux lettres, par exemple CZ.',
    'cart.pickupPointHint': 'Le code du point relais choisi sur la carte du transporteur.',
    'cart.method': 'Livraison',
    'cart.method.HOME': 'À mon adresse',
    'cart.method.PICKUP_POINT': 'En point relais',
    'cart.method.STORE': 'Retrait en magasin (gratuit)',
    'cart.address': 'Adresse de livraison',
    'cart.getQuote': 'Voir les options de livraison',
    'cart.quoteFirst': 'Affichez d’abord les options de livraison et choisissez-en une pour commander.',
    'cart.options': 'Options de livraison',
    'cart.optionsFound': ({ count }, form) => (form === 'one' ? '{count} option de livraison.' : '{count} options de livraison.'),
    'cart.noOptions': 'Aucune livraison possible de cette façon. Essayez un autre mode.',
    'cart.free': 'gratuit',
    'cart.arrivesOn': 'livré le {date}',
    'cart.arrivesBetween': 'livré entre le {from} et le {to}',
    'cart.payment': 'Paiement',
    'cart.payment.CARD': 'Carte (paiement en ligne après la commande)',
    'cart.payment.BANK_TRANSFER': 'Virement bancaire (paiement QR)',
    'cart.payment.CASH_ON_DELIVERY': 'Paiement à la livraison',
    'cart.place': 'Passer la commande',
    'cart.missing': 'Veuillez renseigner :',
  },
  uk: {
    'cart.title': 'Ваш кошик',
    'cart.empty': 'Кошик порожній.',
    'cart.caption': 'Товари в кошику',
    'cart.product': 'Товар',
    'cart.price': 'Ціна',
    'cart.quantity': 'Кількість',
    'cart.lineTotal': 'Разом',
    'cart.actions': 'Дії',
    'cart.goods': 'Товари разом',
    'cart.quantityFor': 'Кількість: {name}',
    'cart.quantityChanged': ({ count }, form) => (form === 'one' ? '{name}: {count} штука.'
      : form === 'few' ? '{name}: {count} штуки.' : '{name}: {count} штук.'),
    'cart.remove': 'Видалити',
    'cart.removeNamed': 'Видалити {name}',
    'cart.removed': '{name} видалено з кошика.',
    'cart.preorderLine': 'Передзамовлення, очікується {date}',
    'cart.short': 'Недостатньо товару: {problem}. Зменште кількість або видаліть позицію.',
    'cart.shortLines': 'Деяких товарів не вистачає; нічого не зарезервовано. Див. позначені позиції вище.',
    'cart.checkout': 'Оформлення замовлення',
    'cart.contact': 'Ваші дані',
    'cart.optional': 'необов’язково',
    'cart.field.email': 'Електронна пошта',
    'cart.field.name': 'Ім’я та прізвище',
    'cart.field.phone': 'Телефон',
    'cart.field.street': 'Вулиця та номер будинку',
    'cart.field.postcode': 'Поштовий індекс',
    'cart.field.city': 'Місто',
    'cart.field.country': 'Країна',
    'cart.field.pickupPointId': 'Код пункту видачі',
    'cart.field.option': 'Спосіб доставки',
    'cart.countryHint': 'Двобуквений код, наприклад CZ.',
    'cart.pickupPointHint': 'Код пункту видачі, який ви обрали на мапі перевізника.',
    'cart.method': 'Доставка',
    'cart.method.HOME': 'На мою адресу',
    'cart.method.PICKUP_POINT': 'До пункту видачі',
    'cart.method.STORE': 'Самовивіз із магазину (безкоштовно)',
    'cart.address': 'Адреса доставки',
    'cart.getQuote': 'Показати варіанти доставки',
    'cart.quoteFirst': 'Спершу перегляньте варіанти доставки й оберіть один, щоб оформити замовлення.',
    'cart.options': 'Варіанти доставки',
    'cart.optionsFound': ({ count }, form) => (form === 'one' ? '{count} варіант доставки.'
      : form === 'few' ? '{count} варіанти доставки.' : '{count} варіантів доставки.'),
    'cart.noOptions': 'Цим способом кошик доставити не можна. Спробуйте інший спосіб.',
    'cart.free': 'безкоштовно',
    'cart.arrivesOn': 'доставимо {date}',
    'cart.arrivesBetween': 'доставимо {from} – {to}',
    'cart.payment': 'Оплата',
    'cart.payment.CARD': 'Карткою (онлайн після замовлення)',
    'cart.payment.BANK_TRANSFER': 'Банківським переказом (QR-платіж)',
    'cart.payment.CASH_ON_DELIVERY': 'Післяплата',
    'cart.place': 'Оформити замовлення',
    'cart.missing': 'Будь ласка, заповніть:',
  },
});
