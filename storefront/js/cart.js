// The cart lives in this browser only (localStorage): lines of {sku, productId, name, variant, price, quantity}.
const KEY = 'shopcare.cart';
const listeners = [];

export function lines() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || '[]');
    return Array.isArray(saved) ? saved : [];
  } catch (e) {
    return [];
  }
}

function save(next) {
  localStorage.setItem(KEY, JSON.stringify(next));
  listeners.forEach((listener) => listener(next));
}

/** Adds quantity units of a SKU (up to 99 per line, the contract's limit). */
export function add(line, quantity = 1) {
  const next = lines();
  const existing = next.find((l) => l.sku === line.sku);
  if (existing) {
    existing.quantity = Math.min(99, existing.quantity + quantity);
  } else {
    next.push({ ...line, quantity: Math.min(99, quantity) });
  }
  save(next);
}

export function setQuantity(sku, quantity) {
  save(lines().map((l) => (l.sku === sku ? { ...l, quantity } : l)).filter((l) => l.quantity > 0));
}

export function remove(sku) {
  save(lines().filter((l) => l.sku !== sku));
}

export function clear() {
  save([]);
}

export function count() {
  return lines().reduce((sum, l) => sum + l.quantity, 0);
}

export function onChange(listener) {
  listeners.push(listener);
}
