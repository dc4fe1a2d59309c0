// "What you can do": one button per action the order allows now (allowedActions), each opening a
// small form. Every form sends one request; its answer redraws the page, and an error (409 and
// the like) is shown in the form with the API's own message, the shopper's input kept.
import { api } from '../api.js';
import { date, define, money, t } from '../i18n.js';
import { busy, errorBox, h } from '../ui.js';
import { lineName, word } from './order-words.js';

const ORDER = ['CHANGE_PAYMENT', 'MODIFY', 'CANCEL', 'CHANGE_DELIVERY', 'EXTEND_PICKUP', 'RETURN', 'REPORT_PROBLEM'];

export function actionsSection(page, order) {
  const allowed = new Set(order.allowedActions || []);
  if (allowed.has('EXCHANGE')) {
    allowed.add('RETURN'); // one form returns for a refund or an exchange, offering what is allowed
  }
  const panels = ORDER.filter((action) => allowed.has(action)).map((action) => panel(page, order, action));
  if (!panels.length) {
    return null;
  }
  return h('section', { 'aria-labelledby': 'order-actions-heading', class: 'order-actions' },
    h('h2', { id: 'order-actions-heading' }, t('oa.heading')),
    h('ul', { class: 'order-action-list' }, panels.map((p) => h('li', {}, p))));
}

const FORMS = {
  CHANGE_PAYMENT: ['payment', paymentForm],
  MODIFY: ['modify', modifyForm],
  CANCEL: ['cancel', cancelForm],
  CHANGE_DELIVERY: ['slot', slotForm],
  EXTEND_PICKUP: ['pickup', extendForm],
  RETURN: ['return', returnForm],
  REPORT_PROBLEM: ['problem', problemForm],
};

/** A disclosure button and its form (hidden until the button is pressed). */
function panel(page, order, action) {
  const [name, build] = FORMS[action];
  const body = h('div', { id: `panel-${name}`, class: 'order-panel', hidden: true });
  const toggle = h('button', {
    type: 'button', id: `action-${name}`, class: 'secondary', 'aria-expanded': 'false', 'aria-controls': body.id,
    onclick: () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      body.hidden = !open;
      if (open) {
        if (!body.firstChild) {
          body.append(build(page, order, name));
        }
        body.querySelector('input, select, textarea, button')?.focus();
      }
    },
  }, t(`oa.${name}.button`, { payment: order.payment?.status }));
  return [toggle, body];
}

/**
 * A form whose submit runs send(): the form's error area shows a refusal, a success redraws the page.
 * send() returns [answer, message, extra?] or throws.
 */
function form(name, legend, fields, submitText, send, { page }) {
  const errors = h('div', { id: `${name}-errors` });
  const submit = h('button', { type: 'submit', id: `${name}-submit` }, submitText);
  const element = h('form', { id: `form-${name}`, class: 'order-form', novalidate: false },
    h('fieldset', {}, h('legend', {}, legend), fields, errors, h('div', { class: 'actions' }, submit)));
  element.addEventListener('submit', busy(submit, async () => {
    errors.replaceChildren();
    try {
      const result = await send();
      if (!result) {
        return;
      }
      page.keys.done(name);
      await page.done(...result);
    } catch (error) {
      showError(errors, error);
    }
  }));
  return element;
}

/** The refusal in the form: the API's message (or the shopper's slip), focused so it is read and seen. */
function showError(container, error) {
  const box = error.local
    ? h('div', { class: 'notice notice-error', role: 'alert' }, h('p', {}, error.message))
    : errorBox(error);
  box.setAttribute('tabindex', '-1');
  container.replaceChildren(box);
  box.focus();
}

/** A problem the shopper can fix before anything is sent. */
function invalid(message) {
  const error = new Error(message);
  error.local = true;
  return error;
}

function field(id, labelText, control, hint) {
  if (hint) {
    control.setAttribute('aria-describedby', `${id}-hint`);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), control,
    hint ? h('span', { class: 'field-hint', id: `${id}-hint` }, hint) : null);
}

function numberInput(id, value, max, min = 0) {
  return h('input', { type: 'number', id, name: id, min, max, step: 1, value: String(value), inputmode: 'numeric', required: true });
}

function units(input, max) {
  const value = Number(input.value);
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw invalid(t('oa.badQuantity', { max }));
  }
  return value;
}

// ---------------------------------------------------------------- pay again or another way

function paymentForm(page, order, name) {
  const current = order.payment?.method;
  const methods = ['CARD', 'BANK_TRANSFER', 'CASH_ON_DELIVERY'];
  const radios = methods.map((method) => h('div', { class: 'order-choice' },
    h('input', { type: 'radio', name: 'payment-method', id: `payment-${method}`, value: method, checked: method === current }),
    h('label', { for: `payment-${method}` }, word('method', method))));
  return form(name, t('oa.payment.legend'), [
    h('p', { class: 'field-hint' }, t(order.payment?.status === 'FAILED' ? 'oa.payment.hintFailed' : 'oa.payment.hint')),
    radios,
  ], t('oa.payment.submit'), async () => {
    const method = radios.map((r) => r.querySelector('input')).find((input) => input.checked)?.value;
    if (!method) {
      throw invalid(t('oa.payment.choose'));
    }
    const body = { method };
    const answer = await page.call('POST', '/payments', { body, idempotencyKey: page.keys.for(name, body) });
    return [null, t(method === 'BANK_TRANSFER' ? 'oa.payment.doneTransfer' : method === 'CARD' ? 'oa.payment.doneCard'
      : 'oa.payment.doneCod', { method: word('method', answer?.method || method) })];
  }, { page });
}

// ---------------------------------------------------------------- change the lines

function activeLines(order) {
  return order.lines.filter((line) => line.quantity > 0 && (line.status === 'RESERVED' || line.status === 'PREORDERED'));
}

function modifyForm(page, order, name) {
  const lines = activeLines(order);
  const inputs = lines.map((line, i) => numberInput(`modify-qty-${i}`, line.quantity, 99));
  return form(name, t('oa.modify.legend'), [
    h('p', { class: 'field-hint' }, t('oa.modify.hint')),
    lines.map((line, i) => field(`modify-qty-${i}`, t('oa.modify.quantity', { item: lineName(line) }), inputs[i],
      t('oa.unitPrice', { price: money(line.unitPrice) }))),
  ], t('oa.modify.submit'), async () => {
    const body = { lines: lines.map((line, i) => ({ sku: line.sku, quantity: units(inputs[i], 99) }))
      .filter((line) => line.quantity > 0) };
    if (!body.lines.length) {
      throw invalid(t('oa.modify.empty'));
    }
    const answer = await page.call('PATCH', '', { body });
    return [answer, t('oa.modify.done', { total: money(answer.total) })];
  }, { page });
}

// ---------------------------------------------------------------- cancel the order or some units

function cancelForm(page, order, name) {
  const lines = activeLines(order);
  const inputs = lines.map((line, i) => numberInput(`cancel-qty-${i}`, 0, line.quantity));
  const some = form(name, t('oa.cancel.legend'), [
    h('p', { class: 'field-hint' }, t('oa.cancel.hint')),
    lines.map((line, i) => field(`cancel-qty-${i}`, t('oa.cancel.quantity', { item: lineName(line) }), inputs[i],
      t('oa.cancel.of', { count: line.quantity }))),
  ], t('oa.cancel.submit'), async () => {
    const chosen = lines.map((line, i) => ({ sku: line.sku, quantity: units(inputs[i], line.quantity) }))
      .filter((line) => line.quantity > 0);
    if (!chosen.length) {
      throw invalid(t('oa.cancel.nothing'));
    }
    const body = { lines: chosen };
    const answer = await page.call('POST', '/cancellations', { body, idempotencyKey: page.keys.for(name, body) });
    const count = chosen.reduce((sum, line) => sum + line.quantity, 0);
    return [answer, answer.status === 'CANCELLED' ? t('oa.cancel.doneWhole') : t('oa.cancel.done', { count })];
  }, { page });

  // The whole order: a second, explicit confirmation before anything is sent.
  const errors = h('div', { id: 'cancel-all-errors' });
  const confirm = h('button', { type: 'button', class: 'danger', id: 'cancel-all-confirm' }, t('oa.cancelAll.confirm'));
  const keep = h('button', { type: 'button', class: 'secondary', id: 'cancel-all-keep' }, t('oa.cancelAll.keep'));
  const confirmation = h('div', { class: 'order-confirm', hidden: true, id: 'cancel-all-question' },
    h('p', {}, t('oa.cancelAll.question')), errors, h('div', { class: 'actions' }, confirm, keep));
  const start = h('button', { type: 'button', class: 'secondary', id: 'cancel-all', 'aria-controls': confirmation.id,
    'aria-expanded': 'false' }, t('oa.cancelAll.button'));
  start.addEventListener('click', () => {
    confirmation.hidden = false;
    start.setAttribute('aria-expanded', 'true');
    confirm.focus();
  });
  keep.addEventListener('click', () => {
    confirmation.hidden = true;
    start.setAttribute('aria-expanded', 'false');
    start.focus();
  });
  confirm.addEventListener('click', busy(confirm, async () => {
    errors.replaceChildren();
    try {
      const answer = await page.call('POST', '/cancellations', { body: {}, idempotencyKey: page.keys.for('cancel-all', {}) });
      page.keys.done('cancel-all');
      await page.done(answer, t('oa.cancel.doneWhole'));
    } catch (error) {
      showError(errors, error);
    }
  }));
  return h('div', {}, some, h('div', { class: 'order-cancel-all' }, start, confirmation));
}

// ---------------------------------------------------------------- delivery slot

function slotForm(page, order, name) {
  const slot = order.delivery?.slot;
  const earliest = order.estimatedDelivery?.earliest;
  const day = h('input', { type: 'date', id: 'slot-date', min: earliest, value: slot?.date || earliest || '', required: true });
  // Plain text fields for the times: a time input shows 12- or 24-hour clocks by browser, and the
  // carrier's windows are 24-hour times (08:00-12:00).
  const time = (id, value) => h('input', { type: 'text', id, value, required: true, inputmode: 'numeric', size: 5,
    maxlength: 5, autocomplete: 'off', 'aria-describedby': 'slot-time-hint' });
  const from = time('slot-from', slot?.from || '08:00');
  const to = time('slot-to', slot?.to || '12:00');
  return form(name, t('oa.slot.legend'), [
    field('slot-date', t('oa.slot.date'), day, earliest ? t('oa.slot.earliest', { date: date(earliest) }) : null),
    h('div', { class: 'order-inline' }, field('slot-from', t('oa.slot.from'), from), field('slot-to', t('oa.slot.to'), to)),
    h('p', { class: 'field-hint', id: 'slot-time-hint' }, t('oa.slot.hint')),
  ], t('oa.slot.submit'), async () => {
    const clock = (input) => {
      const found = /^\s*([01]?\d|2[0-3])[:.h]?([0-5]\d)\s*$/.exec(input.value);
      return found ? `${found[1].padStart(2, '0')}:${found[2]}` : null;
    };
    if (!day.value || !clock(from) || !clock(to)) {
      throw invalid(t('oa.slot.missing'));
    }
    const deliverySlot = { date: day.value, from: clock(from), to: clock(to) };
    const answer = await page.call('PUT', '/delivery', { body: { deliverySlot } });
    return [answer, t('oa.slot.done', { date: date(deliverySlot.date), from: deliverySlot.from, to: deliverySlot.to })];
  }, { page });
}

// ---------------------------------------------------------------- keep a pickup longer

function extendForm(page, order, name) {
  const days = h('select', { id: 'pickup-days', required: true },
    [1, 2, 3, 4, 5, 6, 7].map((n) => h('option', { value: String(n) }, t('oa.pickup.days', { count: n }))));
  return form(name, t('oa.pickup.legend'), [
    field('pickup-days', t('oa.pickup.label'), days,
      order.pickup?.storageUntil ? t('oa.pickup.now', { date: date(order.pickup.storageUntil) }) : null),
  ], t('oa.pickup.submit'), async () => {
    const answer = await page.call('PUT', '/delivery', { body: { extendPickupDays: Number(days.value) } });
    return [answer, t('oa.pickup.done', { date: date(answer.pickup?.storageUntil) })];
  }, { page });
}

// ---------------------------------------------------------------- return or exchange

const REASONS = ['WRONG_SIZE', 'DAMAGED', 'NOT_AS_DESCRIBED', 'CHANGED_MIND', 'OTHER'];

/** Units of each delivered line that can still be returned (delivered, not in a return yet). */
function returnable(order) {
  const pending = new Map();
  for (const r of order.returns || []) {
    if (r.status === 'REQUESTED') {
      for (const l of r.lines || []) {
        pending.set(l.sku, (pending.get(l.sku) || 0) + l.quantity);
      }
    }
  }
  return order.lines.filter((line) => line.status === 'FULFILLED')
    .map((line) => ({ line, max: Math.max(0, line.quantity - (pending.get(line.sku) || 0)) }))
    .filter((entry) => entry.max > 0);
}

function returnForm(page, order, name) {
  const allowed = new Set(order.allowedActions || []);
  const entries = returnable(order);
  if (!entries.length) {
    return h('p', {}, t('oa.return.nothing'));
  }
  const rows = entries.map(({ line, max }, i) => {
    const quantity = numberInput(`return-qty-${i}`, entries.length === 1 ? 1 : 0, max);
    const reason = h('select', { id: `return-reason-${i}` },
      REASONS.map((code) => h('option', { value: code }, word('reason', code))));
    return { line, max, quantity, reason, element: h('fieldset', { class: 'order-return-line' },
      h('legend', {}, lineName(line)),
      h('div', { class: 'order-inline' },
        field(`return-qty-${i}`, t('oa.return.quantity'), quantity, t('oa.return.of', { count: max })),
        field(`return-reason-${i}`, t('oa.return.reason'), reason))) };
  });
  const resolutions = ['REFUND', 'EXCHANGE'].filter((r) => allowed.has(r === 'REFUND' ? 'RETURN' : 'EXCHANGE'));
  const exchangeSku = h('select', { id: 'return-exchange-sku', disabled: true },
    h('option', { value: '' }, t('oa.return.loadingSizes')));
  const exchangeField = h('div', { hidden: true, id: 'return-exchange-field' },
    field('return-exchange-sku', t('oa.return.exchangeFor'), exchangeSku, t('oa.return.exchangeHint')));
  let sizesLoaded = false;
  const radios = resolutions.map((code, i) => {
    const input = h('input', { type: 'radio', name: 'return-resolution', id: `return-${code.toLowerCase()}`, value: code,
      checked: i === 0 });
    input.addEventListener('change', () => {
      exchangeField.hidden = code !== 'EXCHANGE';
      if (code === 'EXCHANGE' && !sizesLoaded) {
        sizesLoaded = true;
        loadSizes(entries.map((e) => e.line), exchangeSku);
      }
    });
    return h('div', { class: 'order-choice' }, input, h('label', { for: input.id }, t(`oa.return.${code}`)));
  });
  if (resolutions[0] === 'EXCHANGE') {
    exchangeField.hidden = false;
    sizesLoaded = true;
    loadSizes(entries.map((e) => e.line), exchangeSku);
  }
  return form(name, t('oa.return.legend'), [
    h('p', { class: 'field-hint' }, t('oa.return.hint', { date: date(order.returnUntil) })),
    rows.map((row) => row.element),
    h('fieldset', {}, h('legend', {}, t('oa.return.resolution')), radios),
    exchangeField,
  ], t('oa.return.submit'), async () => {
    const chosen = rows.map((row) => ({ sku: row.line.sku, productId: row.line.productId,
      quantity: units(row.quantity, row.max), reason: row.reason.value })).filter((l) => l.quantity > 0);
    if (!chosen.length) {
      throw invalid(t('oa.return.none'));
    }
    const resolution = radios.map((r) => r.querySelector('input')).find((input) => input.checked)?.value || resolutions[0];
    const body = { lines: chosen.map(({ sku, quantity, reason }) => ({ sku, quantity, reason })), resolution };
    if (resolution === 'EXCHANGE') {
      const option = exchangeSku.selectedOptions[0];
      if (!exchangeSku.value) {
        throw invalid(t('oa.return.chooseSize'));
      }
      if (chosen.some((l) => l.productId !== option.dataset.product)) {
        throw invalid(t('oa.return.sameProduct'));
      }
      body.exchangeSku = exchangeSku.value;
    }
    const answer = await page.call('POST', '/returns', { body, idempotencyKey: page.keys.for(name, body) });
    const extra = answer.label?.url ? h('p', {}, h('a', { href: answer.label.url, class: 'order-label-link' }, t('order.label')))
      : null;
    return [null, t(answer.refund ? 'oa.return.doneRefund' : 'oa.return.done',
      { id: answer.returnId, amount: money(answer.refund) }), extra];
  }, { page });
}

/** Fills the exchange select with the other sizes of the returned products (from the product pages). */
async function loadSizes(lines, select) {
  const products = [...new Map(lines.map((line) => [line.productId, line])).values()];
  const groups = [];
  try {
    for (const line of products) {
      const product = await api('GET', `/products/${encodeURIComponent(line.productId)}`);
      const variants = (product.variants || []).filter((v) => v.sku !== line.sku);
      groups.push(h('optgroup', { label: product.name || line.name }, variants.map((v) => {
        const buyable = v.availability === 'IN_STOCK' || v.availability === 'LOW_STOCK';
        return h('option', { value: v.sku, disabled: !buyable, 'data-product': line.productId },
          [[v.size, v.colour].filter(Boolean).join(', '), buyable ? '' : ` — ${t('availability.' + v.availability)}`].join(''));
      })));
    }
    select.replaceChildren(h('option', { value: '' }, t('oa.return.pickSize')), ...groups);
    select.disabled = false;
  } catch (error) {
    select.replaceChildren(h('option', { value: '' }, t('oa.return.sizesFailed')));
  }
}

// ---------------------------------------------------------------- report a problem

function problemForm(page, order, name) {
  const type = h('select', { id: 'problem-type', required: true },
    ['MISSING_ITEM', 'DAMAGED', 'LATE', 'OTHER'].map((code) => h('option', { value: code }, word('ticket', code))));
  const item = h('select', { id: 'problem-item' }, h('option', { value: '' }, t('oa.problem.wholeOrder')),
    order.lines.filter((line) => line.quantity > 0).map((line) => h('option', { value: line.sku }, lineName(line))));
  const message = h('textarea', { id: 'problem-message', rows: 4, maxlength: 2000, required: true });
  const dateHint = order.damageReportUntil ? t('oa.problem.damageBy', { date: date(order.damageReportUntil) }) : null;
  return form(name, t('oa.problem.legend'), [
    field('problem-type', t('oa.problem.type'), type, dateHint),
    field('problem-item', t('oa.problem.item'), item),
    field('problem-message', t('oa.problem.message'), message),
  ], t('oa.problem.submit'), async () => {
    if (!message.value.trim()) {
      throw invalid(t('oa.problem.empty'));
    }
    const body = { type: type.value, message: message.value.trim() };
    if (item.value) {
      body.lines = [{ sku: item.value, quantity: 1 }];
    }
    const answer = await page.call('POST', '/tickets', { body, idempotencyKey: page.keys.for(name, body) });
    return [null, t(answer.priority === 1 ? 'oa.problem.doneUrgent' : 'oa.problem.done', { id: answer.ticketId })];
  }, { page });
}

const cz = (one, few, other) => ({ count }, form) => (form === 'one' ? one : form === 'few' ? few : other)
  .replace('{count}', count);

define({
  en: {
    'oa.heading': 'What you can do',
    'oa.payment.button': ({ payment }) => (payment === 'FAILED' ? 'Pay again or another way' : 'Change how you pay'),
    'oa.payment.legend': 'How would you like to pay?',
    'oa.payment.hint': 'Switch to another method; the order keeps its items.',
    'oa.payment.hintFailed': 'The payment did not go through. Try the same method again or choose another one.',
    'oa.payment.submit': 'Confirm the payment method',
    'oa.payment.choose': 'Choose a payment method.',
    'oa.payment.doneTransfer': 'You now pay by bank transfer: the details and the QR code are below.',
    'oa.payment.doneCard': 'You now pay by card: use the payment link below.',
    'oa.payment.doneCod': 'You now pay on delivery.',
    'oa.modify.button': 'Change the order',
    'oa.modify.legend': 'Change the quantities',
    'oa.modify.hint': 'Set a quantity to 0 to remove the item.',
    'oa.modify.quantity': ({ item }) => `Quantity of ${item}`,
    'oa.modify.submit': 'Save the changes',
    'oa.modify.empty': 'An order needs at least one item. To drop everything, cancel the order.',
    'oa.modify.done': 'Your order was changed. The new total is {total}.',
    'oa.unitPrice': '{price} each',
    'oa.cancel.button': 'Cancel items or the order',
    'oa.cancel.legend': 'Cancel some items',
    'oa.cancel.hint': 'Choose how many units of each item you no longer want.',
    'oa.cancel.quantity': ({ item }) => `Units of ${item} to cancel`,
    'oa.cancel.of': ({ count }, form) => (form === 'one' ? 'You ordered 1.' : `You ordered ${count}.`),
    'oa.cancel.submit': 'Cancel the chosen units',
    'oa.cancel.nothing': 'Choose at least one unit to cancel.',
    'oa.cancel.done': ({ count }, form) => (form === 'one' ? 'We cancelled 1 unit.' : `We cancelled ${count} units.`),
    'oa.cancel.doneWhole': 'Your order is cancelled.',
    'oa.cancelAll.button': 'Cancel the whole order',
    'oa.cancelAll.question': 'Cancel the whole order? Anything you paid is refunded.',
    'oa.cancelAll.confirm': 'Yes, cancel the whole order',
    'oa.cancelAll.keep': 'No, keep it',
    'oa.badQuantity': ({ max }) => `Enter a whole number from 0 to ${max}.`,
    'oa.slot.button': 'Choose a delivery time',
    'oa.slot.legend': 'When should the courier come?',
    'oa.slot.date': 'Day',
    'oa.slot.earliest': 'The earliest day is {date}.',
    'oa.slot.from': 'From',
    'oa.slot.to': 'To',
    'oa.slot.hint': 'Times on the 24-hour clock, for example 08:00 and 12:00. The courier delivers in fixed windows; if yours is not one of them, we tell you which are.',
    'oa.slot.submit': 'Save the delivery time',
    'oa.slot.missing': 'Fill in the day and both times as hours and minutes, for example 08:00.',
    'oa.slot.done': 'The courier comes on {date} between {from} and {to}.',
    'oa.pickup.button': 'Keep it for me longer',
    'oa.pickup.legend': 'Extend the pickup time',
    'oa.pickup.label': 'Keep it for',
    'oa.pickup.days': ({ count }, form) => (form === 'one' ? '1 more day' : `${count} more days`),
    'oa.pickup.now': 'It is kept until {date} now.',
    'oa.pickup.submit': 'Extend',
    'oa.pickup.done': 'We keep it for you until {date}.',
    'oa.return.button': 'Return or exchange',
    'oa.return.legend': 'Return or exchange items',
    'oa.return.hint': 'Choose the units you send back and tell us why. You can return until {date}.',
    'oa.return.nothing': 'Every delivered unit is already in a return.',
    'oa.return.quantity': 'Units to send back',
    'oa.return.of': ({ count }, form) => (form === 'one' ? '1 can be returned.' : `Up to ${count} can be returned.`),
    'oa.return.reason': 'Reason',
    'oa.return.resolution': 'What would you like instead?',
    'oa.return.REFUND': 'My money back',
    'oa.return.EXCHANGE': 'Another size of the same product',
    'oa.return.exchangeFor': 'Exchange for',
    'oa.return.exchangeHint': 'Same price; we reserve it for you at once.',
    'oa.return.loadingSizes': 'Loading the sizes…',
    'oa.return.pickSize': 'Choose a size',
    'oa.return.sizesFailed': 'The sizes could not be loaded',
    'oa.return.chooseSize': 'Choose the size you want instead.',
    'oa.return.sameProduct': 'An exchange is for one product: return only units of the product you exchange.',
    'oa.return.none': 'Choose at least one unit to send back.',
    'oa.return.submit': 'Get the return label',
    'oa.return.done': 'Return {id} is recorded. Print the label and send the parcel.',
    'oa.return.doneRefund': 'Return {id} is recorded and {amount} refunded. Print the label and send the parcel.',
    'oa.problem.button': 'Report a problem',
    'oa.problem.legend': 'Tell us what went wrong',
    'oa.problem.type': 'What happened?',
    'oa.problem.damageBy': 'Report damage by {date}.',
    'oa.problem.item': 'Which item? (optional)',
    'oa.problem.wholeOrder': 'The whole order',
    'oa.problem.message': 'Your message',
    'oa.problem.submit': 'Send the report',
    'oa.problem.empty': 'Write a few words about the problem.',
    'oa.problem.done': 'Thank you. We have your report {id} and will reply by e-mail.',
    'oa.problem.doneUrgent': 'Thank you. Your report {id} is handled first; we reply by e-mail.',
  },
  cs: {
    'oa.heading': 'Co můžete udělat',
    'oa.payment.button': ({ payment }) => (payment === 'FAILED' ? 'Zaplatit znovu nebo jinak' : 'Změnit způsob platby'),
    'oa.payment.legend': 'Jak chcete zaplatit?',
    'oa.payment.hint': 'Zvolte jiný způsob platby, zboží v objednávce zůstane.',
    'oa.payment.hintFailed': 'Platba neprošla. Zkuste stejný způsob znovu, nebo zvolte jiný.',
    'oa.payment.submit': 'Potvrdit způsob platby',
    'oa.payment.choose': 'Zvolte způsob platby.',
    'oa.payment.doneTransfer': 'Nyní platíte bankovním převodem: údaje a QR kód najdete níže.',
    'oa.payment.doneCard': 'Nyní platíte kartou: použijte platební odkaz níže.',
    'oa.payment.doneCod': 'Nyní platíte při převzetí.',
    'oa.modify.button': 'Upravit objednávku',
    'oa.modify.legend': 'Změnit počty kusů',
    'oa.modify.hint': 'Počtem 0 položku odeberete.',
    'oa.modify.quantity': ({ item }) => `Počet kusů: ${item}`,
    'oa.modify.submit': 'Uložit změny',
    'oa.modify.empty': 'Objednávka musí obsahovat alespoň jednu položku. Pokud nechcete nic, objednávku zrušte.',
    'oa.modify.done': 'Objednávka byla upravena. Nová cena celkem je {total}.',
    'oa.unitPrice': '{price} za kus',
    'oa.cancel.button': 'Zrušit položky nebo objednávku',
    'oa.cancel.legend': 'Zrušit některé položky',
    'oa.cancel.hint': 'U každé položky zvolte, kolik kusů už nechcete.',
    'oa.cancel.quantity': ({ item }) => `Kolik kusů zrušit: ${item}`,
    'oa.cancel.of': cz('Objednali jste {count} kus.', 'Objednali jste {count} kusy.', 'Objednali jste {count} kusů.'),
    'oa.cancel.submit': 'Zrušit zvolené kusy',
    'oa.cancel.nothing': 'Zvolte alespoň jeden kus ke zrušení.',
    'oa.cancel.done': cz('Zrušili jsme {count} kus.', 'Zrušili jsme {count} kusy.', 'Zrušili jsme {count} kusů.'),
    'oa.cancel.doneWhole': 'Vaše objednávka je zrušena.',
    'oa.cancelAll.button': 'Zrušit celou objednávku',
    'oa.cancelAll.question': 'Opravdu zrušit celou objednávku? Vše, co jste zaplatili, vám vrátíme.',
    'oa.cancelAll.confirm': 'Ano, zrušit celou objednávku',
    'oa.cancelAll.keep': 'Ne, ponechat',
    'oa.badQuantity': ({ max }) => `Zadejte celé číslo od 0 do ${max}.`,
    'oa.slot.button': 'Zvolit čas doručení',
    'oa.slot.legend': 'Kdy má kurýr přijet?',
    'oa.slot.date': 'Den',
    'oa.slot.earliest': 'Nejdříve {date}.',
    'oa.slot.from': 'Od',
    'oa.slot.to': 'Do',
    'oa.slot.hint': 'Časy ve 24hodinovém formátu, například 08:00 a 12:00. Kurýr doručuje v pevných časových oknech; pokud zvolíte jiné, řekneme vám, která to jsou.',
    'oa.slot.submit': 'Uložit čas doručení',
    'oa.slot.missing': 'Vyplňte den a oba časy jako hodiny a minuty, například 08:00.',
    'oa.slot.done': 'Kurýr přijede {date} mezi {from} a {to}.',
    'oa.pickup.button': 'Podržet zboží déle',
    'oa.pickup.legend': 'Prodloužit lhůtu vyzvednutí',
    'oa.pickup.label': 'Podržet ještě',
    'oa.pickup.days': cz('{count} den', '{count} dny', '{count} dní'),
    'oa.pickup.now': 'Nyní je uloženo do {date}.',
    'oa.pickup.submit': 'Prodloužit',
    'oa.pickup.done': 'Zboží pro vás držíme do {date}.',
    'oa.return.button': 'Vrátit nebo vyměnit',
    'oa.return.legend': 'Vrátit nebo vyměnit zboží',
    'oa.return.hint': 'Zvolte kusy, které posíláte zpět, a napište proč. Vrátit je můžete do {date}.',
    'oa.return.nothing': 'Všechny doručené kusy už vracíte.',
    'oa.return.quantity': 'Kolik kusů vracíte',
    'oa.return.of': cz('Vrátit lze {count} kus.', 'Vrátit lze až {count} kusy.', 'Vrátit lze až {count} kusů.'),
    'oa.return.reason': 'Důvod',
    'oa.return.resolution': 'Co chcete místo toho?',
    'oa.return.REFUND': 'Vrátit peníze',
    'oa.return.EXCHANGE': 'Jinou velikost stejného zboží',
    'oa.return.exchangeFor': 'Vyměnit za',
    'oa.return.exchangeHint': 'Za stejnou cenu; hned vám ji rezervujeme.',
    'oa.return.loadingSizes': 'Načítám velikosti…',
    'oa.return.pickSize': 'Zvolte velikost',
    'oa.return.sizesFailed': 'Velikosti se nepodařilo načíst',
    'oa.return.chooseSize': 'Zvolte velikost, kterou chcete místo toho.',
    'oa.return.sameProduct': 'Výměna je vždy za stejné zboží: vracejte jen kusy zboží, které měníte.',
    'oa.return.none': 'Zvolte alespoň jeden kus k vrácení.',
    'oa.return.submit': 'Získat štítek pro vrácení',
    'oa.return.done': 'Vrácení {id} je zaznamenáno. Vytiskněte štítek a odešlete balík.',
    'oa.return.doneRefund': 'Vrácení {id} je zaznamenáno a {amount} vám vracíme. Vytiskněte štítek a odešlete balík.',
    'oa.problem.button': 'Nahlásit problém',
    'oa.problem.legend': 'Napište nám, co se stalo',
    'oa.problem.type': 'Co se stalo?',
    'oa.problem.damageBy': 'Poškození nahlaste do {date}.',
    'oa.problem.item': 'Které zboží? (nepovinné)',
    'oa.problem.wholeOrder': 'Celá objednávka',
    'oa.problem.message': 'Vaše zpráva',
    'oa.problem.submit': 'Odeslat hlášení',
    'oa.problem.empty': 'Napište pár slov o problému.',
    'oa.problem.done': 'Děkujeme. Vaše hlášení {id} máme a odpovíme e-mailem.',
    'oa.problem.doneUrgent': 'Děkujeme. Vaše hlášení {id} řešíme přednostně; odpovíme e-mailem.',
  },
  fr: {
    'oa.heading': 'Ce que vous pouvez faire',
    'oa.payment.button': ({ payment }) => (payment === 'FAILED' ? 'Payer à nouveau ou autrement' : 'Changer de mode de paiement'),
    'oa.payment.legend': 'Comment souhaitez-vous payer ?',
    'oa.payment.hint': 'Choisissez un autre mode ; la commande garde ses articles.',
    'oa.payment.hintFailed': 'Le paiement n’est pas passé. Réessayez avec le même mode ou choisissez-en un autre.',
    'oa.payment.submit': 'Confirmer le mode de paiement',
    'oa.payment.choose': 'Choisissez un mode de paiement.',
    'oa.payment.doneTransfer': 'Vous payez désormais par virement : les coordonnées et le code QR sont ci-dessous.',
    'oa.payment.doneCard': 'Vous payez désormais par carte : utilisez le lien de paiement ci-dessous.',
    'oa.payment.doneCod': 'Vous payez désormais à la livraison.',
    'oa.modify.button': 'Modifier la commande',
    'oa.modify.legend': 'Modifier les quantités',
    'oa.modify.hint': 'Mettez une quantité à 0 pour retirer l’article.',
    'oa.modify.quantity': ({ item }) => `Quantité de ${item}`,
    'oa.modify.submit': 'Enregistrer les modifications',
    'oa.modify.empty': 'Une commande contient au moins un article. Pour tout retirer, annulez la commande.',
    'oa.modify.done': 'Votre commande a été modifiée. Le nouveau total est de {total}.',
    'oa.unitPrice': '{price} l’unité',
    'oa.cancel.button': 'Annuler des articles ou la commande',
    'oa.cancel.legend': 'Annuler certains articles',
    'oa.cancel.hint': 'Indiquez combien d’unités de chaque article vous ne voulez plus.',
    'oa.cancel.quantity': ({ item }) => `Unités de ${item} à annuler`,
    'oa.cancel.of': ({ count }) => `Vous en avez commandé ${count}.`,
    'oa.cancel.submit': 'Annuler les unités choisies',
    'oa.cancel.nothing': 'Choisissez au moins une unité à annuler.',
    'oa.cancel.done': ({ count }, form) => (form === 'one' ? `Nous avons annulé ${count} unité.` : `Nous avons annulé ${count} unités.`),
    'oa.cancel.doneWhole': 'Votre commande est annulée.',
    'oa.cancelAll.button': 'Annuler toute la commande',
    'oa.cancelAll.question': 'Annuler toute la commande ? Tout ce que vous avez payé vous sera remboursé.',
    'oa.cancelAll.confirm': 'Oui, annuler toute la commande',
    'oa.cancelAll.keep': 'Non, la garder',
    'oa.badQuantity': ({ max }) => `Saisissez un nombre entier de 0 à ${max}.`,
    'oa.slot.button': 'Choisir un créneau de livraison',
    'oa.slot.legend': 'Quand le livreur doit-il passer ?',
    'oa.slot.date': 'Jour',
    'oa.slot.earliest': 'Au plus tôt le {date}.',
    'oa.slot.from': 'De',
    'oa.slot.to': 'À',
    'oa.slot.hint': 'Heures au format 24 h, par exemple 08:00 et 12:00. Le livreur passe dans des créneaux fixes ; si le vôtre n’en fait pas partie, nous vous indiquons lesquels.',
    'oa.slot.submit': 'Enregistrer le créneau',
    'oa.slot.missing': 'Indiquez le jour et les deux heures en heures et minutes, par exemple 08:00.',
    'oa.slot.done': 'Le livreur passe le {date} entre {from} et {to}.',
    'oa.pickup.button': 'La garder plus longtemps',
    'oa.pickup.legend': 'Prolonger le délai de retrait',
    'oa.pickup.label': 'La garder encore',
    'oa.pickup.days': ({ count }, form) => (form === 'one' ? `${count} jour de plus` : `${count} jours de plus`),
    'oa.pickup.now': 'Elle est gardée jusqu’au {date} pour l’instant.',
    'oa.pickup.submit': 'Prolonger',
    'oa.pickup.done': 'Nous la gardons pour vous jusqu’au {date}.',
    'oa.return.button': 'Retourner ou échanger',
    'oa.return.legend': 'Retourner ou échanger des articles',
    'oa.return.hint': 'Choisissez les unités que vous renvoyez et dites-nous pourquoi. Retour possible jusqu’au {date}.',
    'oa.return.nothing': 'Toutes les unités livrées font déjà l’objet d’un retour.',
    'oa.return.quantity': 'Unités à renvoyer',
    'oa.return.of': ({ count }, form) => (form === 'one' ? `${count} peut être retournée.` : `Jusqu’à ${count} peuvent être retournées.`),
    'oa.return.reason': 'Raison',
    'oa.return.resolution': 'Que souhaitez-vous à la place ?',
    'oa.return.REFUND': 'Être remboursé',
    'oa.return.EXCHANGE': 'Une autre taille du même produit',
    'oa.return.exchangeFor': 'Échanger contre',
    'oa.return.exchangeHint': 'Même prix ; nous la réservons pour vous tout de suite.',
    'oa.return.loadingSizes': 'Chargement des tailles…',
    'oa.return.pickSize': 'Choisissez une taille',
    'oa.return.sizesFailed': 'Impossible de charger les tailles',
    'oa.return.chooseSize': 'Choisissez la taille que vous voulez à la place.',
    'oa.return.sameProduct': 'Un échange porte sur un seul produit : ne renvoyez que les unités du produit échangé.',
    'oa.return.none': 'Choisissez au moins une unité à renvoyer.',
    'oa.return.submit': 'Obtenir l’étiquette de retour',
    'oa.return.done': 'Le retour {id} est enregistré. Imprimez l’étiquette et envoyez le colis.',
    'oa.return.doneRefund': 'Le retour {id} est enregistré et {amount} vous sont remboursés. Imprimez l’étiquette et envoyez le colis.',
    'oa.problem.button': 'Signaler un problème',
    'oa.problem.legend': 'Dites-nous ce qui ne va pas',
    'oa.problem.type': 'Que s’est-il passé ?',
    'oa.problem.damageBy': 'Signalez un dommage avant le {date}.',
    'oa.problem.item': 'Quel article ? (facultatif)',
    'oa.problem.wholeOrder': 'Toute la commande',
    'oa.problem.message': 'Votre message',
    'oa.problem.submit': 'Envoyer le signalement',
    'oa.problem.empty': 'Décrivez le problème en quelques mots.',
    'oa.problem.done': 'Merci. Nous avons bien reçu votre signalement {id} et vous répondrons par e-mail.',
    'oa.problem.doneUrgent': 'Merci. Votre signalement {id} est traité en priorité ; nous vous répondrons par e-mail.',
  },
  uk: {
    'oa.heading': 'Що можна зробити',
    'oa.payment.button': ({ payment }) => (payment === 'FAILED' ? 'Оплатити ще раз або інакше' : 'Змінити спосіб оплати'),
    'oa.payment.legend': 'Як ви хочете оплатити?',
    'oa.payment.hint': 'Оберіть інший спосіб; товари в замовленні залишаться.',
    'oa.payment.hintFailed': 'Оплата не пройшла. Спробуйте той самий спосіб ще раз або оберіть інший.',
    'oa.payment.submit': 'Підтвердити спосіб оплати',
    'oa.payment.choose': 'Оберіть спосіб оплати.',
    'oa.payment.doneTransfer': 'Тепер ви оплачуєте банківським переказом: реквізити та QR-код нижче.',
    'oa.payment.doneCard': 'Тепер ви оплачуєте карткою: скористайтеся посиланням на оплату нижче.',
    'oa.payment.doneCod': 'Тепер ви оплачуєте під час отримання.',
    'oa.modify.button': 'Змінити замовлення',
    'oa.modify.legend': 'Змінити кількість',
    'oa.modify.hint': 'Щоб прибрати товар, укажіть кількість 0.',
    'oa.modify.quantity': ({ item }) => `Кількість: ${item}`,
    'oa.modify.submit': 'Зберегти зміни',
    'oa.modify.empty': 'У замовленні має бути хоча б один товар. Щоб прибрати все, скасуйте замовлення.',
    'oa.modify.done': 'Замовлення змінено. Нова сума — {total}.',
    'oa.unitPrice': '{price} за одиницю',
    'oa.cancel.button': 'Скасувати товари або замовлення',
    'oa.cancel.legend': 'Скасувати деякі товари',
    'oa.cancel.hint': 'Укажіть, скільки одиниць кожного товару вам уже не потрібно.',
    'oa.cancel.quantity': ({ item }) => `Скільки скасувати: ${item}`,
    'oa.cancel.of': cz('Ви замовили {count} одиницю.', 'Ви замовили {count} одиниці.', 'Ви замовили {count} одиниць.'),
    'oa.cancel.submit': 'Скасувати вибрані одиниці',
    'oa.cancel.nothing': 'Виберіть хоча б одну одиницю для скасування.',
    'oa.cancel.done': cz('Ми скасували {count} одиницю.', 'Ми скасували {count} одиниці.', 'Ми скасували {count} одиниць.'),
    'oa.cancel.doneWhole': 'Ваше замовлення скасовано.',
    'oa.cancelAll.button': 'Скасувати все замовлення',
    'oa.cancelAll.question': 'Скасувати все замовлення? Усе, що ви сплатили, буде повернено.',
    'oa.cancelAll.confirm': 'Так, скасувати все замовлення',
    'oa.cancelAll.keep': 'Ні, залишити',
    'oa.badQuantity': ({ max }) => `Введіть ціле число від 0 до ${max}.`,
    'oa.slot.button': 'Обрати час доставки',
    'oa.slot.legend': 'Коли має приїхати кур’єр?',
    'oa.slot.date': 'День',
    'oa.slot.earliest': 'Найраніше {date}.',
    'oa.slot.from': 'З',
    'oa.slot.to': 'До',
    'oa.slot.hint': 'Час у 24-годинному форматі, наприклад 08:00 і 12:00. Кур’єр доставляє у фіксовані проміжки часу; якщо ваш не з них, ми підкажемо, які є.',
    'oa.slot.submit': 'Зберегти час доставки',
    'oa.slot.missing': 'Укажіть день і обидва часи в годинах і хвилинах, наприклад 08:00.',
    'oa.slot.done': 'Кур’єр приїде {date} між {from} і {to}.',
    'oa.pickup.button': 'Зберігати довше',
    'oa.pickup.legend': 'Подовжити термін зберігання',
    'oa.pickup.label': 'Зберігати ще',
    'oa.pickup.days': cz('{count} день', '{count} дні', '{count} днів'),
    'oa.pickup.now': 'Зараз зберігається до {date}.',
    'oa.pickup.submit': 'Подовжити',
    'oa.pickup.done': 'Ми зберігаємо його для вас до {date}.',
    'oa.return.button': 'Повернути або обміняти',
    'oa.return.legend': 'Повернути або обміняти товари',
    'oa.return.hint': 'Виберіть одиниці, які надсилаєте назад, і вкажіть причину. Повернути можна до {date}.',
    'oa.return.nothing': 'Усі доставлені одиниці вже в поверненні.',
    'oa.return.quantity': 'Скільки повертаєте',
    'oa.return.of': cz('Можна повернути {count} одиницю.', 'Можна повернути до {count} одиниць.', 'Можна повернути до {count} одиниць.'),
    'oa.return.reason': 'Причина',
    'oa.return.resolution': 'Що ви хочете натомість?',
    'oa.return.REFUND': 'Повернути гроші',
    'oa.return.EXCHANGE': 'Інший розмір того самого товару',
    'oa.return.exchangeFor': 'Обміняти на',
    'oa.return.exchangeHint': 'За тією самою ціною; ми одразу його зарезервуємо.',
    'oa.return.loadingSizes': 'Завантаження розмірів…',
    'oa.return.pickSize': 'Оберіть розмір',
    'oa.return.sizesFailed': 'Не вдалося завантажити розміри',
    'oa.return.chooseSize': 'Оберіть розмір, який хочете натомість.',
    'oa.return.sameProduct': 'Обмін стосується одного товару: повертайте лише одиниці товару, який обмінюєте.',
    'oa.return.none': 'Виберіть хоча б одну одиницю для повернення.',
    'oa.return.submit': 'Отримати етикетку для повернення',
    'oa.return.done': 'Повернення {id} зареєстровано. Роздрукуйте етикетку та надішліть посилку.',
    'oa.return.doneRefund': 'Повернення {id} зареєстровано, {amount} повернено. Роздрукуйте етикетку та надішліть посилку.',
    'oa.problem.button': 'Повідомити про проблему',
    'oa.problem.legend': 'Розкажіть, що сталося',
    'oa.problem.type': 'Що сталося?',
    'oa.problem.damageBy': 'Про пошкодження повідомте до {date}.',
    'oa.problem.item': 'Який товар? (необов’язково)',
    'oa.problem.wholeOrder': 'Усе замовлення',
    'oa.problem.message': 'Ваше повідомлення',
    'oa.problem.submit': 'Надіслати',
    'oa.problem.empty': 'Опишіть проблему кількома словами.',
    'oa.problem.done': 'Дякуємо. Ми отримали ваше звернення {id} і відповімо електронною поштою.',
    'oa.problem.doneUrgent': 'Дякуємо. Ваше звернення {id} розглянемо першочергово; відповімо електронною поштою.',
  },
});
