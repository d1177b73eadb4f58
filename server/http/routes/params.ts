/** Query-string parameters several routes share, validated with zod (errors name the field). */
import { z } from 'zod';
import { REL_TYPES } from '../../domain/graph.js';

/** `types=SAID,ABOUT`: a comma list of known relationship types; empty or absent means all. */
export const relTypesParam = z
  .string()
  .optional()
  .transform((value) =>
    value
      ? value
          .split(',')
          .map((type) => type.trim())
          .filter(Boolean)
      : [],
  )
  .pipe(
    z.array(
      z.enum(REL_TYPES, {
        error: (issue) => `unknown relationship type "${String(issue.input)}" (known: ${REL_TYPES.join(', ')})`,
      }),
    ),
  );
