// The landing page: the categories and what the demo shows.
import { CATEGORIES } from '../shop.js';
import { define, t } from '../i18n.js';
import { h } from '../ui.js';

export async function render({ main }) {
  main.replaceChildren(
    h('h1', {}, t('home.title')),
    h('p', { class: 'lead' }, t('home.lead')),
    h('ul', { class: 'category-tiles' }, CATEGORIES.map((id) => h('li', {},
      h('a', { href: `/categories/${id}`, class: 'tile' }, t('category.' + id))))));
  return t('home.title');
}

define({
  en: {
    'home.title': 'Welcome',
    'home.lead': 'Browse a category: sold-out items come last, and every size tells you whether you can buy it.',
  },
  cs: {
    'home.title': 'Vítejte',
    'home.lead': 'Vyberte si kategorii: vyprodané zboží je na konci a u každé velikosti hned vidíte, zda ji lze koupit.',
  },
  fr: {
    'home.title': 'Bienvenue',
    'home.lead': 'Parcourez une catégorie : les articles épuisés sont en dernier, et chaque taille indique si elle est disponible.',
  },
  uk: {
    'home.title': 'Ласкаво просимо',
    'home.lead': 'Оберіть категорію: розпродані товари показано в кінці, а біля кожного розміру видно, чи його можна купити.',
  },
});
