import { describe, expect, it } from 'vitest';
import { labelOfNodeId, typeOfEdgeId } from '../../../server/domain/node-ids.js';

describe('ids name their label or type', () => {
  it('reads the label from a node id prefix', () => {
    expect(labelOfNodeId('actor:ilham-aliyev')).toBe('Actor');
    expect(labelOfNodeId('inst:osce-minsk-group')).toBe('Institution');
    expect(labelOfNodeId('place:baku')).toBe('Place');
    expect(labelOfNodeId('stmt:1a2b')).toBe('Statement');
    expect(labelOfNodeId('doc:9f8e')).toBe('Document');
  });

  it('says undefined for an id without a known prefix', () => {
    expect(labelOfNodeId('ilham-aliyev')).toBeUndefined();
    expect(labelOfNodeId('person:x')).toBeUndefined();
    expect(labelOfNodeId(':x')).toBeUndefined();
  });

  it('reads the relationship type from an edge id', () => {
    expect(typeOfEdgeId('SAID:actor:a->stmt:b')).toBe('SAID');
    expect(typeOfEdgeId('HOLDS_ROLE:actor:a->actor:b:president')).toBe('HOLDS_ROLE');
    expect(typeOfEdgeId('FRIEND_OF:actor:a->actor:b')).toBeUndefined();
  });
});
