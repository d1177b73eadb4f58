/** Stage: who met, called, urged, criticised or joined whom (extract/relations.ts), on mentions already resolved. */
import { describe, expect, it } from 'vitest';
import { relationContext } from '../../../../server/importer/assemble/relation-graph.js';
import { speakerContext } from '../../../../server/importer/assemble/speaker-context.js';
import { extractRelations } from '../../../../server/importer/extract/relations.js';
import { prepare } from './stage-input.js';

function relations(text: string): string[] {
  const { context, nameOf } = prepare(text);
  const speakers = speakerContext(context, [], new Set());
  return extractRelations(text, context.sentences, relationContext(context, [], speakers)).map(
    (relation) => `${nameOf(relation.sourceKey)} ${relation.type} ${nameOf(relation.targetKey)}`,
  );
}

describe('relations stage', () => {
  it('reads a meeting and a call between people', () => {
    expect(relations('Tomas Halvik, the Bordurian president, met Ilse Marenko in Szohod.')).toEqual([
      'Tomas Halvik MET Ilse Marenko',
    ]);
    expect(relations('Tomas Halvik, the Bordurian president, spoke with Ilse Marenko by phone.')).toEqual([
      'Tomas Halvik CONTACTED Ilse Marenko',
    ]);
  });

  it('reads criticism and urging between a state and an institution or another state', () => {
    expect(relations('Ruritania criticized the Danube Council on Tuesday.')).toEqual([
      'Ruritania CRITICIZED Danube Council',
    ]);
    expect(relations('Ruritania urged Borduria to release the prisoners.')).toEqual(['Ruritania URGED Borduria']);
  });

  it('reads membership of an institution', () => {
    expect(relations('Ruritania is a member of the Danube Council.')).toEqual(['Ruritania MEMBER_OF Danube Council']);
  });

  it('does not read a relation into a negated sentence', () => {
    expect(relations('Ruritania did not criticize the Danube Council.')).toEqual([]);
  });

  it('does not make a state adjective before a noun meet anyone', () => {
    expect(relations('Tomas Halvik, a diplomat, met the Bordurian and Ruritanian ministers in Szohod.')).toEqual([]);
  });
});
