// A product: its sizes and colours (what cannot be bought is said in words, not colour alone), the
// chosen variant's availability, and what the shopper can do with it: add to cart, pre-order with
// the expected date, or leave an e-mail address to hear when it is back; in-stock alternatives; and
// which stores have it, with their hours and whether they are open now.
import { api, ApiError, newIdempotencyKey } from '../api.js';
import * as cart from '../cart.js';
import { date, define, locale, money, t } from '../i18n.js';
import { announce, availabilityBadge, busy, errorBox, h, successBox } from '../ui.js';
import { addressLines, colourName, openNow, openingHoursList, variantText } from './shop-common.js';

const DIMENSIONS = ['size', 'colour'];
const BUYABLE = ['IN_STOCK', 'LOW_STOCK', 'PREORDER'];

export async function render({ params, query, main, isCurrent }) {
  const [productId] = params;
  const product = await api('GET', `/products/${encodeURIComponent(productId)}`);
  if (!isCurrent()) {
    return '';
  }
  const variants = product.variants || [];
  const dimensions = DIMENSIONS.filter((d) => (product.options?.[d] || []).length > 0);
  // The first variant one can buy (or the one the link names), so the page opens on something useful.
  const named = variants.find((v) => v.sku === query.get('sku'));
  const start = named || variants.find((v) => BUYABLE.includes(v.availability)) || variants[0];
  const chosen = {};
  for (const d of dimensions) {
    chosen[d] = start ? start[d] : undefined;
  }

  const panel = h('div', { class: 'shop-variant-panel', id: 'variant-panel' });
  const pickers = h('div', { class: 'shop-pickers' });

  function selected() {
    return variants.find((v) => dimensions.every((d) => v[d] === chosen[d]));
  }

  /** The state of one option value next to the other choices: the variant it would make, or none. */
  function optionState(dimension, value) {
    const match = variants.find((v) => v[dimension] === value
      && dimensions.every((d) => d === dimension || !chosen[d] || v[d] === chosen[d]));
    if (match) {
      return match.availability;
    }
    const option = (product.options[dimension] || []).find((o) => o.value === value);
    return option && option.available ? 'IN_STOCK' : 'SOLD_OUT';
  }

  function renderPickers() {
    pickers.replaceChildren(...dimensions.map((dimension) => {
      const name = 'option-' + dimension;
      return h('fieldset', { class: 'shop-options' },
        h('legend', {}, t('product.choose.' + dimension)),
        h('div', { class: 'shop-option-row' }, product.options[dimension].map((option, index) => {
          const state = optionState(dimension, option.value);
          const buyable = BUYABLE.includes(state);
          const id = `${name}-${index}`;
          const noteId = `${id}-note`;
          const label = dimension === 'colour' ? colourName(option.value) : option.value;
          return h('div', { class: 'shop-option' + (buyable ? '' : ' shop-option-unavailable') },
            h('input', {
              type: 'radio', name, id, value: option.value, checked: chosen[dimension] === option.value,
              'aria-describedby': buyable && state !== 'PREORDER' ? null : noteId,
              onchange: () => {
                chosen[dimension] = option.value;
                renderPickers();
                renderPanel();
                document.getElementById(id)?.focus();
              },
            }),
            h('label', { for: id },
              h('span', { class: 'shop-option-value' }, label),
              buyable && state !== 'PREORDER' ? null
                : h('span', { class: 'shop-option-note', id: noteId }, t('product.note.' + state))));
        })));
    }));
  }

  function renderPanel() {
    const variant = selected();
    if (!variant) {
      panel.replaceChildren(h('p', { class: 'notice notice-info' }, t('product.noSuchVariant')));
      return;
    }
    const parts = [
      h('h2', {}, t('product.yourChoice', { variant: variantText(variant) || product.name })),
      h('p', {}, availabilityBadge(variant), ' ', h('span', { class: 'muted' }, t('product.sku', { sku: variant.sku }))),
    ];
    if (variant.availability === 'IN_STOCK' || variant.availability === 'LOW_STOCK') {
      parts.push(addToCartForm(variant, false));
    } else if (variant.availability === 'PREORDER') {
      parts.push(h('p', { class: 'shop-preorder' }, t('product.preorderInfo', {
        date: date(variant.preorder?.expectedDate), count: variant.preorder?.remaining ?? 0,
      })));
      parts.push(addToCartForm(variant, true));
    } else {
      parts.push(alertForm(variant));
    }
    parts.push(storesSection(variant));
    panel.replaceChildren(...parts);
  }

  function addToCartForm(variant, preorder) {
    const quantityId = 'quantity-' + variant.sku;
    const status = h('div', { class: 'shop-form-status' });
    const max = preorder ? Math.min(99, variant.preorder?.remaining ?? 99) : Math.min(99, variant.unitsLeft ?? 99);
    const quantity = h('input', { id: quantityId, type: 'number', min: 1, max: Math.max(1, max), value: 1, inputmode: 'numeric', required: true });
    const button = h('button', { type: 'submit', id: 'add-to-cart' },
      preorder ? t('product.preorderButton', { date: date(variant.preorder?.expectedDate) }) : t('product.addToCart'));
    const form = h('form', { class: 'shop-add', novalidate: true },
      h('div', { class: 'field shop-quantity' }, h('label', { for: quantityId }, t('product.quantity')), quantity),
      h('div', { class: 'actions' }, button),
      status);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const count = Number(quantity.value);
      if (!Number.isInteger(count) || count < 1 || count > max) {
        quantity.setAttribute('aria-invalid', 'true');
        status.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t('product.quantityRange', { max })));
        quantity.focus();
        return;
      }
      quantity.removeAttribute('aria-invalid');
      cart.add({
        sku: variant.sku, productId: product.productId, name: product.name, variant: variantText(variant),
        price: product.price, preorder: preorder ? { expectedDate: variant.preorder?.expectedDate } : undefined,
      }, count);
      const message = preorder ? t('product.preordered', { count }) : t('product.added', { count });
      status.replaceChildren(h('div', { class: 'notice notice-success', role: 'status' },
        h('p', {}, message, ' ', h('a', { href: '/cart' }, t('product.goToCart')))));
    });
    return form;
  }

  function alertForm(variant) {
    const emailId = 'alert-email-' + variant.sku;
    const hintId = emailId + '-hint';
    const email = h('input', { id: emailId, name: 'email', type: 'email', autocomplete: 'email', required: true, 'aria-describedby': hintId });
    const status = h('div', { class: 'shop-form-status' });
    const button = h('button', { type: 'submit', id: 'alert-submit' }, t('product.alertButton'));
    let attempt = null; // the same address for the same SKU sends the same Idempotency-Key again
    const form = h('form', { class: 'shop-alert', novalidate: true },
      h('h3', {}, t('product.alertTitle')),
      h('div', { class: 'field' },
        h('label', { for: emailId }, t('product.alertEmail')),
        h('span', { class: 'field-hint', id: hintId }, t('product.alertHint')),
        email),
      h('div', { class: 'actions' }, button),
      status);
    form.addEventListener('submit', busy(button, async () => {
      const address = email.value.trim();
      if (!address || !email.checkValidity()) {
        email.setAttribute('aria-invalid', 'true');
        status.replaceChildren(h('p', { class: 'notice notice-error', role: 'alert' }, t('product.alertInvalid')));
        email.focus();
        return;
      }
      email.removeAttribute('aria-invalid');
      if (!attempt || attempt.address !== address) {
        attempt = { address, key: newIdempotencyKey() };
      }
      try {
        await api('POST', `/skus/${encodeURIComponent(variant.sku)}/alerts`,
          { body: { email: address, locale: locale() }, idempotencyKey: attempt.key });
        form.replaceChildren(successBox(t('product.alertSent', { email: address })));
        announce(t('product.alertSent', { email: address }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) {
          email.setAttribute('aria-invalid', 'true');
        }
        status.replaceChildren(errorBox(error));
      }
    }));
    return form;
  }

  function storesSection(variant) {
    const region = h('div', { class: 'shop-stores', id: 'stores' });
    const button = h('button', { type: 'button', class: 'secondary', id: 'check-stores' }, t('product.storesButton'));
    button.addEventListener('click', busy(button, async () => {
      try {
        const answer = await api('GET', `/skus/${encodeURIComponent(variant.sku)}/stores`);
        const stores = answer.items || [];
        region.replaceChildren(
          h('h3', {}, t('product.storesTitle', { variant: variantText(variant) || product.name })),
          stores.length ? h('ul', { class: 'shop-store-list' }, stores.map(storeCard))
            : h('p', {}, t('product.noStores')));
        announce(t('product.storesFound', { count: stores.length }));
      } catch (error) {
        region.replaceChildren(errorBox(error));
      }
    }));
    return h('section', { class: 'shop-stores-section', 'aria-labelledby': 'stores-heading' },
      h('h2', { id: 'stores-heading' }, t('product.storesHeading')),
      h('div', { class: 'actions' }, button),
      region);
  }

  function storeCard(store) {
    const now = openNow(store.openingHours);
    return h('li', { class: 'card shop-store', 'data-location-id': store.locationId },
      h('h4', {}, store.name),
      h('p', {}, availabilityBadge(store), ' ',
        h('span', { class: 'shop-open ' + (now.open ? 'shop-open-yes' : 'shop-open-no') },
          now.open ? t('product.openNow', { closes: now.closes }) : t('product.closedNow'))),
      h('address', {}, addressLines(store.address).map((line, i) => [i ? h('br') : null, line]),
        store.phone ? [h('br'), h('a', { href: 'tel:' + store.phone.replace(/\s+/g, '') }, store.phone)] : null),
      h('details', {}, h('summary', {}, t('product.hours')), openingHoursList(store.openingHours)));
  }

  renderPickers();
  renderPanel();

  const alternatives = product.alternatives || [];
  main.replaceChildren(
    h('nav', { 'aria-label': t('product.breadcrumb'), class: 'shop-breadcrumb' },
      h('a', { href: '/' }, t('site.backHome'))),
    h('div', { class: 'shop-product' },
      h('div', { class: 'shop-product-info' },
        h('h1', {}, product.name),
        h('p', { class: 'price shop-price' }, money(product.price)),
        h('p', {}, availabilityBadge(product)),
        product.description ? h('p', { class: 'shop-description' }, product.description) : null),
      h('form', { class: 'shop-choice', 'aria-label': t('product.options'), onsubmit: (e) => e.preventDefault() }, pickers),
      panel),
    alternatives.length ? h('section', { class: 'shop-alternatives', 'aria-labelledby': 'alternatives-heading' },
      h('h2', { id: 'alternatives-heading' }, t('product.alternatives')),
      h('ul', { class: 'product-grid' }, alternatives.map((a) => h('li', { class: 'card' },
        h('h3', {}, h('a', { href: `/products/${encodeURIComponent(a.productId)}` }, a.name)),
        h('p', { class: 'price' }, money(a.price)),
        h('p', {}, availabilityBadge(a)))))) : null);
  return product.name;
}

define({
  en: {
    'product.breadcrumb': 'Breadcrumb',
    'product.options': 'Options',
    'product.choose.size': 'Size',
    'product.choose.colour': 'Colour',
    'product.note.SOLD_OUT': 'sold out',
    'product.note.PREORDER': 'pre-order',
    'product.noSuchVariant': 'This combination does not exist. Choose another size or colour.',
    'product.yourChoice': 'Your choice: {variant}',
    'product.sku': 'SKU {sku}',
    'product.quantity': 'Quantity',
    'product.quantityRange': 'Choose a quantity from 1 to {max}.',
    'product.addToCart': 'Add to cart',
    'product.preorderButton': 'Pre-order (expected {date})',
    'product.preorderInfo': ({ count }, form) => (form === 'one'
      ? 'Available to pre-order: expected {date}, 1 pre-order place left.'
      : 'Available to pre-order: expected {date}, {count} pre-order places left.'),
    'product.added': ({ count }, form) => (form === 'one' ? 'Added to your cart.' : '{count} pieces added to your cart.'),
    'product.preordered': ({ count }, form) => (form === 'one' ? 'Pre-order added to your cart.' : '{count} pieces pre-ordered in your cart.'),
    'product.goToCart': 'Go to the cart',
    'product.alertTitle': 'E-mail me when it is back',
    'product.alertEmail': 'Your e-mail address',
    'product.alertHint': 'We send one e-mail when this size is back in stock. Nothing else.',
    'product.alertButton': 'Notify me',
    'product.alertInvalid': 'Enter a valid e-mail address, like name@example.com.',
    'product.alertSent': 'Check your inbox to confirm: we sent a link to {email}.',
    'product.storesHeading': 'In a store near you',
    'product.storesButton': 'Check availability in a store',
    'product.storesTitle': 'Stores with {variant}',
    'product.storesFound': ({ count }, form) => (form === 'one' ? '1 store found.' : '{count} stores found.'),
    'product.noStores': 'No store carries this item.',
    'product.openNow': 'Open now, until {closes}',
    'product.closedNow': 'Closed now',
    'product.hours': 'Opening hours',
    'product.alternatives': 'Available instead',
  },
  cs: {
    'product.breadcrumb': 'Drobečková navigace',
    'product.options': 'Varianty',
    'product.choose.size': 'Velikost',
    'product.choose.colour': 'Barva',
    'product.note.SOLD_OUT': 'vyprodáno',
    'product.note.PREORDER': 'předobjednávka',
    'product.noSuchVariant': 'Tato kombinace neexistuje. Vyberte jinou velikost nebo barvu.',
    'product.yourChoice': 'Vaše volba: {variant}',
    'product.sku': 'Kód {sku}',
    'product.quantity': 'Počet kusů',
    'product.quantityRange': 'Zadejte počet od 1 do {max}.',
    'product.addToCart': 'Přidat do košíku',
    'product.preorderButton': 'Předobjednat (očekáváme {date})',
    'product.preorderInfo': ({ count }, form) => (form === 'one'
      ? 'Lze předobjednat: očekáváme {date}, zbývá 1 místo v předobjednávkách.'
      : form === 'few' ? 'Lze předobjednat: očekáváme {date}, zbývají {count} místa v předobjednávkách.'
        : 'Lze předobjednat: očekáváme {date}, zbývá {count} míst v předobjednávkách.'),
    'product.added': ({ count }, form) => (form === 'one' ? 'Přidáno do košíku.'
      : form === 'few' ? '{count} kusy přidány do košíku.' : '{count} kusů přidáno do košíku.'),
    'product.preordered': ({ count }, form) => (form === 'one' ? 'Předobjednávka je v košíku.'
      : form === 'few' ? '{count} kusy předobjednány v košíku.' : '{count} kusů předobjednáno v košíku.'),
    'product.goToCart': 'Přejít do košíku',
    'product.alertTitle': 'Pošlete mi e-mail, až bude zpět',
    'product.alertEmail': 'Váš e-mail',
    'product.alertHint': 'Pošleme jediný e-mail, až bude tato velikost znovu skladem. Nic jiného.',
    'product.alertButton': 'Upozornit mě',
    'product.alertInvalid': 'Zadejte platnou e-mailovou adresu, např. jmeno@example.com.',
    'product.alertSent': 'Potvrďte odběr ve své schránce: poslali jsme odkaz na {email}.',
    'product.storesHeading': 'V prodejně poblíž',
    'product.storesButton': 'Ověřit dostupnost v prodejně',
    'product.storesTitle': 'Prodejny s variantou {variant}',
    'product.storesFound': ({ count }, form) => (form === 'one' ? 'Nalezena 1 prodejna.'
      : form === 'few' ? 'Nalezeny {count} prodejny.' : 'Nalezeno {count} prodejen.'),
    'product.noStores': 'Žádná prodejna toto zboží nevede.',
    'product.openNow': 'Nyní otevřeno, do {closes}',
    'product.closedNow': 'Nyní zavřeno',
    'product.hours': 'Otevírací doba',
    'product.alternatives': 'Dostupné místo toho',
  },
  fr: {
    'product.breadcrumb': 'Fil d’Ariane',
    'product.options': 'Options',
    'product.choose.size': 'Taille',
    'product.choose.colour': 'Couleur',
    'product.note.SOLD_OUT': 'épuisé',
    'product.note.PREORDER': 'précommande',
    'product.noSuchVariant': 'Cette combinaison n’existe pas. Choisissez une autre taille ou couleur.',
    'product.yourChoice': 'Votre choix : {variant}',
    'product.sku': 'Réf. {sku}',
    'product.quantity': 'Quantité',
    'product.quantityRange': 'Choisissez une quantité de 1 à {max}.',
    'product.addToCart': 'Ajouter au panier',
    'product.preorderButton': 'Précommander (attendu le {date})',
    'product.preorderInfo': ({ count }, form) => (form === 'one'
      ? 'En précommande : attendu le {date}, plus que {count} place en précommande.'
      : 'En précommande : attendu le {date}, plus que {count} places en précommande.'),
    'product.added': ({ count }, form) => (form === 'one' ? 'Ajouté au panier.' : '{count} articles ajoutés au panier.'),
    'product.preordered': ({ count }, form) => (form === 'one' ? 'Précommande ajoutée au panier.' : '{count} articles précommandés dans le panier.'),
    'product.goToCart': 'Voir le panier',
    'product.alertTitle': 'Me prévenir par e-mail du retour',
    'product.alertEmail': 'Votre adresse e-mail',
    'product.alertHint': 'Nous envoyons un seul e-mail quand cette taille revient en stock. Rien d’autre.',
    'product.alertButton': 'Me prévenir',
    'product.alertInvalid': 'Saisissez une adresse e-mail valide, par exemple nom@example.com.',
    'product.alertSent': 'Consultez votre boîte de réception pour confirmer : nous avons envoyé un lien à {email}.',
    'product.storesHeading': 'Dans un magasin près de chez vous',
    'product.storesButton': 'Vérifier la disponibilité en magasin',
    'product.storesTitle': 'Magasins proposant {variant}',
    'product.storesFound': ({ count }, form) => (form === 'one' ? '{count} magasin trouvé.' : '{count} magasins trouvés.'),
    'product.noStores': 'Aucun magasin ne propose cet article.',
    'product.openNow': 'Ouvert, jusqu’à {closes}',
    'product.closedNow': 'Fermé en ce moment',
    'product.hours': 'Horaires d’ouverture',
    'product.alternatives': 'Disponible à la place',
  },
  uk: {
    'product.breadcrumb': 'Навігаційний ланцюжок',
    'product.options': 'Варіанти',
    'product.choose.size': 'Розмір',
    'product.choose.colour': 'Колір',
    'product.note.SOLD_OUT': 'розпродано',
    'product.note.PREORDER': 'передзамовлення',
    'product.noSuchVariant': 'Такої комбінації немає. Оберіть інший розмір або колір.',
    'product.yourChoice': 'Ваш вибір: {variant}',
    'product.sku': 'Артикул {sku}',
    'product.quantity': 'Кількість',
    'product.quantityRange': 'Укажіть кількість від 1 до {max}.',
    'product.addToCart': 'Додати до кошика',
    'product.preorderButton': 'Передзамовити (очікується {date})',
    'product.preorderInfo': ({ count }, form) => (form === 'one'
      ? 'Можна передзамовити: очікується {date}, залишилося {count} місце для передзамовлень.'
      : form === 'few' ? 'Можна передзамовити: очікується {date}, залишилося {count} місця для передзамовлень.'
        : 'Можна передзамовити: очікується {date}, залишилося {count} місць для передзамовлень.'),
    'product.added': ({ count }, form) => (form === 'one' ? '{count} товар додано до кошика.'
      : form === 'few' ? '{count} товари додано до кошика.' : '{count} товарів додано до кошика.'),
    'product.preordered': ({ count }, form) => (form === 'one' ? 'Передзамовлення ({count} товар) у кошику.'
      : form === 'few' ? 'Передзамовлення ({count} товари) у кошику.' : 'Передзамовлення ({count} товарів) у кошику.'),
    'product.goToCart': 'Перейти до кошика',
    'product.alertTitle': 'Повідомте мене листом, коли товар з’явиться',
    'product.alertEmail': 'Ваша електронна адреса',
    'product.alertHint': 'Ми надішлемо один лист, коли цей розмір знову буде в наявності. Нічого більше.',
    'product.alertButton': 'Повідомити мене',
    'product.alertInvalid': 'Введіть дійсну електронну адресу, наприклад name@example.com.',
    'product.alertSent': 'Перевірте пошту, щоб підтвердити: ми надіслали посилання на {email}.',
    'product.storesHeading': 'У магазині поблизу',
    'product.storesButton': 'Перевірити наявність у магазині',
    'product.storesTitle': 'Магазини з варіантом {variant}',
    'product.storesFound': ({ count }, form) => (form === 'one' ? 'Знайдено {count} магазин.'
      : form === 'few' ? 'Знайдено {count} магазини.' : 'Знайдено {count} магазинів.'),
    'product.noStores': 'Жоден магазин не має цього товару.',
    'product.openNow': 'Зараз відчинено, до {closes}',
    'product.closedNow': 'Зараз зачинено',
    'product.hours': 'Години роботи',
    'product.alternatives': 'Можна купити натомість',
  },
});
