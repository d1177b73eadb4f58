/** Parses request parts with zod; a failure becomes a 400 that says which field and why. */
import type { z } from 'zod';
import { InvalidInputError } from '../../domain/errors.js';

export function parseInput<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : where}: ${issue.message}`)
      .join('; ');
    throw new InvalidInputError(`Invalid ${where}: ${details}`);
  }
  return parsed.data;
}
