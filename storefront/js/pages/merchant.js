// The merchant view of the local demo: /merchant (the fulfilment queue), /merchant/orders/{id} (one
// order with the admin events that fit it) and /merchant/tickets (the open tickets, most urgent
// first, with a reply that resolves them). It signs in with the admin token the local stack prints;
// in AWS the same /admin routes sit behind IAM, and a real back office signs its requests instead.
import { ApiError, adminToken, api, setAdminToken } from '../api.js';
import { date, dateTime, define, money, t } from '../i18n.js';
import { announce, busy, errorBox, h } from '../ui.js';
import { Keys } from './order-api.js';
import { addressText, lineName, linesTable, statusBadge, timelineList, word } from './order-words.js';

const STATUSES = ['CONFIRMED', 'PACKED', 'SHIPPED', 'READY_FOR_PICKUP', 'PENDING_PAYMENT', 'PAYMENT_FAILED',
  'DELIVERED', 'PICKED_UP', 'CANCELLED'];
const PAGE_SIZE = 20;
const keys = new Keys();
let go = () => {};

export async function render({ params, query, main, navigate, isCurrent }) {
  const [section = 'orders', id] = params;
  go = navigate;
  if (!adminToken()) {
    return signIn(main, navigate);
  }
  try {
    if (section === 'orders' && id) {
      return await orderPage(main, id, isCurrent);
    }
    if (section === 'orders') {
      return await queuePage(main, query, isCurrent);
    }
    if (section === 'tickets') {
      return await ticketsPage(main, query, isCurrent);
    }
    main.replaceChildren(h('h1', {}, t('site.notFound')), h('p', {}, h('a', { href: '/merchant' }, t('m.queue'))));
    return t('site.notFound');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setAdminToken(null);
      return isCurrent() ? signIn(main, navigate, t('m.signIn.refused')) : '';
    }
    throw error;
  }
}

/** The one line that says what this view is, and the merchant's navigation. */
function frame(current) {
  const link = (href, key, name) => h('li', {}, h('a', { href, 'aria-current': current === name ? 'page' : false }, t(key)));
  return [
    h('p', { class: 'notice notice-info merchant-note' }, t('m.localOnly')),
    h('nav', { class: 'merchant-nav', 'aria-label': t('m.nav') }, h('ul', {},
      link('/merchant/orders', 'm.queue', 'orders'),
      link('/merchant/tickets', 'm.tickets', 'tickets'),
      h('li', {}, h('button', { type: 'button', class: 'secondary', id: 'merchant-sign-out', onclick: () => {
        setAdminToken(null);
        announce(t('m.signedOut'));
        go('/merchant');
      } }, t('m.signOut'))))),
  ];
}

// ---------------------------------------------------------------- sign in

function signIn(main, navigate, message) {
  const input = h('input', { type: 'password', id: 'admin-token', name: 'admin-token', autocomplete: 'off', required: true,
    'aria-describedby': 'admin-token-hint', spellcheck: 'false' });
  const errors = h('div', { id: 'sign-in-errors' }, message ? errorBox(new ApiError(401, { message })) : null);
  const submit = h('button', { type: 'submit', id: 'sign-in' }, t('m.signIn.submit'));
  const form = h('form', { id: 'sign-in-form', class: 'order-form' },
    h('div', { class: 'field' },
      h('label', { for: 'admin-token' }, t('m.signIn.label')), input,
      h('span', { class: 'field-hint', id: 'admin-token-hint' }, t('m.signIn.hint'))),
    errors, h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', busy(submit, async () => {
    errors.replaceChildren();
    const token = input.value.trim();
    if (!token) {
      errors.replaceChildren(errorBox(new ApiError(400, { message: t('m.signIn.empty') })));
      return;
    }
    setAdminToken(token);
    try {
      await api('GET', '/admin/tickets?status=OPEN&limit=1', { admin: true });
    } catch (error) {
      setAdminToken(null);
      errors.replaceChildren(errorBox(error instanceof ApiError && error.status === 401
        ? new ApiError(401, { message: t('m.signIn.refused') }) : error));
      input.focus();
      return;
    }
    announce(t('m.signIn.done'));
    navigate(location.pathname + location.search, { replace: true });
  }));
  main.replaceChildren(
    h('h1', {}, t('m.signIn.title')),
    h('p', { class: 'notice notice-info merchant-note' }, t('m.localOnly')),
    form);
  if (message) {
    input.focus();
  }
  return t('m.signIn.title');
}

// ---------------------------------------------------------------- fulfilment queue

async function queuePage(main, query, isCurrent) {
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : 'CONFIRMED';
  const cursor = query.get('cursor');
  const params = new URLSearchParams({ status, limit: String(PAGE_SIZE) });
  if (cursor) {
    params.set('cursor', cursor);
  }
  const page = await api('GET', `/admin/orders?${params}`, { admin: true });
  if (!isCurrent()) {
    return '';
  }
  const select = h('select', { id: 'queue-status', name: 'status' },
    STATUSES.map((code) => h('option', { value: code, selected: code === status }, word('status', code))));
  const filter = h('form', { class: 'merchant-filter', method: 'get', action: '/merchant/orders' },
    h('div', { class: 'field' }, h('label', { for: 'queue-status' }, t('m.queue.status')), select),
    h('button', { type: 'submit', id: 'queue-show' }, t('m.queue.show')));
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    go(`/merchant/orders?status=${encodeURIComponent(select.value)}`);
  });
  const items = page.items || [];
  const table = items.length ? h('table', { class: 'merchant-table', id: 'queue' },
    h('caption', {}, t('m.queue.caption', { status: word('status', status) })),
    h('thead', {}, h('tr', {}, ['m.col.order', 'm.col.placed', 'm.col.customer', 'm.col.items', 'm.col.total',
      'm.col.delivery', 'm.col.payment'].map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, items.map((order) => h('tr', {},
      h('th', { scope: 'row' }, h('a', { href: `/merchant/orders/${encodeURIComponent(order.orderId)}` }, order.orderId)),
      h('td', {}, dateTime(order.createdAt)),
      h('td', { class: 'merchant-wrap' }, order.customer?.name || '', h('br'), h('span', { class: 'muted' }, order.customer?.email || '')),
      h('td', {}, String((order.lines || []).reduce((sum, line) => sum + line.quantity, 0))),
      h('td', {}, money(order.total)),
      h('td', {}, word('delivery', order.delivery?.method)),
      h('td', {}, word('payment', order.payment?.status))))))
    : h('p', { id: 'queue-empty' }, t('m.queue.empty', { status: word('status', status) }));
  const paging = h('div', { class: 'merchant-paging' },
    cursor ? h('a', { href: `/merchant/orders?status=${status}` }, t('m.firstPage')) : null,
    page.nextCursor ? h('a', { href: `/merchant/orders?status=${status}&cursor=${encodeURIComponent(page.nextCursor)}`,
      id: 'queue-next' }, t('m.nextPage')) : null);
  main.replaceChildren(h('h1', {}, t('m.queue')), ...frame('orders'), filter, table, paging);
  return t('m.queue');
}

// ---------------------------------------------------------------- one order and its events

async function orderPage(main, orderId, isCurrent) {
  const order = await api('GET', `/admin/orders/${encodeURIComponent(orderId)}`, { admin: true });
  if (!isCurrent()) {
    return '';
  }
  drawOrder(main, order);
  return t('m.order.title', { id: order.orderId });
}

function drawOrder(main, order, notice) {
  const facts = [
    [t('m.col.customer'), `${order.customer?.name || ''} <${order.customer?.email || ''}>`],
    [t('m.col.placed'), dateTime(order.createdAt)],
    [t('m.col.delivery'), word('delivery', order.delivery?.method) + (order.delivery?.carrier ? ` (${order.delivery.carrier})` : '')
      + (order.delivery?.storeId ? ` (${order.delivery.storeId})` : '')],
    order.delivery?.address ? [t('m.order.address'), addressText(order.delivery.address)] : null,
    order.delivery?.slot ? [t('m.order.slot'), `${date(order.delivery.slot.date)}, ${order.delivery.slot.from}–${order.delivery.slot.to}`] : null,
    order.estimatedDelivery ? [t('m.order.estimate'), `${date(order.estimatedDelivery.earliest)} – ${date(order.estimatedDelivery.latest)}`] : null,
    [t('m.col.payment'), `${word('method', order.payment?.method)}: ${word('payment', order.payment?.status)}`],
    [t('m.col.total'), money(order.total)],
    order.tracking ? [t('m.order.tracking'), h('a', { href: order.tracking.url, rel: 'noopener noreferrer' }, order.tracking.trackingNumber)] : null,
  ].filter(Boolean);
  const content = [
    h('h1', {}, t('m.order.title', { id: order.orderId })),
    ...frame(null),
    notice ? h('div', { class: 'notice notice-success', id: 'merchant-notice', tabindex: '-1' }, h('p', {}, notice)) : null,
    h('p', { class: 'order-status-line' }, t('m.order.status'), ' ', statusBadge(order.status)),
    h('p', {}, h('a', { href: `/merchant/orders?status=${order.status}` }, t('m.order.back', { status: word('status', order.status) }))),
    h('dl', { class: 'order-facts' }, facts.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    eventsSection(main, order),
    h('h2', {}, t('m.order.items')),
    linesTable(order, t('m.order.items')),
    order.returns?.length ? [h('h2', {}, t('m.order.returns')), h('ul', {}, order.returns.map((r) => h('li', {},
      `${r.returnId}: ${word('returnStatus', r.status)}, ${word('resolution', r.resolution)} — `
      + (r.lines || []).map((l) => `${l.quantity} × ${l.sku} (${word('reason', l.reason)})`).join(', '))))] : null,
    order.tickets?.length ? [h('h2', {}, t('m.tickets')), h('ul', {}, order.tickets.map((ticket) => h('li', {},
      `${ticket.ticketId}: ${word('ticket', ticket.type)}, ${t('ow.priority', { count: ticket.priority })}, `
      + word('ticketStatus', ticket.status))))] : null,
    h('h2', {}, t('m.order.history')),
    timelineList(order),
  ];
  main.replaceChildren(...content.flat().filter(Boolean));
  if (notice) {
    document.getElementById('merchant-notice').focus();
  }
}

/** The admin events that fit the order now (the API's own rule; it still answers 409 to any other). */
function fittingEvents(order) {
  const status = order.status;
  const method = order.delivery?.method;
  const payment = order.payment?.status;
  const unpaid = status === 'PENDING_PAYMENT' || status === 'PAYMENT_FAILED';
  const fits = {
    PAID: order.payment?.method !== 'CASH_ON_DELIVERY'
      && (unpaid || (status === 'CANCELLED' && (payment === 'PENDING' || payment === 'FAILED'))),
    PAYMENT_FAILED: status === 'PENDING_PAYMENT',
    PACKED: status === 'CONFIRMED' && !(order.lines || []).some((line) => line.status === 'PREORDERED'),
    SHIPPED: method !== 'STORE' && (status === 'PACKED' || status === 'SHIPPED'),
    READY_FOR_PICKUP: (method === 'STORE' && status === 'PACKED') || (method === 'PICKUP_POINT' && status === 'SHIPPED'),
    DELIVERED: method === 'HOME' && status === 'SHIPPED',
    PICKED_UP: status === 'READY_FOR_PICKUP',
    RETURN_RECEIVED: (order.returns || []).some((r) => r.status === 'REQUESTED'),
    REFUNDED: payment === 'PAID' || payment === 'PARTIALLY_REFUNDED',
    CANCELLED: unpaid || status === 'CONFIRMED' || status === 'PACKED',
  };
  return Object.keys(fits).filter((type) => fits[type]);
}

function eventsSection(main, order) {
  const events = fittingEvents(order);
  return [
    h('h2', { id: 'merchant-events-heading' }, t('m.events')),
    events.length ? h('div', { class: 'merchant-events' }, events.map((type) => eventForm(main, order, type)))
      : h('p', {}, t('m.events.none')),
  ];
}

function input(id, label, attributes = {}, hint) {
  const control = h(attributes.multiline ? 'textarea' : 'input', { id, name: id, ...attributes, multiline: null,
    'aria-describedby': hint ? `${id}-hint` : null });
  return [control, h('div', { class: 'field' }, h('label', { for: id }, label), control,
    hint ? h('span', { class: 'field-hint', id: `${id}-hint` }, hint) : null)];
}

function eventForm(main, order, type) {
  const fields = [];
  const read = [];
  if (type === 'SHIPPED') {
    const [carrier, carrierField] = input('event-carrier', t('m.event.carrier'), { value: order.delivery?.carrier || '' });
    const [number, numberField] = input('event-tracking-number', t('m.event.trackingNumber'), { required: true });
    const [url, urlField] = input('event-tracking-url', t('m.event.trackingUrl'), { type: 'url' }, t('m.event.trackingUrlHint'));
    fields.push(carrierField, numberField, urlField);
    read.push((body) => {
      if (carrier.value.trim()) body.carrier = carrier.value.trim();
      body.trackingNumber = number.value.trim();
      if (url.value.trim()) body.trackingUrl = url.value.trim();
    });
  }
  if (type === 'READY_FOR_PICKUP' && order.delivery?.method === 'PICKUP_POINT') {
    const [name, nameField] = input('event-point-name', t('m.event.pointName'), { required: true });
    const [address, addressField] = input('event-point-address', t('m.event.pointAddress'), { required: true });
    const [hours, hoursField] = input('event-point-hours', t('m.event.pointHours'),
      { multiline: true, rows: 3, required: true, value: 'MON 08:00-20:00' }, t('m.event.pointHoursHint'));
    fields.push(nameField, addressField, hoursField);
    read.push((body) => {
      body.pickupPoint = { name: name.value.trim(), address: address.value.trim(), openingHours: hours.value.split('\n')
        .map((row) => row.trim().match(/^([A-Za-z]{3})\s+(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/))
        .filter(Boolean).map(([, day, opens, closes]) => ({ day: day.toUpperCase(), opens, closes })) };
    });
  }
  if (type === 'RETURN_RECEIVED') {
    const select = h('select', { id: 'event-return-id', required: true }, (order.returns || [])
      .filter((r) => r.status === 'REQUESTED').map((r) => h('option', { value: r.returnId },
        `${r.returnId} (${(r.lines || []).map((l) => `${l.quantity} × ${l.sku}`).join(', ')})`)));
    fields.push(h('div', { class: 'field' }, h('label', { for: 'event-return-id' }, t('m.event.returnId')), select));
    read.push((body) => { body.returnId = select.value; });
  }
  if (type === 'REFUNDED') {
    const [amount, amountField] = input('event-amount', t('m.event.amount', { currency: order.total?.currency || '' }),
      { required: true, inputmode: 'decimal', pattern: '\\d+(\\.\\d{1,2})?', placeholder: '10.00' });
    fields.push(amountField);
    read.push((body) => {
      const value = amount.value.trim().replace(',', '.');
      body.amount = value.includes('.') ? value.padEnd(value.indexOf('.') + 3, '0') : value + '.00';
    });
  }
  const errors = h('div', {});
  const submit = h('button', { type: 'submit', id: `event-${type}`, class: type === 'CANCELLED' || type === 'PAYMENT_FAILED' ? 'danger' : null },
    t(`m.event.${type}`));
  const form = h('form', { id: `event-form-${type}`, 'aria-labelledby': `event-heading-${type}` },
    h('h3', { id: `event-heading-${type}` }, word('event', type)),
    h('p', { class: 'field-hint' }, t(`m.eventHint.${type}`)),
    fields, errors, submit);
  form.addEventListener('submit', busy(submit, async () => {
    errors.replaceChildren();
    const body = { type };
    read.forEach((fill) => fill(body));
    try {
      const answer = await api('POST', `/admin/orders/${encodeURIComponent(order.orderId)}/events`,
        { admin: true, body, idempotencyKey: keys.for(`${order.orderId}:${type}`, body) });
      keys.done(`${order.orderId}:${type}`);
      const message = t('m.event.done', { event: word('event', type), status: word('status', answer.status) });
      drawOrder(main, answer, message);
      announce(message);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setAdminToken(null);
        go(location.pathname, { replace: true });
        return;
      }
      const box = errorBox(error);
      box.setAttribute('tabindex', '-1');
      errors.replaceChildren(box);
      box.focus();
    }
  }));
  return form;
}

// ---------------------------------------------------------------- tickets

async function ticketsPage(main, query, isCurrent) {
  const cursor = query.get('cursor');
  const params = new URLSearchParams({ status: 'OPEN', limit: String(PAGE_SIZE) });
  if (cursor) {
    params.set('cursor', cursor);
  }
  const page = await api('GET', `/admin/tickets?${params}`, { admin: true });
  if (!isCurrent()) {
    return '';
  }
  const notice = h('div', { id: 'tickets-notice' });
  const items = page.items || [];
  const list = items.length ? h('ul', { class: 'merchant-tickets', id: 'tickets' }, items.map((ticket) => ticketItem(ticket, notice)))
    : h('p', { id: 'tickets-empty' }, t('m.tickets.empty'));
  main.replaceChildren(
    h('h1', {}, t('m.tickets')),
    ...frame('tickets'),
    h('p', {}, t('m.tickets.lead')),
    notice,
    list,
    h('div', { class: 'merchant-paging' },
      cursor ? h('a', { href: '/merchant/tickets' }, t('m.firstPage')) : null,
      page.nextCursor ? h('a', { href: `/merchant/tickets?cursor=${encodeURIComponent(page.nextCursor)}` }, t('m.nextPage')) : null));
  return t('m.tickets');
}

function ticketItem(ticket, notice) {
  const id = `resolve-${ticket.ticketId}`;
  const message = h('textarea', { id, rows: 3, required: true, maxlength: 2000 });
  const errors = h('div', {});
  const submit = h('button', { type: 'submit', id: `resolve-submit-${ticket.ticketId}` }, t('m.tickets.resolve'));
  const form = h('form', { class: 'order-form' },
    h('div', { class: 'field' }, h('label', { for: id }, t('m.tickets.reply')), message), errors, submit);
  const item = h('li', { class: 'merchant-ticket', id: `ticket-${ticket.ticketId}` },
    h('h2', {}, word('ticket', ticket.type), ' — ',
      h('a', { href: `/merchant/orders/${encodeURIComponent(ticket.orderId)}` }, t('m.tickets.order', { id: ticket.orderId }))),
    h('p', {}, h('span', { class: `order-badge merchant-priority-${ticket.priority}` }, t('ow.priority', { count: ticket.priority })),
      ' ', h('span', { class: 'muted' }, `${ticket.ticketId} · ${dateTime(ticket.createdAt)}`)),
    h('p', { class: 'merchant-message' }, ticket.message || ''),
    ticket.lines?.length ? h('p', {}, t('m.tickets.lines'), ' ',
      ticket.lines.map((l) => `${l.quantity} × ${l.sku}`).join(', ')) : null,
    form);
  form.addEventListener('submit', busy(submit, async () => {
    errors.replaceChildren();
    const body = { message: message.value.trim() };
    if (!body.message) {
      errors.replaceChildren(errorBox(new ApiError(400, { message: t('m.tickets.emptyReply') })));
      message.focus();
      return;
    }
    try {
      await api('POST', `/admin/tickets/${encodeURIComponent(ticket.ticketId)}/resolution`,
        { admin: true, body, idempotencyKey: keys.for(`ticket:${ticket.ticketId}`, body) });
      keys.done(`ticket:${ticket.ticketId}`);
      const done = t('m.tickets.done', { id: ticket.ticketId });
      const list = item.parentElement;
      item.remove();
      if (list && !list.children.length) {
        list.replaceWith(h('p', { id: 'tickets-empty' }, t('m.tickets.empty')));
      }
      const box = h('div', { class: 'notice notice-success', tabindex: '-1', id: 'merchant-notice' }, h('p', {}, done));
      notice.replaceChildren(box);
      box.focus();
      announce(done);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setAdminToken(null);
        go(location.pathname, { replace: true });
        return;
      }
      errors.replaceChildren(errorBox(error));
    }
  }));
  return item;
}

define({
  en: {
    'm.localOnly': 'Local demo only: here the merchant routes take the admin token the local stack prints; in AWS they are protected by IAM.',
    'm.nav': 'Merchant',
    'm.queue': 'Fulfilment queue',
    'm.tickets': 'Tickets',
    'm.signOut': 'Sign out',
    'm.signedOut': 'You are signed out.',
    'm.signIn.title': 'Merchant sign-in',
    'm.signIn.label': 'Admin token',
    'm.signIn.hint': 'The local stack prints it when it starts, on the line “Admin token: …”.',
    'm.signIn.submit': 'Sign in',
    'm.signIn.empty': 'Enter the admin token.',
    'm.signIn.refused': 'This admin token was not accepted. Copy it again from the local stack’s output.',
    'm.signIn.done': 'You are signed in.',
    'm.queue.status': 'Orders in status',
    'm.queue.show': 'Show',
    'm.queue.caption': ({ status }) => `Orders: ${status}, oldest first`,
    'm.queue.empty': ({ status }) => `No orders in status “${status}”.`,
    'm.col.order': 'Order',
    'm.col.placed': 'Placed',
    'm.col.customer': 'Customer',
    'm.col.items': 'Units',
    'm.col.total': 'Total',
    'm.col.delivery': 'Delivery',
    'm.col.payment': 'Payment',
    'm.firstPage': 'First page',
    'm.nextPage': 'Next page',
    'm.order.title': 'Order {id}',
    'm.order.status': 'Status:',
    'm.order.back': ({ status }) => `Back to the queue (${status})`,
    'm.order.address': 'Address',
    'm.order.slot': 'Delivery time',
    'm.order.estimate': 'Estimated delivery',
    'm.order.tracking': 'Tracking',
    'm.order.items': 'Items',
    'm.order.returns': 'Returns',
    'm.order.history': 'History',
    'm.events': 'Record an event',
    'm.events.none': 'No event fits this order now.',
    'm.event.PAID': 'Record the payment',
    'm.event.PAYMENT_FAILED': 'Record a failed payment',
    'm.event.PACKED': 'Mark as packed',
    'm.event.SHIPPED': 'Mark as shipped',
    'm.event.READY_FOR_PICKUP': 'Mark as ready for pickup',
    'm.event.DELIVERED': 'Mark as delivered',
    'm.event.PICKED_UP': 'Mark as picked up',
    'm.event.RETURN_RECEIVED': 'Record the returned parcel',
    'm.event.REFUNDED': 'Record the refund',
    'm.event.CANCELLED': 'Cancel the order',
    'm.eventHint.PAID': 'The payment provider or the bank confirmed the full amount.',
    'm.eventHint.PAYMENT_FAILED': 'The payment provider refused the payment; the customer can pay again.',
    'm.eventHint.PACKED': 'The warehouse has packed every item.',
    'm.eventHint.SHIPPED': 'The carrier has the parcel; the customer gets the tracking link.',
    'm.eventHint.READY_FOR_PICKUP': 'The customer can come for it; they get the address and opening hours.',
    'm.eventHint.DELIVERED': 'The carrier delivered the parcel.',
    'm.eventHint.PICKED_UP': 'The customer collected the order.',
    'm.eventHint.RETURN_RECEIVED': 'The returned parcel arrived; a refund due is recorded at once.',
    'm.eventHint.REFUNDED': 'A refund you paid out yourself.',
    'm.eventHint.CANCELLED': 'Cancels the whole order: stock goes back, payments are refunded.',
    'm.event.carrier': 'Carrier',
    'm.event.trackingNumber': 'Tracking number',
    'm.event.trackingUrl': 'Tracking URL (optional)',
    'm.event.trackingUrlHint': 'Empty: built from the carrier’s tracking address.',
    'm.event.pointName': 'Pickup point name',
    'm.event.pointAddress': 'Pickup point address',
    'm.event.pointHours': 'Opening hours',
    'm.event.pointHoursHint': 'One day a line, for example “MON 08:00-20:00”.',
    'm.event.returnId': 'Return',
    'm.event.amount': ({ currency }) => `Amount (${currency})`,
    'm.event.done': ({ event, status }) => `Recorded: ${event}. The order is now “${status}”.`,
    'm.tickets.lead': 'Open tickets, most urgent first, then the oldest.',
    'm.tickets.empty': 'No open tickets.',
    'm.tickets.order': 'order {id}',
    'm.tickets.lines': 'Items:',
    'm.tickets.reply': 'Reply to the customer',
    'm.tickets.resolve': 'Resolve and send the reply',
    'm.tickets.emptyReply': 'Write the reply the customer gets.',
    'm.tickets.done': 'Ticket {id} is resolved; the customer gets your reply by e-mail.',
  },
  cs: {
    'm.localOnly': 'Jen pro místní ukázku: zde obchodnické cesty berou admin token, který vypíše lokální stack; v AWS je chrání IAM.',
    'm.nav': 'Pro obchodníka',
    'm.queue': 'Fronta k vyřízení',
    'm.tickets': 'Požadavky zákazníků',
    'm.signOut': 'Odhlásit se',
    'm.signedOut': 'Jste odhlášeni.',
    'm.signIn.title': 'Přihlášení obchodníka',
    'm.signIn.label': 'Admin token',
    'm.signIn.hint': 'Lokální stack ho vypíše při startu na řádku „Admin token: …“.',
    'm.signIn.submit': 'Přihlásit se',
    'm.signIn.empty': 'Zadejte admin token.',
    'm.signIn.refused': 'Tento admin token nebyl přijat. Zkopírujte ho znovu z výpisu lokálního stacku.',
    'm.signIn.done': 'Jste přihlášeni.',
    'm.queue.status': 'Objednávky ve stavu',
    'm.queue.show': 'Zobrazit',
    'm.queue.caption': ({ status }) => `Objednávky: ${status}, od nejstarší`,
    'm.queue.empty': ({ status }) => `Žádné objednávky ve stavu „${status}“.`,
    'm.col.order': 'Objednávka',
    'm.col.placed': 'Vytvořena',
    'm.col.customer': 'Zákazník',
    'm.col.items': 'Kusů',
    'm.col.total': 'Celkem',
    'm.col.delivery': 'Doprava',
    'm.col.payment': 'Platba',
    'm.firstPage': 'První stránka',
    'm.nextPage': 'Další stránka',
    'm.order.title': 'Objednávka {id}',
    'm.order.status': 'Stav:',
    'm.order.back': ({ status }) => `Zpět do fronty (${status})`,
    'm.order.address': 'Adresa',
    'm.order.slot': 'Čas doručení',
    'm.order.estimate': 'Předpokládané doručení',
    'm.order.tracking': 'Sledování',
    'm.order.items': 'Zboží',
    'm.order.returns': 'Vrácení',
    'm.order.history': 'Historie',
    'm.events': 'Zaznamenat událost',
    'm.events.none': 'K této objednávce se teď žádná událost nehodí.',
    'm.event.PAID': 'Zaznamenat platbu',
    'm.event.PAYMENT_FAILED': 'Zaznamenat nezdařenou platbu',
    'm.event.PACKED': 'Označit jako zabalené',
    'm.event.SHIPPED': 'Označit jako odeslané',
    'm.event.READY_FOR_PICKUP': 'Označit jako připravené k vyzvednutí',
    'm.event.DELIVERED': 'Označit jako doručené',
    'm.event.PICKED_UP': 'Označit jako vyzvednuté',
    'm.event.RETURN_RECEIVED': 'Zaznamenat vrácený balík',
    'm.event.REFUNDED': 'Zaznamenat vrácení peněz',
    'm.event.CANCELLED': 'Zrušit objednávku',
    'm.eventHint.PAID': 'Platební brána nebo banka potvrdila celou částku.',
    'm.eventHint.PAYMENT_FAILED': 'Platební brána platbu odmítla; zákazník může zaplatit znovu.',
    'm.eventHint.PACKED': 'Sklad zabalil všechno zboží.',
    'm.eventHint.SHIPPED': 'Dopravce balík převzal; zákazník dostane odkaz na sledování.',
    'm.eventHint.READY_FOR_PICKUP': 'Zákazník si může přijít; dostane adresu a otevírací dobu.',
    'm.eventHint.DELIVERED': 'Dopravce balík doručil.',
    'm.eventHint.PICKED_UP': 'Zákazník si objednávku vyzvedl.',
    'm.eventHint.RETURN_RECEIVED': 'Vrácený balík dorazil; případné vrácení peněz se zaznamená hned.',
    'm.eventHint.REFUNDED': 'Peníze, které jste vrátili sami.',
    'm.eventHint.CANCELLED': 'Zruší celou objednávku: zboží se vrátí na sklad, platby se vrátí.',
    'm.event.carrier': 'Dopravce',
    'm.event.trackingNumber': 'Číslo zásilky',
    'm.event.trackingUrl': 'Odkaz na sledování (nepovinné)',
    'm.event.trackingUrlHint': 'Prázdné: sestaví se ze sledovací adresy dopravce.',
    'm.event.pointName': 'Název výdejního místa',
    'm.event.pointAddress': 'Adresa výdejního místa',
    'm.event.pointHours': 'Otevírací doba',
    'm.event.pointHoursHint': 'Jeden den na řádek, například „MON 08:00-20:00“.',
    'm.event.returnId': 'Vrácení',
    'm.event.amount': ({ currency }) => `Částka (${currency})`,
    'm.event.done': ({ event, status }) => `Zaznamenáno: ${event}. Objednávka je nyní ve stavu „${status}“.`,
    'm.tickets.lead': 'Otevřené požadavky, nejnaléhavější první, pak nejstarší.',
    'm.tickets.empty': 'Žádné otevřené požadavky.',
    'm.tickets.order': 'objednávka {id}',
    'm.tickets.lines': 'Zboží:',
    'm.tickets.reply': 'Odpověď zákazníkovi',
    'm.tickets.resolve': 'Vyřešit a odeslat odpověď',
    'm.tickets.emptyReply': 'Napište odpověď, kterou zákazník dostane.',
    'm.tickets.done': 'Požadavek {id} je vyřešen; zákazník dostane vaši odpověď e-mailem.',
  },
  fr: {
    'm.localOnly': 'Démo locale uniquement : ici, les routes marchand prennent le jeton admin affiché par la pile locale ; sur AWS, elles sont protégées par IAM.',
    'm.nav': 'Espace marchand',
    'm.queue': 'Commandes à traiter',
    'm.tickets': 'Demandes clients',
    'm.signOut': 'Se déconnecter',
    'm.signedOut': 'Vous êtes déconnecté.',
    'm.signIn.title': 'Connexion marchand',
    'm.signIn.label': 'Jeton admin',
    'm.signIn.hint': 'La pile locale l’affiche au démarrage, sur la ligne « Admin token: … ».',
    'm.signIn.submit': 'Se connecter',
    'm.signIn.empty': 'Saisissez le jeton admin.',
    'm.signIn.refused': 'Ce jeton admin n’a pas été accepté. Copiez-le de nouveau depuis la sortie de la pile locale.',
    'm.signIn.done': 'Vous êtes connecté.',
    'm.queue.status': 'Commandes à l’état',
    'm.queue.show': 'Afficher',
    'm.queue.caption': ({ status }) => `Commandes : ${status}, les plus anciennes d’abord`,
    'm.queue.empty': ({ status }) => `Aucune commande à l’état « ${status} ».`,
    'm.col.order': 'Commande',
    'm.col.placed': 'Passée le',
    'm.col.customer': 'Client',
    'm.col.items': 'Unités',
    'm.col.total': 'Total',
    'm.col.delivery': 'Livraison',
    'm.col.payment': 'Paiement',
    'm.firstPage': 'Première page',
    'm.nextPage': 'Page suivante',
    'm.order.title': 'Commande {id}',
    'm.order.status': 'État :',
    'm.order.back': ({ status }) => `Retour à la file (${status})`,
    'm.order.address': 'Adresse',
    'm.order.slot': 'Créneau de livraison',
    'm.order.estimate': 'Livraison estimée',
    'm.order.tracking': 'Suivi',
    'm.order.items': 'Articles',
    'm.order.returns': 'Retours',
    'm.order.history': 'Historique',
    'm.events': 'Enregistrer un événement',
    'm.events.none': 'Aucun événement ne convient à cette commande pour l’instant.',
    'm.event.PAID': 'Enregistrer le paiement',
    'm.event.PAYMENT_FAILED': 'Enregistrer un paiement échoué',
    'm.event.PACKED': 'Marquer comme emballée',
    'm.event.SHIPPED': 'Marquer comme expédiée',
    'm.event.READY_FOR_PICKUP': 'Marquer comme prête à être retirée',
    'm.event.DELIVERED': 'Marquer comme livrée',
    'm.event.PICKED_UP': 'Marquer comme retirée',
    'm.event.RETURN_RECEIVED': 'Enregistrer le colis retourné',
    'm.event.REFUNDED': 'Enregistrer le remboursement',
    'm.event.CANCELLED': 'Annuler la commande',
    'm.eventHint.PAID': 'Le prestataire de paiement ou la banque a confirmé le montant total.',
    'm.eventHint.PAYMENT_FAILED': 'Le prestataire de paiement a refusé le paiement ; le client peut payer à nouveau.',
    'm.eventHint.PACKED': 'L’entrepôt a emballé tous les articles.',
    'm.eventHint.SHIPPED': 'Le transporteur a le colis ; le client reçoit le lien de suivi.',
    'm.eventHint.READY_FOR_PICKUP': 'Le client peut venir la chercher ; il reçoit l’adresse et les horaires.',
    'm.eventHint.DELIVERED': 'Le transporteur a livré le colis.',
    'm.eventHint.PICKED_UP': 'Le client a retiré la commande.',
    'm.eventHint.RETURN_RECEIVED': 'Le colis retourné est arrivé ; un remboursement dû est enregistré aussitôt.',
    'm.eventHint.REFUNDED': 'Un remboursement que vous avez effectué vous-même.',
    'm.eventHint.CANCELLED': 'Annule toute la commande : le stock est rendu, les paiements remboursés.',
    'm.event.carrier': 'Transporteur',
    'm.event.trackingNumber': 'Numéro de suivi',
    'm.event.trackingUrl': 'Lien de suivi (facultatif)',
    'm.event.trackingUrlHint': 'Vide : construit à partir de l’adresse de suivi du transporteur.',
    'm.event.pointName': 'Nom du point relais',
    'm.event.pointAddress': 'Adresse du point relais',
    'm.event.pointHours': 'Horaires d’ouverture',
    'm.event.pointHoursHint': 'Un jour par ligne, par exemple « MON 08:00-20:00 ».',
    'm.event.returnId': 'Retour',
    'm.event.amount': ({ currency }) => `Montant (${currency})`,
    'm.event.done': ({ event, status }) => `Enregistré : ${event}. La commande est maintenant « ${status} ».`,
    'm.tickets.lead': 'Demandes ouvertes, les plus urgentes d’abord, puis les plus anciennes.',
    'm.tickets.empty': 'Aucune demande ouverte.',
    'm.tickets.order': 'commande {id}',
    'm.tickets.lines': 'Articles :',
    'm.tickets.reply': 'Réponse au client',
    'm.tickets.resolve': 'Résoudre et envoyer la réponse',
    'm.tickets.emptyReply': 'Rédigez la réponse que le client recevra.',
    'm.tickets.done': 'La demande {id} est résolue ; le client reçoit votre réponse par e-mail.',
  },
  uk: {
    'm.localOnly': 'Лише для локальної демонстрації: тут маршрути продавця приймають admin-токен, який виводить локальний стек; в AWS їх захищає IAM.',
    'm.nav': 'Для продавця',
    'm.queue': 'Черга замовлень',
    'm.tickets': 'Звернення покупців',
    'm.signOut': 'Вийти',
    'm.signedOut': 'Ви вийшли.',
    'm.signIn.title': 'Вхід для продавця',
    'm.signIn.label': 'Admin-токен',
    'm.signIn.hint': 'Локальний стек виводить його під час запуску в рядку «Admin token: …».',
    'm.signIn.submit': 'Увійти',
    'm.signIn.empty': 'Введіть admin-токен.',
    'm.signIn.refused': 'Цей admin-токен не прийнято. Скопіюйте його ще раз із виводу локального стеку.',
    'm.signIn.done': 'Ви увійшли.',
    'm.queue.status': 'Замовлення в стані',
    'm.queue.show': 'Показати',
    'm.queue.caption': ({ status }) => `Замовлення: ${status}, спершу найстаріші`,
    'm.queue.empty': ({ status }) => `Немає замовлень у стані «${status}».`,
    'm.col.order': 'Замовлення',
    'm.col.placed': 'Оформлено',
    'm.col.customer': 'Покупець',
    'm.col.items': 'Одиниць',
    'm.col.total': 'Разом',
    'm.col.delivery': 'Доставка',
    'm.col.payment': 'Оплата',
    'm.firstPage': 'Перша сторінка',
    'm.nextPage': 'Наступна сторінка',
    'm.order.title': 'Замовлення {id}',
    'm.order.status': 'Стан:',
    'm.order.back': ({ status }) => `Назад до черги (${status})`,
    'm.order.address': 'Адреса',
    'm.order.slot': 'Час доставки',
    'm.order.estimate': 'Очікувана доставка',
    'm.order.tracking': 'Відстеження',
    'm.order.items': 'Товари',
    'm.order.returns': 'Повернення',
    'm.order.history': 'Історія',
    'm.events': 'Зареєструвати подію',
    'm.events.none': 'Зараз до цього замовлення не підходить жодна подія.',
    'm.event.PAID': 'Зареєструвати оплату',
    'm.event.PAYMENT_FAILED': 'Зареєструвати невдалу оплату',
    'm.event.PACKED': 'Позначити як запаковане',
    'm.event.SHIPPED': 'Позначити як відправлене',
    'm.event.READY_FOR_PICKUP': 'Позначити як готове до видачі',
    'm.event.DELIVERED': 'Позначити як доставлене',
    'm.event.PICKED_UP': 'Позначити як отримане',
    'm.event.RETURN_RECEIVED': 'Зареєструвати повернену посилку',
    'm.event.REFUNDED': 'Зареєструвати повернення коштів',
    'm.event.CANCELLED': 'Скасувати замовлення',
    'm.eventHint.PAID': 'Платіжний сервіс або банк підтвердив повну суму.',
    'm.eventHint.PAYMENT_FAILED': 'Платіжний сервіс відхилив оплату; покупець може оплатити ще раз.',
    'm.eventHint.PACKED': 'Склад запакував усі товари.',
    'm.eventHint.SHIPPED': 'Перевізник забрав посилку; покупець отримає посилання для відстеження.',
    'm.eventHint.READY_FOR_PICKUP': 'Покупець може прийти; він отримає адресу та години роботи.',
    'm.eventHint.DELIVERED': 'Перевізник доставив посилку.',
    'm.eventHint.PICKED_UP': 'Покупець забрав замовлення.',
    'm.eventHint.RETURN_RECEIVED': 'Повернена посилка надійшла; належне повернення коштів реєструється одразу.',
    'm.eventHint.REFUNDED': 'Кошти, які ви повернули самі.',
    'm.eventHint.CANCELLED': 'Скасовує все замовлення: товар повертається на склад, оплати повертаються.',
    'm.event.carrier': 'Перевізник',
    'm.event.trackingNumber': 'Номер відстеження',
    'm.event.trackingUrl': 'Посилання для відстеження (необов’язково)',
    'm.event.trackingUrlHint': 'Порожнє: буде складене з адреси відстеження перевізника.',
    'm.event.pointName': 'Назва пункту видачі',
    'm.event.pointAddress': 'Адреса пункту видачі',
    'm.event.pointHours': 'Години роботи',
    'm.event.pointHoursHint': 'Один день на рядок, наприклад «MON 08:00-20:00».',
    'm.event.returnId': 'Повернення',
    'm.event.amount': ({ currency }) => `Сума (${currency})`,
    'm.event.done': ({ event, status }) => `Зареєстровано: ${event}. Замовлення тепер у стані «${status}».`,
    'm.tickets.lead': 'Відкриті звернення: спершу найтерміновіші, потім найстаріші.',
    'm.tickets.empty': 'Немає відкритих звернень.',
    'm.tickets.order': 'замовлення {id}',
    'm.tickets.lines': 'Товари:',
    'm.tickets.reply': 'Відповідь покупцеві',
    'm.tickets.resolve': 'Розв’язати й надіслати відповідь',
    'm.tickets.emptyReply': 'Напишіть відповідь, яку отримає покупець.',
    'm.tickets.done': 'Звернення {id} розв’язано; покупець отримає вашу відповідь електронною поштою.',
  },
});
