// Where the confirm link of an alert e-mail lands (the API confirms, then sends the browser here):
// ?status=ACTIVE|NOTIFIED&sku=… or ?error=NOT_FOUND|SUBSCRIPTION_ENDED|TOKEN_EXPIRED.
import { define, t } from '../i18n.js';
import { h } from '../ui.js';

const ERRORS = ['TOKEN_EXPIRED', 'SUBSCRIPTION_ENDED', 'NOT_FOUND'];

export async function render({ query, main }) {
  const status = query.get('status');
  const sku = query.get('sku');
  const error = query.get('error');
  let title;
  let body;
  if (error) {
    const code = ERRORS.includes(error) ? error : 'OTHER';
    title = t('alerts.error.title');
    body = h('div', { class: 'notice notice-error', role: 'alert' }, h('p', {}, t('alerts.error.' + code)));
  } else if (status === 'ACTIVE' || status === 'NOTIFIED') {
    title = t('alerts.confirmed.title');
    const text = sku ? t('alerts.' + status + '.sku', { sku }) : t('alerts.' + status + '.digest');
    body = h('div', { class: 'notice notice-success', role: 'status' }, h('p', {}, text));
  } else {
    title = t('alerts.unknown.title');
    body = h('p', {}, t('alerts.unknown.text'));
  }
  main.replaceChildren(
    h('h1', {}, title),
    body,
    error || !status ? null : h('p', {}, t('alerts.unsubscribeNote')),
    h('p', {}, h('a', { href: '/', class: 'button' }, t('alerts.back'))));
  return title;
}

define({
  en: {
    'alerts.confirmed.title': 'Thank you, you are signed up',
    'alerts.ACTIVE.sku': 'You will get an e-mail when {sku} is back in stock.',
    'alerts.ACTIVE.digest': 'You will get a weekly e-mail listing what came back in stock.',
    'alerts.NOTIFIED.sku': 'We already sent you the e-mail: {sku} is back in stock.',
    'alerts.NOTIFIED.digest': 'Your sign-up is confirmed.',
    'alerts.unsubscribeNote': 'Every e-mail we send has a link to unsubscribe with one click.',
    'alerts.error.title': 'This link does not work',
    'alerts.error.TOKEN_EXPIRED': 'This confirmation link has expired. Sign up again on the product page and use the new e-mail.',
    'alerts.error.SUBSCRIPTION_ENDED': 'This sign-up ended when you unsubscribed. To get alerts again, sign up again on the product page.',
    'alerts.error.NOT_FOUND': 'We do not know this link. Check that you opened the whole link from the e-mail, or sign up again.',
    'alerts.error.OTHER': 'Something went wrong with this link. Please sign up again on the product page.',
    'alerts.unknown.title': 'Back-in-stock alerts',
    'alerts.unknown.text': 'Open the link from your confirmation e-mail to confirm an alert.',
    'alerts.back': 'Back to the shop',
  },
  cs: {
    'alerts.confirmed.title': 'Děkujeme, odběr je potvrzen',
    'alerts.ACTIVE.sku': 'Až bude {sku} znovu skladem, pošleme vám e-mail.',
    'alerts.ACTIVE.digest': 'Jednou týdně vám pošleme přehled zboží, které je znovu skladem.',
    'alerts.NOTIFIED.sku': 'E-mail jsme vám už poslali: {sku} je znovu skladem.',
    'alerts.NOTIFIED.digest': 'Odběr je potvrzen.',
    'alerts.unsubscribeNote': 'Každý náš e-mail obsahuje odkaz, kterým se odhlásíte jedním kliknutím.',
    'alerts.error.title': 'Tento odkaz nefunguje',
    'alerts.error.TOKEN_EXPIRED': 'Platnost potvrzovacího odkazu vypršela. Přihlaste se znovu na stránce produktu a použijte nový e-mail.',
    'alerts.error.SUBSCRIPTION_ENDED': 'Tento odběr skončil, když jste se odhlásili. Chcete-li upozornění znovu, přihlaste se na stránce produktu.',
    'alerts.error.NOT_FOUND': 'Tento odkaz neznáme. Zkontrolujte, že jste otevřeli celý odkaz z e-mailu, nebo se přihlaste znovu.',
    'alerts.error.OTHER': 'S tímto odkazem se něco pokazilo. Přihlaste se prosím znovu na stránce produktu.',
    'alerts.unknown.title': 'Upozornění na naskladnění',
    'alerts.unknown.text': 'Upozornění potvrdíte odkazem z potvrzovacího e-mailu.',
    'alerts.back': 'Zpět do obchodu',
  },
  fr: {
    'alerts.confirmed.title': 'Merci, votre inscription est confirmée',
    'alerts.ACTIVE.sku': 'Vous recevrez un e-mail quand {sku} sera de retour en stock.',
    'alerts.ACTIVE.digest': 'Vous recevrez chaque semaine un e-mail avec les articles de retour en stock.',
    'alerts.NOTIFIED.sku': 'Nous vous avons déjà envoyé l’e-mail : {sku} est de retour en stock.',
    'alerts.NOTIFIED.digest': 'Votre inscription est confirmée.',
    'alerts.unsubscribeNote': 'Chaque e-mail que nous envoyons contient un lien pour se désabonner en un clic.',
    'alerts.error.title': 'Ce lien ne fonctionne pas',
    'alerts.error.TOKEN_EXPIRED': 'Ce lien de confirmation a expiré. Inscrivez-vous à nouveau sur la page du produit et utilisez le nouvel e-mail.',
    'alerts.error.SUBSCRIPTION_ENDED': 'Cette inscription a pris fin lors de votre désabonnement. Pour recevoir à nouveau des alertes, inscrivez-vous sur la page du produit.',
    'alerts.error.NOT_FOUND': 'Nous ne reconnaissons pas ce lien. Vérifiez que vous avez ouvert le lien complet de l’e-mail, ou inscrivez-vous à nouveau.',
    'alerts.error.OTHER': 'Un problème est survenu avec ce lien. Veuillez vous inscrire à nouveau sur la page du produit.',
    'alerts.unknown.title': 'Alertes de retour en stock',
    'alerts.unknown.text': 'Ouvrez le lien de votre e-mail de confirmation pour confirmer une alerte.',
    'alerts.back': 'Retour à la boutique',
  },
  uk: {
    'alerts.confirmed.title': 'Дякуємо, підписку підтверджено',
    'alerts.ACTIVE.sku': 'Ми надішлемо вам лист, коли {sku} знову буде в наявності.',
    'alerts.ACTIVE.digest': 'Щотижня ви отримуватимете лист із товарами, що знову з’явилися в наявності.',
    'alerts.NOTIFIED.sku': 'Ми вже надіслали вам лист: {sku} знову в наявності.',
    'alerts.NOTIFIED.digest': 'Підписку підтверджено.',
    'alerts.unsubscribeNote': 'Кожен наш лист містить посилання, щоб відписатися одним кліком.',
    'alerts.error.title': 'Це посилання не працює',
    'alerts.error.TOKEN_EXPIRED': 'Термін дії посилання для підтвердження минув. Підпишіться знову на сторінці товару й скористайтеся новим листом.',
    'alerts.error.SUBSCRIPTION_ENDED': 'Ця підписка завершилася, коли ви відписалися. Щоб знову отримувати сповіщення, підпишіться на сторінці товару.',
    'alerts.error.NOT_FOUND': 'Ми не знаємо цього посилання. Перевірте, чи ви відкрили посилання з листа повністю, або підпишіться знову.',
    'alerts.error.OTHER': 'З цим посиланням щось не так. Будь ласка, підпишіться знову на сторінці товару.',
    'alerts.unknown.title': 'Сповіщення про наявність',
    'alerts.unknown.text': 'Щоб підтвердити сповіщення, відкрийте посилання з листа-підтвердження.',
    'alerts.back': 'Повернутися до магазину',
  },
});
