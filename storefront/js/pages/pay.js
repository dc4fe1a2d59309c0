// The card page an order links to. A shop's payment provider serves it; this demo has none, so the
// page says what would happen and where the merchant marks the order paid.
import { define, t } from '../i18n.js';
import { h } from '../ui.js';

export async function render({ params, main }) {
  const orderId = params[0];
  main.replaceChildren(
    h('h1', {}, t('pay.title')),
    h('p', { class: 'lead' }, t('pay.order', { orderId })),
    h('div', { class: 'notice notice-info' }, h('p', {}, t('pay.demo'))),
    h('p', {}, t('pay.merchant'), ' ',
      h('a', { href: `/merchant/orders/${encodeURIComponent(orderId)}` }, t('pay.merchantLink'))),
    h('p', {}, h('a', { href: '/' }, t('site.backHome'))));
  return t('pay.title');
}

define({
  en: {
    'pay.title': 'Card payment',
    'pay.order': 'Order {orderId}',
    'pay.demo': 'This demo shop has no payment provider. In a real shop this page is the provider’s card form, and the provider tells Shopcare when the order is paid.',
    'pay.merchant': 'Here the merchant marks the order paid instead:',
    'pay.merchantLink': 'open the order in the merchant view',
  },
  cs: {
    'pay.title': 'Platba kartou',
    'pay.order': 'Objednávka {orderId}',
    'pay.demo': 'Tento ukázkový obchod nemá platební bránu. Ve skutečném obchodě je zde formulář platební brány a ta Shopcare oznámí, že je objednávka zaplacena.',
    'pay.merchant': 'Zde místo toho označí objednávku jako zaplacenou obchodník:',
    'pay.merchantLink': 'otevřít objednávku v rozhraní obchodníka',
  },
  fr: {
    'pay.title': 'Paiement par carte',
    'pay.order': 'Commande {orderId}',
    'pay.demo': 'Cette boutique de démonstration n’a pas de prestataire de paiement. Dans une vraie boutique, cette page est le formulaire de carte du prestataire, qui signale ensuite à Shopcare que la commande est payée.',
    'pay.merchant': 'Ici, c’est le marchand qui marque la commande comme payée :',
    'pay.merchantLink': 'ouvrir la commande dans l’espace marchand',
  },
  uk: {
    'pay.title': 'Оплата карткою',
    'pay.order': 'Замовлення {orderId}',
    'pay.demo': 'Цей демонстраційний магазин не має платіжного провайдера. У справжньому магазині тут форма оплати провайдера, який потім повідомляє Shopcare, що замовлення оплачено.',
    'pay.merchant': 'Тут замість цього продавець позначає замовлення як оплачене:',
    'pay.merchantLink': 'відкрити замовлення в кабінеті продавця',
  },
});
