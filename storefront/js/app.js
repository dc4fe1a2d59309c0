// The demo storefront: one page, a router over the paths e-mails and listings link to, and one
// module per page (js/pages/*.js). Each page module exports
//   render({params, query, hash, main, navigate}) → Promise<string> (the page title)
// and renders into main. Pages re-render when the language changes.
import { count as cartCount, onChange as onCartChange } from './cart.js';
import { LANGUAGE_NAMES, LOCALES, locale, onLocaleChange, setLocale, t } from './i18n.js';
import { CATEGORIES } from './shop.js';
import { errorBox, h } from './ui.js';


const ROUTES = [
  [/^\/$/, 'home'],
  [/^\/categories\/([^/]+)$/, 'category'],
  [/^\/products\/([^/]+)$/, 'product'],
  [/^\/cart$/, 'cart'],
  [/^\/orders\/([^/]+)$/, 'order'],
  [/^\/alerts\/confirmed$/, 'alerts'],
  [/^\/pay\/([^/]+)$/, 'pay'],
  [/^\/merchant(?:\/([a-z]+))?(?:\/([^/]+))?$/, 'merchant'],
];

const main = document.getElementById('main');
let renderCount = 0;

function match(path) {
  for (const [pattern, page] of ROUTES) {
    const found = pattern.exec(path);
    if (found) {
      return { page, params: found.slice(1).filter((p) => p !== undefined).map(decodeURIComponent) };
    }
  }
  return null;
}

/** Goes to a path of this storefront without reloading (history entry unless replace). */
export function navigate(url, { replace = false } = {}) {
  if (replace) {
    history.replaceState(null, '', url);
  } else {
    history.pushState(null, '', url);
  }
  render({ focus: true });
}

async function render({ focus = false } = {}) {
  const current = ++renderCount;
  renderHeader();
  const route = match(location.pathname);
  main.setAttribute('aria-busy', 'true');
  let title;
  try {
    if (!route) {
      main.replaceChildren(h('h1', {}, t('site.notFound')), h('p', {}, h('a', { href: '/' }, t('site.backHome'))));
      title = t('site.notFound');
    } else {
      const module = await import(`./pages/${route.page}.js`);
      if (current !== renderCount) {
        return;
      }
      title = await module.render({
        params: route.params,
        query: new URLSearchParams(location.search),
        hash: new URLSearchParams(location.hash.slice(1)),
        main,
        navigate,
        isCurrent: () => current === renderCount,
      });
    }
  } catch (error) {
    console.error(error);
    if (current === renderCount) {
      main.replaceChildren(errorBox(error));
    }
  } finally {
    if (current === renderCount) {
      main.removeAttribute('aria-busy');
    }
  }
  if (current !== renderCount) {
    return;
  }
  document.title = title ? `${title} · ${t('site.name')}` : t('site.name');
  if (focus) {
    main.focus();
  }
}

function renderHeader() {
  const header = document.getElementById('site-header');
  const languages = h('select', { id: 'language', onchange: (e) => setLocale(e.target.value) },
    LOCALES.map((code) => h('option', { value: code, lang: code, selected: code === locale() }, LANGUAGE_NAMES[code])));
  header.replaceChildren(
    h('a', { href: '/', class: 'brand' }, t('site.name')),
    h('nav', { 'aria-label': t('site.categories'), class: 'site-nav' },
      h('ul', {}, CATEGORIES.map((id) => h('li', {}, h('a', {
        href: `/categories/${id}`,
        'aria-current': location.pathname === `/categories/${id}` ? 'page' : false,
      }, t('category.' + id)))))),
    h('div', { class: 'site-tools' },
      h('a', { href: '/cart', class: 'cart-link', id: 'cart-link' }, t('site.cartCount', { count: cartCount() })),
      h('label', { for: 'language', class: 'language' }, t('site.language'), ' ', languages)));
  document.getElementById('skip-link').textContent = t('site.skip');
  document.getElementById('site-footer').replaceChildren(
    h('p', {}, t('site.footer'), ' ', h('a', { href: '/merchant' }, t('site.merchant'))));
}

// Links inside the storefront change the page without a reload; others (the API's label PDF,
// carriers' tracking pages) are ordinary links.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
      || event.shiftKey || event.altKey || link.target || link.hasAttribute('download')) {
    return;
  }
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || (url.pathname === location.pathname && url.search === location.search
      && url.hash)) {
    return;
  }
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

window.addEventListener('popstate', () => render({ focus: true }));
onLocaleChange(() => render());
onCartChange(() => {
  const link = document.getElementById('cart-link');
  if (link) {
    link.textContent = t('site.cartCount', { count: cartCount() });
  }
});

render();
