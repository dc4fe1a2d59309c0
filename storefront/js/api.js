// The only way pages talk to Shopcare: its public HTTP API (storefront-api.md), from another origin.
import { locale } from './i18n.js';

const API_URL = String(window.SHOPCARE_CONFIG?.apiUrl || '').replace(/\/+$/, '');
const ADMIN_TOKEN_KEY = 'shopcare.adminToken';

/** An answer in the contract's error shape: status, code, message and the fields at fault. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = error?.code || 'HTTP_' + status;
    this.details = error?.details || [];
  }
}

/** The request could not be made at all (offline, API down, CORS refused). */
export class NetworkError extends Error {}

export function apiUrl(path) {
  return API_URL + path;
}

/**
 * Calls the API and returns the parsed JSON (or null for an empty answer).
 * options: body (sent as JSON), admin (send the merchant's token), bearer (an order's access token,
 * from its e-mail link), idempotencyKey (creating POSTs: a retried click or a reload sends the same
 * key, so nothing happens twice).
 */
export async function api(method, path, { body, admin = false, bearer, idempotencyKey } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': locale() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (idempotencyKey) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  if (admin) {
    headers.Authorization = 'Bearer ' + (adminToken() || '');
  } else if (bearer) {
    headers.Authorization = 'Bearer ' + bearer;
  }
  let response;
  try {
    response = await fetch(API_URL + path, {
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
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.error || (json?.message ? { message: json.message } : null));
  }
  return json;
}

/** A fresh key for one creating action; keep it while the same action is retried. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

export function adminToken() {
  return sessionStorage.getItem(ADMIN_TOKEN_KEY);
}

export function setAdminToken(token) {
  if (token) {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, token);
  } else {
    sessionStorage.removeItem(ADMIN_TOKEN_KEY);
  }
}
