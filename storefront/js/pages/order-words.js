// Words for what an order is (states, methods, events, reasons) in the four languages, and the small
// formatters the order page and the merchant view share. Codes from the API never reach the screen
// as codes: each has words here, and an unknown one is shown as readable text, not as a crash.
import { date, dateTime, define, locale, money, t } from '../i18n.js';
import { h } from '../ui.js';

/** The words for a code of a kind (status, payment, event...), or the code made readable. */
export function word(kind, code) {
  const key = `ow.${kind}.${code}`;
  const text = t(key);
  return text === key ? String(code).toLowerCase().replace(/_/g, ' ') : text;
}

/** "Alpine down jacket (S, red)" */
export function lineName(line) {
  const variant = [line.size, line.colour].filter(Boolean).join(', ');
  return variant ? `${line.name} (${variant})` : line.name;
}

/** An address object (street, city, postcode, country) or a one-line address as the carrier gave it. */
export function addressText(address) {
  if (!address) {
    return '';
  }
  if (typeof address === 'string') {
    return address;
  }
  return [address.street, [address.postcode, address.city].filter(Boolean).join(' '), address.country]
    .filter(Boolean).join(', ');
}

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** The weekday's name in the shopper's language (2024-01-01 was a Monday). */
export function dayName(day) {
  const index = DAYS.indexOf(day);
  if (index < 0) {
    return day;
  }
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2024, 0, 1 + index)));
}

/** Opening hours as a definition list: one row per day. */
export function openingHoursList(hours) {
  if (!Array.isArray(hours) || !hours.length) {
    return null;
  }
  return h('dl', { class: 'order-hours' }, hours.map((row) => [
    h('dt', {}, dayName(row.day)),
    h('dd', {}, `${row.opens}–${row.closes}`),
  ]));
}

/** The facts one timeline event carries, in words (amounts, dates, tracking number, reason...). */
export function eventDetails(detail, order) {
  if (!detail || typeof detail !== 'object') {
    return [];
  }
  const parts = [];
  const names = new Map((order?.lines || []).map((line) => [line.sku, lineName(line)]));
  if (detail.total) parts.push(t('ow.detail.total', { amount: money(detail.total) }));
  if (detail.amount) parts.push(t('ow.detail.amount', { amount: money(detail.amount) }));
  if (detail.refund) parts.push(t('ow.detail.refund', { amount: money(detail.refund) }));
  if (detail.method) parts.push(word('method', detail.method));
  if (Array.isArray(detail.lines)) {
    parts.push(detail.lines.map((l) => `${l.quantity} × ${names.get(l.sku) || l.sku}`).join(', '));
  }
  if (detail.sku && !detail.lines) parts.push(`${detail.quantity ? detail.quantity + ' × ' : ''}${names.get(detail.sku) || detail.sku}`);
  if (detail.date && detail.from) parts.push(t('ow.detail.slot', { date: date(detail.date), from: detail.from, to: detail.to }));
  if (detail.storageUntil) parts.push(t('ow.detail.storageUntil', { date: date(detail.storageUntil) }));
  if (detail.dueBy) parts.push(t('ow.detail.dueBy', { time: dateTime(detail.dueBy) }));
  if (detail.trackingNumber) parts.push(t('ow.detail.tracking', { number: detail.trackingNumber }));
  if (detail.returnUntil) parts.push(t('ow.detail.returnUntil', { date: date(detail.returnUntil) }));
  if (detail.returnId) parts.push(t('ow.detail.return', { id: detail.returnId }));
  if (detail.exchangeVariant) parts.push(t('ow.detail.exchange', { variant: detail.exchangeVariant }));
  if (detail.ticketId) parts.push(t('ow.detail.ticket', { id: detail.ticketId }));
  if (detail.type && detail.ticketId) parts.push(word('ticket', detail.type));
  if (detail.reason) parts.push(word('cancelReason', detail.reason));
  if (detail.message) parts.push(`“${detail.message}”`);
  return parts;
}

/** The timeline as an ordered list: time, what happened, its facts. */
export function timelineList(order) {
  return h('ol', { class: 'timeline order-timeline' }, (order.timeline || []).map((event) => {
    const details = eventDetails(event.detail, order);
    return h('li', {},
      h('time', { datetime: event.at, class: 'order-when' }, dateTime(event.at)),
      ' ',
      h('strong', {}, word('event', event.type)),
      details.length ? h('span', { class: 'order-event-detail' }, ' — ' + details.join(' · ')) : null);
  }));
}

/** The lines as a table with headers: item, SKU, price, quantity, cancelled/returned, status. */
export function linesTable(order, caption) {
  return h('table', { class: 'order-lines' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('ow.col.item')),
      h('th', { scope: 'col' }, t('ow.col.unitPrice')),
      h('th', { scope: 'col' }, t('ow.col.quantity')),
      h('th', { scope: 'col' }, t('ow.col.status')))),
    h('tbody', {}, (order.lines || []).map((line) => h('tr', {},
      h('th', { scope: 'row' }, lineName(line), h('br'), h('span', { class: 'muted order-sku' }, line.sku)),
      h('td', {}, money(line.unitPrice)),
      h('td', {}, String(line.quantity),
        line.cancelledQuantity ? h('div', { class: 'muted' }, t('ow.cancelledUnits', { count: line.cancelledQuantity })) : null,
        line.returnedQuantity ? h('div', { class: 'muted' }, t('ow.returnedUnits', { count: line.returnedQuantity })) : null),
      h('td', {}, h('span', { class: 'order-badge order-line-' + String(line.status).toLowerCase() },
        word('line', line.status)))))));
}

/** The order's status as a badge with words. */
export function statusBadge(status) {
  return h('span', { class: 'order-badge order-status-' + String(status).toLowerCase().replace(/_/g, '-') },
    word('status', status));
}

const cz = (one, few, other) => ({ count }, form) => (form === 'one' ? one : form === 'few' ? few : other)
  .replace('{count}', count);
const en = (one, other) => ({ count }, form) => (form === 'one' ? one : other).replace('{count}', count);

define({
  en: {
    'ow.status.PENDING_PAYMENT': 'Waiting for payment',
    'ow.status.PAYMENT_FAILED': 'Payment failed',
    'ow.status.CONFIRMED': 'Confirmed',
    'ow.status.PACKED': 'Packed',
    'ow.status.SHIPPED': 'Shipped',
    'ow.status.READY_FOR_PICKUP': 'Ready for pickup',
    'ow.status.DELIVERED': 'Delivered',
    'ow.status.PICKED_UP': 'Picked up',
    'ow.status.CANCELLED': 'Cancelled',
    'ow.line.RESERVED': 'Reserved for you',
    'ow.line.PREORDERED': 'Pre-ordered',
    'ow.line.CANCELLED': 'Cancelled',
    'ow.line.FULFILLED': 'Dispatched',
    'ow.line.RETURNED': 'Returned',
    'ow.payment.PENDING': 'Not paid yet',
    'ow.payment.FAILED': 'Payment failed',
    'ow.payment.PAID': 'Paid',
    'ow.payment.ON_DELIVERY': 'Pay on delivery',
    'ow.payment.REFUNDED': 'Refunded',
    'ow.payment.PARTIALLY_REFUNDED': 'Partly refunded',
    'ow.method.CARD': 'Card',
    'ow.method.BANK_TRANSFER': 'Bank transfer',
    'ow.method.CASH_ON_DELIVERY': 'Cash on delivery',
    'ow.delivery.HOME': 'Home delivery',
    'ow.delivery.PICKUP_POINT': 'Pickup point',
    'ow.delivery.STORE': 'Collect in store',
    'ow.event.PLACED': 'Order placed',
    'ow.event.PAYMENT_METHOD_CHANGED': 'Payment method changed',
    'ow.event.LINES_CANCELLED': 'Items cancelled',
    'ow.event.MODIFIED': 'Order changed',
    'ow.event.DELIVERY_SLOT_CHOSEN': 'Delivery time chosen',
    'ow.event.PICKUP_EXTENDED': 'Pickup time extended',
    'ow.event.PAYMENT_REMINDER': 'Payment reminder sent',
    'ow.event.PICKUP_REMINDER': 'Pickup reminder sent',
    'ow.event.PREORDER_FILLED': 'Pre-ordered item arrived',
    'ow.event.PAID': 'Payment received',
    'ow.event.PAYMENT_FAILED': 'Payment failed',
    'ow.event.PACKED': 'Packed',
    'ow.event.SHIPPED': 'Shipped',
    'ow.event.PARCEL_ADDED': 'Another parcel shipped',
    'ow.event.READY_FOR_PICKUP': 'Ready for pickup',
    'ow.event.DELIVERED': 'Delivered',
    'ow.event.PICKED_UP': 'Picked up',
    'ow.event.CANCELLED': 'Order cancelled',
    'ow.event.REFUNDED': 'Money refunded',
    'ow.event.RETURN_CREATED': 'Return requested',
    'ow.event.RETURN_RECEIVED': 'Returned parcel received',
    'ow.event.TICKET_CREATED': 'Problem reported',
    'ow.event.TICKET_RESOLVED': 'Problem resolved',
    'ow.detail.total': 'total {amount}',
    'ow.detail.amount': '{amount}',
    'ow.detail.refund': 'refund {amount}',
    'ow.detail.slot': '{date}, {from}–{to}',
    'ow.detail.storageUntil': 'kept until {date}',
    'ow.detail.dueBy': 'pay by {time}',
    'ow.detail.tracking': 'tracking number {number}',
    'ow.detail.returnUntil': 'returns until {date}',
    'ow.detail.return': 'return {id}',
    'ow.detail.exchange': 'exchanged for {variant}',
    'ow.detail.ticket': 'request {id}',
    'ow.cancelReason.CUSTOMER': 'at your request',
    'ow.cancelReason.MERCHANT': 'by the shop',
    'ow.cancelReason.PAYMENT_EXPIRED': 'not paid in time',
    'ow.cancelReason.PICKUP_NOT_COLLECTED': 'not collected in time',
    'ow.ticket.MISSING_ITEM': 'An item is missing',
    'ow.ticket.DAMAGED': 'Something arrived damaged',
    'ow.ticket.LATE': 'The parcel is late',
    'ow.ticket.OTHER': 'Something else',
    'ow.ticketStatus.OPEN': 'Open',
    'ow.ticketStatus.RESOLVED': 'Resolved',
    'ow.reason.DAMAGED': 'Damaged',
    'ow.reason.WRONG_SIZE': 'Wrong size',
    'ow.reason.NOT_AS_DESCRIBED': 'Not as described',
    'ow.reason.CHANGED_MIND': 'Changed my mind',
    'ow.reason.OTHER': 'Other reason',
    'ow.returnStatus.REQUESTED': 'Waiting for your parcel',
    'ow.returnStatus.RECEIVED': 'Parcel received',
    'ow.returnStatus.REFUNDED': 'Refunded',
    'ow.returnStatus.EXCHANGED': 'Exchanged',
    'ow.resolution.REFUND': 'Refund',
    'ow.resolution.EXCHANGE': 'Exchange',
    'ow.col.item': 'Item',
    'ow.col.unitPrice': 'Unit price',
    'ow.col.quantity': 'Quantity',
    'ow.col.status': 'Status',
    'ow.cancelledUnits': en('{count} cancelled', '{count} cancelled'),
    'ow.returnedUnits': en('{count} returned', '{count} returned'),
    'ow.priority': ({ count }) => `Priority ${count}`,
  },
  cs: {
    'ow.status.PENDING_PAYMENT': 'Čeká na platbu',
    'ow.status.PAYMENT_FAILED': 'Platba se nezdařila',
    'ow.status.CONFIRMED': 'Potvrzeno',
    'ow.status.PACKED': 'Zabaleno',
    'ow.status.SHIPPED': 'Odesláno',
    'ow.status.READY_FOR_PICKUP': 'Připraveno k vyzvednutí',
    'ow.status.DELIVERED': 'Doručeno',
    'ow.status.PICKED_UP': 'Vyzvednuto',
    'ow.status.CANCELLED': 'Zrušeno',
    'ow.line.RESERVED': 'Rezervováno pro vás',
    'ow.line.PREORDERED': 'Předobjednáno',
    'ow.line.CANCELLED': 'Zrušeno',
    'ow.line.FULFILLED': 'Vyřízeno',
    'ow.line.RETURNED': 'Vráceno',
    'ow.payment.PENDING': 'Zatím nezaplaceno',
    'ow.payment.FAILED': 'Platba se nezdařila',
    'ow.payment.PAID': 'Zaplaceno',
    'ow.payment.ON_DELIVERY': 'Platba při převzetí',
    'ow.payment.REFUNDED': 'Peníze vráceny',
    'ow.payment.PARTIALLY_REFUNDED': 'Peníze částečně vráceny',
    'ow.method.CARD': 'Platební karta',
    'ow.method.BANK_TRANSFER': 'Bankovní převod',
    'ow.method.CASH_ON_DELIVERY': 'Dobírka',
    'ow.delivery.HOME': 'Doručení domů',
    'ow.delivery.PICKUP_POINT': 'Výdejní místo',
    'ow.delivery.STORE': 'Vyzvednutí v prodejně',
    'ow.event.PLACED': 'Objednávka přijata',
    'ow.event.PAYMENT_METHOD_CHANGED': 'Změna způsobu platby',
    'ow.event.LINES_CANCELLED': 'Položky zrušeny',
    'ow.event.MODIFIED': 'Objednávka upravena',
    'ow.event.DELIVERY_SLOT_CHOSEN': 'Zvolen čas doručení',
    'ow.event.PICKUP_EXTENDED': 'Prodloužena lhůta vyzvednutí',
    'ow.event.PAYMENT_REMINDER': 'Odesláno připomenutí platby',
    'ow.event.PICKUP_REMINDER': 'Odesláno připomenutí vyzvednutí',
    'ow.event.PREORDER_FILLED': 'Předobjednané zboží dorazilo',
    'ow.event.PAID': 'Platba přijata',
    'ow.event.PAYMENT_FAILED': 'Platba se nezdařila',
    'ow.event.PACKED': 'Zabaleno',
    'ow.event.SHIPPED': 'Odesláno',
    'ow.event.PARCEL_ADDED': 'Odeslán další balík',
    'ow.event.READY_FOR_PICKUP': 'Připraveno k vyzvednutí',
    'ow.event.DELIVERED': 'Doručeno',
    'ow.event.PICKED_UP': 'Vyzvednuto',
    'ow.event.CANCELLED': 'Objednávka zrušena',
    'ow.event.REFUNDED': 'Peníze vráceny',
    'ow.event.RETURN_CREATED': 'Vrácení zadáno',
    'ow.event.RETURN_RECEIVED': 'Vrácený balík přijat',
    'ow.event.TICKET_CREATED': 'Problém nahlášen',
    'ow.event.TICKET_RESOLVED': 'Problém vyřešen',
    'ow.detail.total': 'celkem {amount}',
    'ow.detail.amount': '{amount}',
    'ow.detail.refund': 'vráceno {amount}',
    'ow.detail.slot': '{date}, {from}–{to}',
    'ow.detail.storageUntil': 'uloženo do {date}',
    'ow.detail.dueBy': 'zaplaťte do {time}',
    'ow.detail.tracking': 'číslo zásilky {number}',
    'ow.detail.returnUntil': 'vrácení do {date}',
    'ow.detail.return': 'vrácení {id}',
    'ow.detail.exchange': 'výměna za {variant}',
    'ow.detail.ticket': 'požadavek {id}',
    'ow.cancelReason.CUSTOMER': 'na vaše přání',
    'ow.cancelReason.MERCHANT': 'obchodem',
    'ow.cancelReason.PAYMENT_EXPIRED': 'nezaplaceno včas',
    'ow.cancelReason.PICKUP_NOT_COLLECTED': 'nevyzvednuto včas',
    'ow.ticket.MISSING_ITEM': 'Něco v balíku chybí',
    'ow.ticket.DAMAGED': 'Zboží dorazilo poškozené',
    'ow.ticket.LATE': 'Balík má zpoždění',
    'ow.ticket.OTHER': 'Něco jiného',
    'ow.ticketStatus.OPEN': 'Otevřený',
    'ow.ticketStatus.RESOLVED': 'Vyřešený',
    'ow.reason.DAMAGED': 'Poškozené zboží',
    'ow.reason.WRONG_SIZE': 'Nesedí velikost',
    'ow.reason.NOT_AS_DESCRIBED': 'Neodpovídá popisu',
    'ow.reason.CHANGED_MIND': 'Rozmyslel(a) jsem si to',
    'ow.reason.OTHER': 'Jiný důvod',
    'ow.returnStatus.REQUESTED': 'Čekáme na váš balík',
    'ow.returnStatus.RECEIVED': 'Balík přijat',
    'ow.returnStatus.REFUNDED': 'Peníze vráceny',
    'ow.returnStatus.EXCHANGED': 'Vyměněno',
    'ow.resolution.REFUND': 'Vrácení peněz',
    'ow.resolution.EXCHANGE': 'Výměna',
    'ow.col.item': 'Zboží',
    'ow.col.unitPrice': 'Cena za kus',
    'ow.col.quantity': 'Počet',
    'ow.col.status': 'Stav',
    'ow.cancelledUnits': cz('{count} kus zrušen', '{count} kusy zrušeny', '{count} kusů zrušeno'),
    'ow.returnedUnits': cz('{count} kus vrácen', '{count} kusy vráceny', '{count} kusů vráceno'),
    'ow.priority': ({ count }) => `Priorita ${count}`,
  },
  fr: {
    'ow.status.PENDING_PAYMENT': 'En attente de paiement',
    'ow.status.PAYMENT_FAILED': 'Paiement échoué',
    'ow.status.CONFIRMED': 'Confirmée',
    'ow.status.PACKED': 'Emballée',
    'ow.status.SHIPPED': 'Expédiée',
    'ow.status.READY_FOR_PICKUP': 'Prête à être retirée',
    'ow.status.DELIVERED': 'Livrée',
    'ow.status.PICKED_UP': 'Retirée',
    'ow.status.CANCELLED': 'Annulée',
    'ow.line.RESERVED': 'Réservé pour vous',
    'ow.line.PREORDERED': 'Précommandé',
    'ow.line.CANCELLED': 'Annulé',
    'ow.line.FULFILLED': 'Expédié',
    'ow.line.RETURNED': 'Retourné',
    'ow.payment.PENDING': 'Pas encore payée',
    'ow.payment.FAILED': 'Paiement échoué',
    'ow.payment.PAID': 'Payée',
    'ow.payment.ON_DELIVERY': 'Paiement à la livraison',
    'ow.payment.REFUNDED': 'Remboursée',
    'ow.payment.PARTIALLY_REFUNDED': 'Partiellement remboursée',
    'ow.method.CARD': 'Carte bancaire',
    'ow.method.BANK_TRANSFER': 'Virement bancaire',
    'ow.method.CASH_ON_DELIVERY': 'Paiement à la livraison',
    'ow.delivery.HOME': 'Livraison à domicile',
    'ow.delivery.PICKUP_POINT': 'Point relais',
    'ow.delivery.STORE': 'Retrait en magasin',
    'ow.event.PLACED': 'Commande passée',
    'ow.event.PAYMENT_METHOD_CHANGED': 'Mode de paiement modifié',
    'ow.event.LINES_CANCELLED': 'Articles annulés',
    'ow.event.MODIFIED': 'Commande modifiée',
    'ow.event.DELIVERY_SLOT_CHOSEN': 'Créneau de livraison choisi',
    'ow.event.PICKUP_EXTENDED': 'Délai de retrait prolongé',
    'ow.event.PAYMENT_REMINDER': 'Rappel de paiement envoyé',
    'ow.event.PICKUP_REMINDER': 'Rappel de retrait envoyé',
    'ow.event.PREORDER_FILLED': 'Article précommandé arrivé',
    'ow.event.PAID': 'Paiement reçu',
    'ow.event.PAYMENT_FAILED': 'Paiement échoué',
    'ow.event.PACKED': 'Emballée',
    'ow.event.SHIPPED': 'Expédiée',
    'ow.event.PARCEL_ADDED': 'Un autre colis expédié',
    'ow.event.READY_FOR_PICKUP': 'Prête à être retirée',
    'ow.event.DELIVERED': 'Livrée',
    'ow.event.PICKED_UP': 'Retirée',
    'ow.event.CANCELLED': 'Commande annulée',
    'ow.event.REFUNDED': 'Remboursement effectué',
    'ow.event.RETURN_CREATED': 'Retour demandé',
    'ow.event.RETURN_RECEIVED': 'Colis retourné reçu',
    'ow.event.TICKET_CREATED': 'Problème signalé',
    'ow.event.TICKET_RESOLVED': 'Problème résolu',
    'ow.detail.total': 'total {amount}',
    'ow.detail.amount': '{amount}',
    'ow.detail.refund': 'remboursement {amount}',
    'ow.detail.slot': '{date}, {from}–{to}',
    'ow.detail.storageUntil': 'gardée jusqu’au {date}',
    'ow.detail.dueBy': 'à payer avant le {time}',
    'ow.detail.tracking': 'numéro de suivi {number}',
    'ow.detail.returnUntil': 'retours jusqu’au {date}',
    'ow.detail.return': 'retour {id}',
    'ow.detail.exchange': 'échangé contre {variant}',
    'ow.detail.ticket': 'demande {id}',
    'ow.cancelReason.CUSTOMER': 'à votre demande',
    'ow.cancelReason.MERCHANT': 'par la boutique',
    'ow.cancelReason.PAYMENT_EXPIRED': 'non payée à temps',
    'ow.cancelReason.PICKUP_NOT_COLLECTED': 'non retirée à temps',
    'ow.ticket.MISSING_ITEM': 'Il manque un article',
    'ow.ticket.DAMAGED': 'Un article est arrivé abîmé',
    'ow.ticket.LATE': 'Le colis est en retard',
    'ow.ticket.OTHER': 'Autre chose',
    'ow.ticketStatus.OPEN': 'Ouverte',
    'ow.ticketStatus.RESOLVED': 'Résolue',
    'ow.reason.DAMAGED': 'Article abîmé',
    'ow.reason.WRONG_SIZE': 'Mauvaise taille',
    'ow.reason.NOT_AS_DESCRIBED': 'Non conforme à la description',
    'ow.reason.CHANGED_MIND': 'J’ai changé d’avis',
    'ow.reason.OTHER': 'Autre raison',
    'ow.returnStatus.REQUESTED': 'En attente de votre colis',
    'ow.returnStatus.RECEIVED': 'Colis reçu',
    'ow.returnStatus.REFUNDED': 'Remboursé',
    'ow.returnStatus.EXCHANGED': 'Échangé',
    'ow.resolution.REFUND': 'Remboursement',
    'ow.resolution.EXCHANGE': 'Échange',
    'ow.col.item': 'Article',
    'ow.col.unitPrice': 'Prix unitaire',
    'ow.col.quantity': 'Quantité',
    'ow.col.status': 'État',
    'ow.cancelledUnits': en('{count} annulé', '{count} annulés'),
    'ow.returnedUnits': en('{count} retourné', '{count} retournés'),
    'ow.priority': ({ count }) => `Priorité ${count}`,
  },
  uk: {
    'ow.status.PENDING_PAYMENT': 'Очікує оплати',
    'ow.status.PAYMENT_FAILED': 'Оплата не вдалася',
    'ow.status.CONFIRMED': 'Підтверджено',
    'ow.status.PACKED': 'Запаковано',
    'ow.status.SHIPPED': 'Відправлено',
    'ow.status.READY_FOR_PICKUP': 'Готове до видачі',
    'ow.status.DELIVERED': 'Доставлено',
    'ow.status.PICKED_UP': 'Отримано',
    'ow.status.CANCELLED': 'Скасовано',
    'ow.line.RESERVED': 'Зарезервовано для вас',
    'ow.line.PREORDERED': 'Передзамовлено',
    'ow.line.CANCELLED': 'Скасовано',
    'ow.line.FULFILLED': 'Відправлено',
    'ow.line.RETURNED': 'Повернено',
    'ow.payment.PENDING': 'Ще не оплачено',
    'ow.payment.FAILED': 'Оплата не вдалася',
    'ow.payment.PAID': 'Оплачено',
    'ow.payment.ON_DELIVERY': 'Оплата під час отримання',
    'ow.payment.REFUNDED': 'Кошти повернено',
    'ow.payment.PARTIALLY_REFUNDED': 'Кошти частково повернено',
    'ow.method.CARD': 'Банківська картка',
    'ow.method.BANK_TRANSFER': 'Банківський переказ',
    'ow.method.CASH_ON_DELIVERY': 'Накладений платіж',
    'ow.delivery.HOME': 'Доставка додому',
    'ow.delivery.PICKUP_POINT': 'Пункт видачі',
    'ow.delivery.STORE': 'Самовивіз із магазину',
    'ow.event.PLACED': 'Замовлення оформлено',
    'ow.event.PAYMENT_METHOD_CHANGED': 'Спосіб оплати змінено',
    'ow.event.LINES_CANCELLED': 'Товари скасовано',
    'ow.event.MODIFIED': 'Замовлення змінено',
    'ow.event.DELIVERY_SLOT_CHOSEN': 'Обрано час доставки',
    'ow.event.PICKUP_EXTENDED': 'Термін зберігання подовжено',
    'ow.event.PAYMENT_REMINDER': 'Надіслано нагадування про оплату',
    'ow.event.PICKUP_REMINDER': 'Надіслано нагадування про отримання',
    'ow.event.PREORDER_FILLED': 'Передзамовлений товар надійшов',
    'ow.event.PAID': 'Оплату отримано',
    'ow.event.PAYMENT_FAILED': 'Оплата не вдалася',
    'ow.event.PACKED': 'Запаковано',
    'ow.event.SHIPPED': 'Відправлено',
    'ow.event.PARCEL_ADDED': 'Відправлено ще одну посилку',
    'ow.event.READY_FOR_PICKUP': 'Готове до видачі',
    'ow.event.DELIVERED': 'Доставлено',
    'ow.event.PICKED_UP': 'Отримано',
    'ow.event.CANCELLED': 'Замовлення скасовано',
    'ow.event.REFUNDED': 'Кошти повернено',
    'ow.event.RETURN_CREATED': 'Оформлено повернення',
    'ow.event.RETURN_RECEIVED': 'Повернену посилку отримано',
    'ow.event.TICKET_CREATED': 'Повідомлено про проблему',
    'ow.event.TICKET_RESOLVED': 'Проблему розв’язано',
    'ow.detail.total': 'разом {amount}',
    'ow.detail.amount': '{amount}',
    'ow.detail.refund': 'повернено {amount}',
    'ow.detail.slot': '{date}, {from}–{to}',
    'ow.detail.storageUntil': 'зберігається до {date}',
    'ow.detail.dueBy': 'оплатіть до {time}',
    'ow.detail.tracking': 'номер відстеження {number}',
    'ow.detail.returnUntil': 'повернення до {date}',
    'ow.detail.return': 'повернення {id}',
    'ow.detail.exchange': 'обмін на {variant}',
    'ow.detail.ticket': 'звернення {id}',
    'ow.cancelReason.CUSTOMER': 'на ваше прохання',
    'ow.cancelReason.MERCHANT': 'магазином',
    'ow.cancelReason.PAYMENT_EXPIRED': 'не оплачено вчасно',
    'ow.cancelReason.PICKUP_NOT_COLLECTED': 'не отримано вчасно',
    'ow.ticket.MISSING_ITEM': 'Бракує товару',
    'ow.ticket.DAMAGED': 'Товар прибув пошкодженим',
    'ow.ticket.LATE': 'Посилка запізнюється',
    'ow.ticket.OTHER': 'Інше',
    'ow.ticketStatus.OPEN': 'Відкрите',
    'ow.ticketStatus.RESOLVED': 'Розв’язане',
    'ow.reason.DAMAGED': 'Пошкоджений товар',
    'ow.reason.WRONG_SIZE': 'Не підійшов розмір',
    'ow.reason.NOT_AS_DESCRIBED': 'Не відповідає опису',
    'ow.reason.CHANGED_MIND': 'Я передумав(ла)',
    'ow.reason.OTHER': 'Інша причина',
    'ow.returnStatus.REQUESTED': 'Чекаємо на вашу посилку',
    'ow.returnStatus.RECEIVED': 'Посилку отримано',
    'ow.returnStatus.REFUNDED': 'Кошти повернено',
    'ow.returnStatus.EXCHANGED': 'Обміняно',
    'ow.resolution.REFUND': 'Повернення коштів',
    'ow.resolution.EXCHANGE': 'Обмін',
    'ow.col.item': 'Товар',
    'ow.col.unitPrice': 'Ціна за одиницю',
    'ow.col.quantity': 'Кількість',
    'ow.col.status': 'Стан',
    'ow.cancelledUnits': cz('{count} скасовано', '{count} скасовано', '{count} скасовано'),
    'ow.returnedUnits': cz('{count} повернено', '{count} повернено', '{count} повернено'),
    'ow.priority': ({ count }) => `Пріоритет ${count}`,
  },
});
