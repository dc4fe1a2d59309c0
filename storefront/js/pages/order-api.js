// The order routes take the order's access token as a bearer token (storefront-api.md); it comes
// from the e-mail link's fragment and is sent to the API only.
import { api, newIdempotencyKey } from '../api.js';

export function orderApi(method, path, token, { body, idempotencyKey } = {}) {
  return api(method, path, { body, bearer: token, idempotencyKey });
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
