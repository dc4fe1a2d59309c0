// A category: its products (sold-out last, as the API orders them), filters built from the facets
// (only values that can be bought), and pages through nextCursor. The filters and the page are in
// the URL (?size=&colour=&cursor=&back=…), so a link, a reload and the Back button all work: each
// "next page" remembers the cursor it came from in `back`.
import { api } from '../api.js';
import { date, define, money, t } from '../i18n.js';
import { availabilityBadge, h } from '../ui.js';
import { colourName } from './shop-common.js';

/** Small pages, so the demo's ten jackets show the paging. */
const PAGE_SIZE = 6;
const FACETS = ['size', 'colour'];

function pageUrl(categoryId, { size, colour, cursor, back = [] }) {
  const query = new URLSearchParams();
  if (size) query.set('size', size);
  if (colour) query.set('colour', colour);
  if (cursor) query.set('cursor', cursor);
  back.forEach((c) => query.append('back', c));
  const text = query.toString();
  return `/categories/${encodeURIComponent(categoryId)}${text ? '?' + text : ''}`;
}

export async function render({ params, query, main, navigate, isCurrent }) {
  const [categoryId] = params;
  const state = {
    size: query.get('size') || '',
    colour: query.get('colour') || '',
    cursor: query.get('cursor') || '',
    back: query.getAll('back'),
  };
  const apiQuery = new URLSearchParams({ limit: String(PAGE_SIZE) });
  for (const facet of FACETS) {
    if (state[facet]) apiQuery.set(facet, state[facet]);
  }
  if (state.cursor) apiQuery.set('cursor', state.cursor);
  const listing = await api('GET', `/categories/${encodeURIComponent(categoryId)}/products?${apiQuery}`);
  if (!isCurrent()) {
    return '';
  }
  const title = t('category.' + categoryId) === 'category.' + categoryId ? categoryId : t('category.' + categoryId);
  const pageNumber = state.back.length + 1;

  const filters = h('form', { class: 'shop-filters', 'aria-label': t('list.filters'), onsubmit: (e) => e.preventDefault() },
    h('fieldset', {},
      h('legend', {}, t('list.filters')),
      h('div', { class: 'shop-filter-row' },
        FACETS.map((facet) => {
          const values = [...(listing.facets?.[facet] || [])];
          if (state[facet] && !values.some((v) => v.value === state[facet])) {
            values.push({ value: state[facet], count: 0 });
          }
          const id = 'filter-' + facet;
          return h('div', { class: 'field' },
            h('label', { for: id }, t('list.facet.' + facet)),
            h('select', {
              id, name: facet,
              onchange: (e) => navigate(pageUrl(categoryId, { ...state, [facet]: e.target.value, cursor: '', back: [] })),
            },
            h('option', { value: '' }, t('list.any.' + facet)),
            values.map((v) => h('option', { value: v.value, selected: v.value === state[facet] },
              t('list.facetValue', { value: facet === 'colour' ? colourName(v.value) : v.value, count: v.count })))));
        }),
        state.size || state.colour
          ? h('p', { class: 'shop-clear' }, h('a', { href: pageUrl(categoryId, {}) }, t('list.clear')))
          : null)));

  const items = listing.items || [];
  const list = items.length
    ? h('ul', { class: 'product-grid', id: 'product-list' }, items.map((item) => h('li', {
      class: 'card shop-product-card', 'data-availability': item.availability, 'data-product-id': item.productId,
    },
    h('h2', { class: 'shop-card-title' }, h('a', { href: `/products/${encodeURIComponent(item.productId)}` }, item.name)),
    h('p', { class: 'price' }, money(item.price)),
    h('p', {}, availabilityBadge(item)),
    item.availability === 'PREORDER' && item.preorder
      ? h('p', { class: 'muted' }, t('list.expected', { date: date(item.preorder.expectedDate) }))
      : null)))
    : h('p', { role: 'status' }, t('list.empty'));

  const previous = state.back.length
    ? h('a', {
      class: 'button secondary', rel: 'prev',
      href: pageUrl(categoryId, { ...state, cursor: state.back[state.back.length - 1], back: state.back.slice(0, -1) }),
    }, t('list.previous'))
    : null;
  const next = listing.nextCursor
    ? h('a', {
      class: 'button secondary', rel: 'next',
      href: pageUrl(categoryId, { ...state, cursor: listing.nextCursor, back: [...state.back, state.cursor] }),
    }, t('list.next'))
    : null;

  main.replaceChildren(
    h('h1', {}, title),
    filters,
    h('p', { class: 'muted', id: 'page-status', role: 'status' }, t('list.pageStatus', { page: pageNumber, count: items.length })),
    list,
    previous || next ? h('nav', { class: 'shop-pager', 'aria-label': t('list.pages') }, previous, next) : null);
  return pageNumber > 1 ? `${title} · ${t('list.page', { page: pageNumber })}` : title;
}

define({
  en: {
    'list.filters': 'Filter',
    'list.facet.size': 'Size',
    'list.facet.colour': 'Colour',
    'list.any.size': 'All sizes',
    'list.any.colour': 'All colours',
    'list.facetValue': ({ count }, form) => (form === 'one' ? '{value} (1 product)' : '{value} ({count} products)'),
    'list.clear': 'Clear filters',
    'list.expected': 'Expected {date}',
    'list.empty': 'Nothing matches these filters right now.',
    'list.previous': '← Previous page',
    'list.next': 'Next page →',
    'list.pages': 'Pages',
    'list.page': 'page {page}',
    'list.pageStatus': ({ count }, form) => (form === 'one' ? 'Page {page}: 1 product' : 'Page {page}: {count} products'),
  },
  cs: {
    'list.filters': 'Filtr',
    'list.facet.size': 'Velikost',
    'list.facet.colour': 'Barva',
    'list.any.size': 'Všechny velikosti',
    'list.any.colour': 'Všechny barvy',
    'list.facetValue': ({ count }, form) => (form === 'one' ? '{value} (1 produkt)'
      : form === 'few' ? '{value} ({count} produkty)' : '{value} ({count} produktů)'),
    'list.clear': 'Zrušit filtry',
    'list.expected': 'Očekáváme {date}',
    'list.empty': 'Těmto filtrům teď nic neodpovídá.',
    'list.previous': '← Předchozí stránka',
    'list.next': 'Další stránka →',
    'list.pages': 'Stránky',
    'list.page': 'strana {page}',
    'list.pageStatus': ({ count }, form) => (form === 'one' ? 'Strana {page}: 1 produkt'
      : form === 'few' ? 'Strana {page}: {count} produkty' : 'Strana {page}: {count} produktů'),
  },
  fr: {
    'list.filters': 'Filtrer',
    'list.facet.size': 'Taille',
    'list.facet.colour': 'Couleur',
    'list.any.size': 'Toutes les tailles',
    'list.any.colour': 'Toutes les couleurs',
    'list.facetValue': ({ count }, form) => (form === 'one' ? '{value} ({count} produit)' : '{value} ({count} produits)'),
    'list.clear': 'Effacer les filtres',
    'list.expected': 'Attendu le {date}',
    'list.empty': 'Aucun produit ne correspond à ces filtres pour le moment.',
    'list.previous': '← Page précédente',
    'list.next': 'Page suivante →',
    'list.pages': 'Pages',
    'list.page': 'page {page}',
    'list.pageStatus': ({ count }, form) => (form === 'one' ? 'Page {page} : {count} produit' : 'Page {page} : {count} produits'),
  },
  uk: {
    'list.filters': 'Фільтр',
    'list.facet.size': 'Розмір',
    'list.facet.colour': 'Колір',
    'list.any.size': 'Усі розміри',
    'list.any.colour': 'Усі кольори',
    'list.facetValue': ({ count }, form) => (form === 'one' ? '{value} ({count} товар)'
      : form === 'few' ? '{value} ({count} товари)' : '{value} ({count} товарів)'),
    'list.clear': 'Скинути фільтри',
    'list.expected': 'Очікується {date}',
    'list.empty': 'Зараз жоден товар не відповідає цим фільтрам.',
    'list.previous': '← Попередня сторінка',
    'list.next': 'Наступна сторінка →',
    'list.pages': 'Сторінки',
    'list.page': 'сторінка {page}',
    'list.pageStatus': ({ count }, form) => (form === 'one' ? 'Сторінка {page}: {count} товар'
      : form === 'few' ? 'Сторінка {page}: {count} товари' : 'Сторінка {page}: {count} товарів'),
  },
});
