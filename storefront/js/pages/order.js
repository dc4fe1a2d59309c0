// The order page, opened from the order e-mails: /orders/{orderId}#token={accessToken}. It shows
// everything the API says about the order (status, timeline, estimate, tracking, pickup, payment
// with the QR Platba code, returns with their labels) and offers exactly the order's allowedActions.
import { ApiError } from '../api.js';
import { date, dateTime, define, money, t } from '../i18n.js';
import { announce, h } from '../ui.js';
import { actionsSection } from './order-actions.js';
import { Keys, orderApi } from './order-api.js';
import { carrierName } from './shop-common.js';
import {
  addressText, lineName, linesTable, openingHoursList, statusBadge, timelineList, word,
} from './order-words.js';

export async function render({ params, hash, main, isCurrent }) {
  const orderId = params[0];
  const token = hash.get('token');
  if (!token) {
    return invalidLink(main);
  }
  let order;
  try {
    order = await orderApi('GET', `/orders/${encodeURIComponent(orderId)}`, token);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 401 || error.status === 403
        || error.status === 410)) {
      return isCurrent() ? invalidLink(main) : '';
    }
    throw error;
  }
  if (!isCurrent()) {
    return '';
  }
  const page = new OrderPage(main, orderId, token);
  page.show(order);
  return t('order.title', { id: order.orderId });
}

function invalidLink(main) {
  main.replaceChildren(
    h('h1', {}, t('order.invalid.title')),
    h('div', { class: 'notice notice-error' }, h('p', {}, t('order.invalid.text'))),
    h('p', {}, h('a', { href: '/' }, t('site.backHome'))));
  return t('order.invalid.title');
}

/** One order on screen: draws it, and draws it again from each answer the actions get. */
class OrderPage {
  constructor(main, orderId, token) {
    this.main = main;
    this.orderId = orderId;
    this.token = token;
    this.keys = new Keys();
  }

  /** Calls an order route with this order's token. */
  call(method, route, options) {
    return orderApi(method, `/orders/${encodeURIComponent(this.orderId)}${route}`, this.token, options);
  }

  /** After an action: the order from the answer (or read again), the result shown and announced. */
  async done(answer, message, extra) {
    const order = answer && answer.orderId === this.orderId && Array.isArray(answer.lines)
      ? answer : await this.call('GET', '');
    this.show(order, { message, extra });
    announce(message);
  }

  show(order, notice) {
    this.order = order;
    const sections = [
      h('div', { class: 'order-head' },
        h('h1', {}, t('order.title', { id: order.orderId })),
        h('p', { class: 'order-status-line' }, t('order.statusLabel'), ' ', statusBadge(order.status)),
        h('p', { class: 'muted' }, t('order.placedAt', { time: dateTime(order.createdAt) }))),
    ];
    if (notice) {
      sections.push(h('div', { class: 'notice notice-success', id: 'order-notice', tabindex: '-1' },
        h('p', {}, notice.message), notice.extra || null));
    }
    const exchangeFor = (order.timeline || []).find((e) => e.type === 'PLACED')?.detail?.exchangeFor;
    if (exchangeFor) {
      sections.push(h('p', { class: 'notice notice-info' }, t('order.exchangeFor', { id: exchangeFor }), ' ',
        h('a', { href: `/orders/${encodeURIComponent(exchangeFor)}#token=${encodeURIComponent(this.token)}` },
          t('order.openOriginal'))));
    }
    sections.push(
      this.summary(order),
      this.tracking(order),
      this.pickup(order),
      this.payment(order),
      h('section', { 'aria-labelledby': 'order-items-heading' },
        h('h2', { id: 'order-items-heading' }, t('order.items')),
        linesTable(order, t('order.items')),
        h('dl', { class: 'order-totals' },
          h('dt', {}, t('order.deliveryPrice')), h('dd', {}, money(order.deliveryPrice)),
          h('dt', {}, t('order.total')), h('dd', { class: 'price' }, money(order.total)))),
      this.returns(order),
      this.tickets(order),
      actionsSection(this, order),
      h('section', { 'aria-labelledby': 'order-history-heading' },
        h('h2', { id: 'order-history-heading' }, t('order.history')),
        timelineList(order)));
    this.main.replaceChildren(...sections.filter(Boolean));
    if (notice) {
      document.getElementById('order-notice').focus();
    }
  }

  summary(order) {
    const rows = [[t('order.delivery'), word('delivery', order.delivery?.method)
      + (order.delivery?.carrier ? ` (${carrierName(order.delivery.carrier)})` : '')]];
    if (order.delivery?.address) {
      rows.push([t('order.address'), addressText(order.delivery.address)]);
    }
    if (order.estimatedDelivery && !['DELIVERED', 'PICKED_UP', 'CANCELLED'].includes(order.status)) {
      const { earliest, latest } = order.estimatedDelivery;
      rows.push([t('order.estimate'), earliest === latest || !latest ? date(earliest)
        : t('order.between', { from: date(earliest), to: date(latest) })]);
    }
    if (order.delivery?.slot) {
      const slot = order.delivery.slot;
      rows.push([t('order.slot'), `${date(slot.date)}, ${slot.from}–${slot.to}`]);
    }
    if (order.modifiableUntil) {
      rows.push([t('order.modifiableUntil'), dateTime(order.modifiableUntil)]);
    }
    if (order.returnUntil) {
      rows.push([t('order.returnUntil'), date(order.returnUntil)]);
    }
    if (order.damageReportUntil) {
      rows.push([t('order.damageReportUntil'), date(order.damageReportUntil)]);
    }
    return h('section', { 'aria-labelledby': 'order-summary-heading' },
      h('h2', { id: 'order-summary-heading' }, t('order.summary')),
      h('dl', { class: 'order-facts' }, rows.map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])));
  }

  tracking(order) {
    if (!order.tracking) {
      return null;
    }
    const parcels = (order.timeline || []).filter((e) => (e.type === 'SHIPPED' || e.type === 'PARCEL_ADDED')
      && e.detail?.url && e.detail.url !== order.tracking.url);
    return h('section', { 'aria-labelledby': 'order-tracking-heading' },
      h('h2', { id: 'order-tracking-heading' }, t('order.tracking')),
      h('p', {}, h('a', { href: order.tracking.url, id: 'tracking-link', class: 'button', rel: 'noopener noreferrer' },
        t('order.trackParcel', { number: order.tracking.trackingNumber }))),
      h('p', { class: 'muted' }, t('order.carrier', { carrier: carrierName(order.tracking.carrier) })),
      parcels.length ? h('ul', {}, parcels.map((p) => h('li', {},
        h('a', { href: p.detail.url, rel: 'noopener noreferrer' }, t('order.trackParcel', { number: p.detail.trackingNumber })))))
        : null);
  }

  pickup(order) {
    // Where and until when: while it waits there (afterwards the timeline keeps the story).
    if (!order.pickup || order.status !== 'READY_FOR_PICKUP') {
      return null;
    }
    const { location = {}, openingHours, storageUntil } = order.pickup;
    return h('section', { 'aria-labelledby': 'order-pickup-heading', class: 'card order-pickup' },
      h('h2', { id: 'order-pickup-heading' }, t('order.pickup')),
      h('p', {}, h('strong', {}, location.name || '')),
      h('p', {}, addressText(location.address)),
      location.phone ? h('p', {}, t('order.phone'), ' ', h('a', { href: 'tel:' + location.phone.replace(/\s+/g, '') },
        location.phone)) : null,
      openingHours?.length ? h('h3', {}, t('order.openingHours')) : null,
      openingHoursList(openingHours),
      storageUntil ? h('p', { class: 'order-storage' }, h('strong', {}, t('order.storageUntil', { date: date(storageUntil) })))
        : null);
  }

  payment(order) {
    const payment = order.payment || {};
    const unpaid = payment.status === 'PENDING' || payment.status === 'FAILED';
    const children = [
      h('h2', { id: 'order-payment-heading' }, t('order.payment')),
      h('dl', { class: 'order-facts' },
        h('dt', {}, t('order.paymentMethod')), h('dd', {}, word('method', payment.method)),
        h('dt', {}, t('order.paymentStatus')), h('dd', { id: 'payment-status' }, word('payment', payment.status)),
        unpaid && payment.dueBy ? [h('dt', {}, t('order.dueBy')), h('dd', {}, dateTime(payment.dueBy))] : null),
    ];
    const instructions = payment.instructions || {};
    if (unpaid && payment.method === 'CARD' && instructions.paymentUrl) {
      children.push(h('p', {}, h('a', { href: instructions.paymentUrl, class: 'button', id: 'card-payment-link',
        rel: 'noopener noreferrer' }, t('order.payByCard'))));
    }
    if (unpaid && payment.method === 'BANK_TRANSFER' && instructions.iban) {
      children.push(bankTransfer(instructions));
    }
    if (payment.status === 'ON_DELIVERY') {
      children.push(h('p', {}, t(order.delivery?.method === 'HOME' ? 'order.codHome' : 'order.codPickup',
        { amount: money(order.total) })));
    }
    return h('section', { 'aria-labelledby': 'order-payment-heading' }, children);
  }

  returns(order) {
    if (!order.returns?.length) {
      return null;
    }
    const names = new Map(order.lines.map((line) => [line.sku, lineName(line)]));
    return h('section', { 'aria-labelledby': 'order-returns-heading' },
      h('h2', { id: 'order-returns-heading' }, t('order.returns')),
      h('ul', { class: 'order-cards' }, order.returns.map((r) => h('li', { class: 'card order-return', id: 'return-' + r.returnId },
        h('h3', {}, t('order.returnTitle', { id: r.returnId })),
        h('p', {}, word('returnStatus', r.status), ' · ', word('resolution', r.resolution)),
        h('ul', {}, (r.lines || []).map((l) => h('li', {},
          `${l.quantity} × ${names.get(l.sku) || l.sku} — ${word('reason', l.reason)}`))),
        r.refund ? h('p', {}, t('order.refund', { amount: money(r.refund) })) : null,
        r.exchangeOrderId ? h('p', {}, h('a', {
          href: `/orders/${encodeURIComponent(r.exchangeOrderId)}#token=${encodeURIComponent(this.token)}`,
        }, t('order.exchangeOrder', { id: r.exchangeOrderId }))) : null,
        r.label?.url && r.status === 'REQUESTED' ? [
          h('p', {}, h('a', { href: r.label.url, class: 'button order-label-link', rel: 'noopener noreferrer' },
            t('order.label'))),
          h('p', { class: 'muted' }, t('order.labelHint', { carrier: carrierName(r.label.carrier), code: r.label.code })),
        ] : null))));
  }

  tickets(order) {
    if (!order.tickets?.length) {
      return null;
    }
    return h('section', { 'aria-labelledby': 'order-tickets-heading' },
      h('h2', { id: 'order-tickets-heading' }, t('order.tickets')),
      h('ul', {}, order.tickets.map((ticket) => h('li', { id: 'ticket-' + ticket.ticketId },
        `${word('ticket', ticket.type)} — ${word('ticketStatus', ticket.status)} (${ticket.ticketId})`))));
  }
}

/** Account, amount, variable symbol, message, and the QR Platba string as a QR image and as text. */
function bankTransfer(instructions) {
  const box = h('div', { class: 'order-transfer' },
    h('dl', { class: 'order-facts' },
      h('dt', {}, t('order.iban')), h('dd', { class: 'order-code' }, instructions.iban),
      h('dt', {}, t('order.amount')), h('dd', { class: 'price' }, money(instructions.amount)),
      h('dt', {}, t('order.variableSymbol')), h('dd', { class: 'order-code' }, instructions.variableSymbol),
      instructions.message ? [h('dt', {}, t('order.message')), h('dd', {}, instructions.message)] : null));
  if (instructions.qrPayment) {
    const figure = h('figure', { class: 'order-qr-figure' },
      h('figcaption', {}, t('order.qrCaption')),
      h('p', { class: 'order-spd-label' }, t('order.qrText'), ' ',
        h('code', { class: 'order-spd', id: 'qr-payment-text' }, instructions.qrPayment)));
    box.append(figure);
    // The library is loaded only when a transfer is shown; the text above stays if it fails.
    import('/vendor/qrcode.mjs').then(({ default: qrcode }) => {
      const qr = qrcode(0, 'M');
      qr.addData(instructions.qrPayment);
      qr.make();
      figure.prepend(h('img', { src: qr.createDataURL(5, 16), class: 'order-qr', id: 'qr-payment-image',
        alt: t('order.qrAlt', { amount: money(instructions.amount), symbol: instructions.variableSymbol }) }));
    }).catch((error) => console.warn('QR code not drawn', error));
  }
  return box;
}

define({
  en: {
    'order.title': 'Order {id}',
    'order.statusLabel': 'Status:',
    'order.placedAt': 'Placed on {time}',
    'order.invalid.title': 'This link is not valid',
    'order.invalid.text': 'We cannot show an order for this link. It may be incomplete: open it again from your order e-mail, or copy the whole address.',
    'order.exchangeFor': 'This order sends the exchanged item for order {id}.',
    'order.openOriginal': 'Open the original order',
    'order.summary': 'Summary',
    'order.delivery': 'Delivery',
    'order.address': 'Address',
    'order.estimate': 'Estimated delivery',
    'order.between': 'between {from} and {to}',
    'order.slot': 'Delivery time',
    'order.modifiableUntil': 'You can change it until',
    'order.returnUntil': 'Return by',
    'order.damageReportUntil': 'Report damage by',
    'order.tracking': 'Tracking',
    'order.trackParcel': 'Track parcel {number}',
    'order.carrier': 'Carrier: {carrier}',
    'order.pickup': 'Where to pick it up',
    'order.phone': 'Phone:',
    'order.openingHours': 'Opening hours',
    'order.storageUntil': 'We keep it for you until {date}.',
    'order.payment': 'Payment',
    'order.paymentMethod': 'Method',
    'order.paymentStatus': 'Status',
    'order.dueBy': 'Pay by',
    'order.payByCard': 'Pay by card',
    'order.codHome': 'You pay {amount} to the courier when the parcel arrives.',
    'order.codPickup': 'You pay {amount} when you pick it up.',
    'order.iban': 'Account (IBAN)',
    'order.amount': 'Amount',
    'order.variableSymbol': 'Variable symbol',
    'order.message': 'Message for the recipient',
    'order.qrCaption': 'Scan this QR Platba code in your banking app: it fills in the payment for you.',
    'order.qrText': 'The same payment as text:',
    'order.qrAlt': 'QR payment code: {amount}, variable symbol {symbol}',
    'order.items': 'Items',
    'order.deliveryPrice': 'Delivery',
    'order.total': 'Total',
    'order.returns': 'Returns and exchanges',
    'order.returnTitle': 'Return {id}',
    'order.refund': 'Refund: {amount}',
    'order.exchangeOrder': 'The exchange: order {id}',
    'order.label': 'Download the return label (PDF)',
    'order.labelHint': 'Print it and stick it on the parcel; {carrier} collects it. Label code {code}.',
    'order.tickets': 'Your reports',
    'order.history': 'History',
  },
  cs: {
    'order.title': 'Objednávka {id}',
    'order.statusLabel': 'Stav:',
    'order.placedAt': 'Vytvořena {time}',
    'order.invalid.title': 'Tento odkaz není platný',
    'order.invalid.text': 'K tomuto odkazu nemůžeme zobrazit žádnou objednávku. Možná je neúplný: otevřete ho znovu z e-mailu k objednávce nebo zkopírujte celou adresu.',
    'order.exchangeFor': 'Touto objednávkou posíláme vyměněné zboží k objednávce {id}.',
    'order.openOriginal': 'Otevřít původní objednávku',
    'order.summary': 'Přehled',
    'order.delivery': 'Doprava',
    'order.address': 'Adresa',
    'order.estimate': 'Předpokládané doručení',
    'order.between': 'mezi {from} a {to}',
    'order.slot': 'Čas doručení',
    'order.modifiableUntil': 'Změnit ji můžete do',
    'order.returnUntil': 'Vrátit lze do',
    'order.damageReportUntil': 'Poškození nahlaste do',
    'order.tracking': 'Sledování zásilky',
    'order.trackParcel': 'Sledovat zásilku {number}',
    'order.carrier': 'Dopravce: {carrier}',
    'order.pickup': 'Kde si zboží vyzvednete',
    'order.phone': 'Telefon:',
    'order.openingHours': 'Otevírací doba',
    'order.storageUntil': 'Zboží pro vás držíme do {date}.',
    'order.payment': 'Platba',
    'order.paymentMethod': 'Způsob',
    'order.paymentStatus': 'Stav',
    'order.dueBy': 'Zaplaťte do',
    'order.payByCard': 'Zaplatit kartou',
    'order.codHome': 'Částku {amount} zaplatíte kurýrovi při převzetí balíku.',
    'order.codPickup': 'Částku {amount} zaplatíte při vyzvednutí.',
    'order.iban': 'Účet (IBAN)',
    'order.amount': 'Částka',
    'order.variableSymbol': 'Variabilní symbol',
    'order.message': 'Zpráva pro příjemce',
    'order.qrCaption': 'Naskenujte QR Platbu v aplikaci své banky: platbu vyplní za vás.',
    'order.qrText': 'Stejná platba jako text:',
    'order.qrAlt': 'QR kód platby: {amount}, variabilní symbol {symbol}',
    'order.items': 'Zboží',
    'order.deliveryPrice': 'Doprava',
    'order.total': 'Celkem',
    'order.returns': 'Vrácení a výměny',
    'order.returnTitle': 'Vrácení {id}',
    'order.refund': 'Vrácená částka: {amount}',
    'order.exchangeOrder': 'Výměna: objednávka {id}',
    'order.label': 'Stáhnout štítek pro vrácení (PDF)',
    'order.labelHint': 'Vytiskněte ho a nalepte na balík, vyzvedne ho {carrier}. Kód štítku {code}.',
    'order.tickets': 'Vaše hlášení',
    'order.history': 'Historie',
  },
  fr: {
    'order.title': 'Commande {id}',
    'order.statusLabel': 'État :',
    'order.placedAt': 'Passée le {time}',
    'order.invalid.title': 'Ce lien n’est pas valide',
    'order.invalid.text': 'Nous ne pouvons afficher aucune commande pour ce lien. Il est peut-être incomplet : ouvrez-le de nouveau depuis l’e-mail de votre commande, ou copiez l’adresse en entier.',
    'order.exchangeFor': 'Cette commande envoie l’article échangé de la commande {id}.',
    'order.openOriginal': 'Ouvrir la commande d’origine',
    'order.summary': 'Récapitulatif',
    'order.delivery': 'Livraison',
    'order.address': 'Adresse',
    'order.estimate': 'Livraison estimée',
    'order.between': 'entre le {from} et le {to}',
    'order.slot': 'Créneau de livraison',
    'order.modifiableUntil': 'Modifiable jusqu’au',
    'order.returnUntil': 'Retour possible jusqu’au',
    'order.damageReportUntil': 'Signaler un dommage avant le',
    'order.tracking': 'Suivi',
    'order.trackParcel': 'Suivre le colis {number}',
    'order.carrier': 'Transporteur : {carrier}',
    'order.pickup': 'Où la retirer',
    'order.phone': 'Téléphone :',
    'order.openingHours': 'Horaires d’ouverture',
    'order.storageUntil': 'Nous la gardons pour vous jusqu’au {date}.',
    'order.payment': 'Paiement',
    'order.paymentMethod': 'Mode',
    'order.paymentStatus': 'État',
    'order.dueBy': 'À payer avant le',
    'order.payByCard': 'Payer par carte',
    'order.codHome': 'Vous payez {amount} au livreur à la réception du colis.',
    'order.codPickup': 'Vous payez {amount} au moment du retrait.',
    'order.iban': 'Compte (IBAN)',
    'order.amount': 'Montant',
    'order.variableSymbol': 'Symbole variable',
    'order.message': 'Message pour le bénéficiaire',
    'order.qrCaption': 'Scannez ce code QR Platba dans l’application de votre banque : il remplit le virement pour vous.',
    'order.qrText': 'Le même paiement en texte :',
    'order.qrAlt': 'Code QR de paiement : {amount}, symbole variable {symbol}',
    'order.items': 'Articles',
    'order.deliveryPrice': 'Livraison',
    'order.total': 'Total',
    'order.returns': 'Retours et échanges',
    'order.returnTitle': 'Retour {id}',
    'order.refund': 'Remboursement : {amount}',
    'order.exchangeOrder': 'L’échange : commande {id}',
    'order.label': 'Télécharger l’étiquette de retour (PDF)',
    'order.labelHint': 'Imprimez-la et collez-la sur le colis ; {carrier} vient le chercher. Code de l’étiquette : {code}.',
    'order.tickets': 'Vos signalements',
    'order.history': 'Historique',
  },
  uk: {
    'order.title': 'Замовлення {id}',
    'order.statusLabel': 'Стан:',
    'order.placedAt': 'Оформлено {time}',
    'order.invalid.title': 'Це посилання недійсне',
    'order.invalid.text': 'За цим посиланням не вдається показати замовлення. Можливо, воно неповне: відкрийте його ще раз із листа про замовлення або скопіюйте адресу повністю.',
    'order.exchangeFor': 'Цим замовленням надсилаємо обмінений товар до замовлення {id}.',
    'order.openOriginal': 'Відкрити початкове замовлення',
    'order.summary': 'Огляд',
    'order.delivery': 'Доставка',
    'order.address': 'Адреса',
    'order.estimate': 'Очікувана доставка',
    'order.between': 'між {from} і {to}',
    'order.slot': 'Час доставки',
    'order.modifiableUntil': 'Змінити можна до',
    'order.returnUntil': 'Повернути можна до',
    'order.damageReportUntil': 'Повідомте про пошкодження до',
    'order.tracking': 'Відстеження',
    'order.trackParcel': 'Відстежити посилку {number}',
    'order.carrier': 'Перевізник: {carrier}',
    'order.pickup': 'Де забрати',
    'order.phone': 'Телефон:',
    'order.openingHours': 'Години роботи',
    'order.storageUntil': 'Ми зберігаємо його для вас до {date}.',
    'order.payment': 'Оплата',
    'order.paymentMethod': 'Спосіб',
    'order.paymentStatus': 'Стан',
    'order.dueBy': 'Оплатіть до',
    'order.payByCard': 'Оплатити карткою',
    'order.codHome': 'Ви сплачуєте {amount} кур’єрові під час отримання посилки.',
    'order.codPickup': 'Ви сплачуєте {amount} під час отримання.',
    'order.iban': 'Рахунок (IBAN)',
    'order.amount': 'Сума',
    'order.variableSymbol': 'Варіабельний символ',
    'order.message': 'Повідомлення для одержувача',
    'order.qrCaption': 'Відскануйте цей QR-код QR Platba у застосунку свого банку: він заповнить платіж за вас.',
    'order.qrText': 'Той самий платіж текстом:',
    'order.qrAlt': 'QR-код платежу: {amount}, варіабельний символ {symbol}',
    'order.items': 'Товари',
    'order.deliveryPrice': 'Доставка',
    'order.total': 'Разом',
    'order.returns': 'Повернення та обміни',
    'order.returnTitle': 'Повернення {id}',
    'order.refund': 'Повернено: {amount}',
    'order.exchangeOrder': 'Обмін: замовлення {id}',
    'order.label': 'Завантажити етикетку для повернення (PDF)',
    'order.labelHint': 'Роздрукуйте її та наклейте на посилку — її забере {carrier}. Код етикетки {code}.',
    'order.tickets': 'Ваші звернення',
    'order.history': 'Історія',
  },
});
