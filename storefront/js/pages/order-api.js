// The order routes take the order's access token as a bearer token (storefront-api.md), which the
// frame's api() does not send: this is api() with that one header, the same errors and the same
// language. The token comes from the e-mail link's fragment and is sent to the API only.
import { ApiError, NetworkError, apiUrl, newIdempotencyKey } from '../api.js';
import { locale } from '../i18n.js';

export async function orderApi(method, path, token, { body, idempotencyKey } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': locale(), Authorization: 'Bearer ' + token };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (idempotencyKey) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  let response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch (e) {
    throw new NetworkError(e.message);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.error || (json?.message ? { message: json.message } : null));
  }
  return json;
}

/**
 * Idempotency keys per form: a retry of the same submission (same form, same body: a second click,
 * a timeout) sends the same key, so nothing happens twice; a changed body, or a new submission after
 * a success, gets a fresh key.
 */
export class Keys {
  constructor() {
    this.pending = new Map();
  }

  for(form, body) {
    const text = JSON.stringify(body ?? null);
    const last = this.pending.get(form);
    if (last && last.text === text) {
      return last.key;
    }
    const key = newIdempotencyKey();
    this.pending.set(form, { text, key });
    return key;
  }

  done(form) {
    this.pending.delete(form);
  }
}
