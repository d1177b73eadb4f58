/** Stage: the roles a text states (extract/roles.ts), on mentions already resolved. */
import { describe, expect, it } from 'vitest';
import { roleContext } from '../../../../server/importer/assemble/role-graph.js';
import { extractRoles } from '../../../../server/importer/extract/roles.js';
import { GAZETTEER, prepare } from './stage-input.js';

function roles(text: string): string[] {
  const { context, nameOf } = prepare(text);
  return extractRoles(text, context.sentences, roleContext(context), GAZETTEER).map(
    (role) => `${nameOf(role.personKey)} ${role.type} "${role.title}" ${nameOf(role.targetKey)} (${role.status})`,
  );
}

describe('roles stage', () => {
  it('reads a title and a state adjective before a name', () => {
    expect(roles('Bordurian President Tomas Halvik arrived.')).toEqual([
      'Tomas Halvik HOLDS_ROLE "President" Borduria (current)',
    ]);
  });

  it('reads a title "of" a state after the name', () => {
    expect(roles('Prime Minister Jan Kollar of Borduria arrived.')).toEqual([
      'Jan Kollar HOLDS_ROLE "Prime Minister" Borduria (current)',
    ]);
  });

  it('reads a possessive apposition: "X, Ruritania\'s foreign minister"', () => {
    expect(roles("Ilse Marenko, Ruritania's foreign minister, spoke.")).toEqual([
      'Ilse Marenko HOLDS_ROLE "foreign minister" Ruritania (current)',
    ]);
  });

  it('takes a role the gazetteer knows when the text writes the title', () => {
    expect(roles('Foreign Minister Ilse Marenko arrived.')).toEqual([
      'Ilse Marenko HOLDS_ROLE "Foreign Minister" Ruritania (current)',
    ]);
  });

  it('makes a fellow at an institution hold a role there and be affiliated with it', () => {
    expect(roles('Karel Brandt, a senior fellow at the Vistula Policy Institute, spoke.')).toEqual([
      'Karel Brandt HOLDS_ROLE "senior fellow" Vistula Policy Institute (current)',
      'Karel Brandt AFFILIATED_WITH "senior fellow" Vistula Policy Institute (current)',
    ]);
  });

  it('finds no role in a sentence that names no title', () => {
    expect(roles('Tomas Halvik and Ilse Marenko arrived in Strelsau.')).toEqual([]);
  });
});
