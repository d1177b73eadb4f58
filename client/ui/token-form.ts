/**
 * The form that asks for the server's token (see api/access-token.ts): a modal <dialog> with a
 * labelled password field, focus in the field, Escape or Cancel to give up. Text goes in as text.
 */
import { el } from './dom.js';

/** Resolves with the token typed, or null when the user cancels. */
export function askForToken(wasRefused: boolean): Promise<string | null> {
  const input = el('input', {
    id: 'token-input',
    type: 'password',
    name: 'token',
    autocomplete: 'current-password',
    required: '',
    spellcheck: 'false',
    'aria-describedby': 'token-help',
  });
  const help = el(
    'p',
    { id: 'token-help' },
    wasRefused
      ? 'The server did not accept that token. Check it and try again.'
      : 'This server asks for a token (its ACTORGRAPH_TOKEN). It is kept in this tab only, until you close it.',
  );
  if (wasRefused) help.setAttribute('role', 'alert');
  const cancel = el('button', { type: 'button', value: 'cancel' }, 'Cancel');
  const form = el(
    'form',
    { method: 'dialog' },
    el('h2', { id: 'token-title' }, 'Token required'),
    help,
    el('label', { for: 'token-input' }, 'Token'),
    input,
    el('div', { class: 'token-actions' }, el('button', { type: 'submit' }, 'Continue'), cancel),
  );
  const dialog = el('dialog', { class: 'token-dialog', 'aria-labelledby': 'token-title' }, form);
  document.body.append(dialog);

  return new Promise((resolve) => {
    let answer: string | null = null;
    form.addEventListener('submit', () => {
      const token = input.value.trim();
      answer = token === '' ? null : token;
    });
    cancel.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(answer);
    });
    dialog.showModal();
    input.focus();
  });
}
