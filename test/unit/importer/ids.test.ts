/**
 * The importer's ids: one slug formula and one edge-id formula for every node and edge, so that a
 * re-import finds the same ids whichever stage made them, and a curation merge keeps the pattern.
 */
import { describe, expect, it } from 'vitest';
import type { GraphBatch } from '../../../server/domain/graph.js';
import { labelOfNodeId, typeOfEdgeId } from '../../../server/domain/node-ids.js';
import { applyCuration } from '../../../server/importer/curation/apply-curation.js';
import { parseCuration } from '../../../server/importer/curation/curation-file.js';
import {
  documentId,
  edgeId,
  entityId,
  reattachedEdgeId,
  slug,
  statementId,
  titleQualifier,
} from '../../../server/importer/ids.js';

describe('slug', () => {
  it('folds the diacritics of Latin letters', () => {
    expect(slug('António Guterres')).toBe('antonio-guterres');
    expect(slug('Mevlüt Çavuşoğlu')).toBe('mevlut-cavusoglu');
    expect(slug('İlham Aliyev')).toBe('ilham-aliyev');
    expect(slug('Lech Wałęsa')).toBe('lech-walesa');
    expect(slug('Søren Straße')).toBe('soren-strasse');
  });

  it('gives the same slug for composed and decomposed forms of a letter', () => {
    expect(slug('Jose\u0301')).toBe(slug('José'));
  });

  it('keeps letters of other scripts instead of dropping them', () => {
    expect(slug('Владимир Путин')).toBe('владимир-путин');
    expect(slug('Ξένια Παππά')).toBe('ξένια-παππά');
    expect(slug('習近平')).toBe('習近平');
    expect(slug('김정은')).toBe('김정은');
    expect(slug('नरेंद्र मोदी')).toBe('नरेंद्र-मोदी');
    expect(slug('Владимир Путин')).not.toBe(slug('Сергей Лавров'));
  });

  it('drops apostrophes and makes any other punctuation one hyphen', () => {
    expect(slug("Côte d'Ivoire")).toBe('cote-divoire');
    expect(slug('Côte d’Ivoire')).toBe('cote-divoire');
    expect(slug('U.S. Department of State')).toBe('u-s-department-of-state');
    expect(slug('  Baku--Tbilisi / Kars! ')).toBe('baku-tbilisi-kars');
    expect(slug('G20 (2024)')).toBe('g20-2024');
  });

  it('is empty for a text without letters or digits', () => {
    expect(slug('')).toBe('');
    expect(slug(' -–— !?')).toBe('');
  });
});

describe('node ids', () => {
  it('carry the label prefix the stores read back', () => {
    expect(entityId('Actor', 'António Guterres')).toBe('actor:antonio-guterres');
    expect(entityId('Institution', 'Nordic Policy Institute')).toBe('inst:nordic-policy-institute');
    expect(entityId('Place', 'Nagorno-Karabakh')).toBe('place:nagorno-karabakh');
    expect(labelOfNodeId(entityId('Institution', 'X'))).toBe('Institution');
    expect(labelOfNodeId(documentId('Some text.'))).toBe('Document');
    expect(labelOfNodeId(statementId('we will wait', 'actor:x'))).toBe('Statement');
  });

  it('make a document one node whichever Unicode form its text is typed in', () => {
    expect(documentId('Jose\u0301 said so.')).toBe(documentId('José said so.'));
    expect(documentId('One text.')).not.toBe(documentId('Another text.'));
  });

  it('make a statement one node per words and speaker', () => {
    expect(statementId('we will wait', 'actor:a')).toBe(statementId('we will wait', 'actor:a'));
    expect(statementId('we will wait', 'actor:a')).not.toBe(statementId('we will wait', 'actor:b'));
    expect(statementId('we will wait', undefined)).not.toBe(statementId('we will wait', 'actor:a'));
  });
});

describe('edge ids', () => {
  it('name the type, the endpoints and an optional qualifier', () => {
    expect(edgeId('MET', 'actor:a', 'actor:b')).toBe('MET:actor:a->actor:b');
    expect(edgeId('HOLDS_ROLE', 'actor:a', 'actor:b', titleQualifier('Foreign Minister'))).toBe(
      'HOLDS_ROLE:actor:a->actor:b:foreign-minister',
    );
    expect(titleQualifier('Secretary-General')).toBe('secretary-general');
    expect(typeOfEdgeId(edgeId('WROTE', 'actor:a', 'doc:1'))).toBe('WROTE');
  });

  it('keep their type and qualifier when an endpoint changes', () => {
    const edge = {
      id: 'HOLDS_ROLE:actor:ali->inst:x:envoy',
      type: 'HOLDS_ROLE' as const,
      source: 'actor:ali',
      target: 'inst:x',
    };
    expect(reattachedEdgeId(edge, 'actor:rashid', 'inst:x')).toBe('HOLDS_ROLE:actor:rashid->inst:x:envoy');
    const handWritten = { id: 'my-edge', type: 'MET' as const, source: 'actor:a', target: 'actor:b' };
    expect(reattachedEdgeId(handWritten, 'actor:c', 'actor:b')).toBe('my-edge');
  });
});

describe('a curation merge', () => {
  it('renames only the merged endpoint in an edge id, not another id that starts the same', () => {
    const person = (id: string, name: string) => ({
      id,
      label: 'Actor' as const,
      properties: { name, kind: 'person', aliases: [] },
    });
    const batch: GraphBatch = {
      nodes: [person('actor:ali', 'Ali'), person('actor:ali-karimov', 'Ali Karimov'), person('actor:rashid', 'Rashid')],
      edges: [
        {
          id: 'MET:actor:ali-karimov->actor:ali',
          type: 'MET',
          source: 'actor:ali-karimov',
          target: 'actor:ali',
          sourceLabel: 'Actor',
          targetLabel: 'Actor',
          properties: { rule: 'test', confidence: 1, date: null },
        },
      ],
    };
    const corrections = parseCuration('corrections:\n  - merge: [Rashid, Ali]\n');
    const { batch: curated } = applyCuration(batch, corrections);
    expect(curated.edges.map((edge) => [edge.id, edge.source, edge.target])).toEqual([
      ['MET:actor:ali-karimov->actor:rashid', 'actor:ali-karimov', 'actor:rashid'],
    ]);
  });
});
