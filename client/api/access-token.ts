/**
 * The API token, when the server asks for one (ACTORGRAPH_TOKEN): asked for once, kept in
 * sessionStorage and sent as `Authorization: Bearer …` with every API call.
 *
 * sessionStorage, not localStorage: the token lives as long as the tab and is not written to disk
 * for good, nor shared with every other tab and later visit; a stolen-laptop or shared-browser
 * reader finds nothing once the tab is closed. Reloading the tab keeps it, so it is asked once.
 */
import { askForToken } from '../ui/token-form.js';

const STORAGE_KEY = 'actorgraph.token';

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be off (privacy settings): the token is then asked again after a reload.
    return memoryToken;
  }
}

let memoryToken: string | null = null;

function storeToken(token: string | null): void {
  memoryToken = token;
  try {
    if (token === null) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // See storedToken.
  }
}

/** One form at a time: calls that get a 401 together wait for the same answer. */
let pendingAnswer: Promise<string | null> | null = null;

function tokenFromUser(wasRefused: boolean): Promise<string | null> {
  pendingAnswer ??= askForToken(wasRefused).finally(() => (pendingAnswer = null));
  return pendingAnswer;
}

function withToken(init: RequestInit, token: string | null): RequestInit {
  if (token === null) return init;
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return { ...init, headers };
}

/**
 * fetch for the API: sends the token when there is one; on 401 asks the user for it and tries
 * again, until the server accepts it or the user cancels (then the 401 is returned as it is).
 */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let sent = storedToken();
  for (;;) {
    const response = await fetch(path, withToken(init, sent));
    if (response.status !== 401) return response;
    // Another call may have got a good token from the user meanwhile.
    const current = storedToken();
    if (current !== null && current !== sent) {
      sent = current;
      continue;
    }
    storeToken(null);
    const answer = await tokenFromUser(sent !== null);
    if (answer === null) return response;
    storeToken(answer);
    sent = answer;
  }
}
