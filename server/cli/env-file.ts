/**
 * Reads `./.env` with Node's own process.loadEnvFile (Node ≥ 20.12), when the file exists.
 * Variables already set in the environment win. Node 20's loadEnvFile already leaves them alone;
 * they are put back afterwards all the same, so that the promise holds on any Node version.
 * Node's parser skips a line it cannot read and may then misread the next one, so the file is
 * checked first and a bad line stops the program with the file and line named.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../config.js';

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=(.*)$/;
const QUOTES = ['"', "'", '`'];

/** Numbers (1-based) of the lines that are neither blank, a comment nor NAME=value. */
export function malformedLines(text: string): number[] {
  const lines = text.split(/\r?\n/);
  const bad: number[] = [];
  let openQuote: string | null = null;
  lines.forEach((line, index) => {
    if (openQuote) {
      // Inside a quoted value that spans lines: it ends on the line that closes the quote.
      if (line.includes(openQuote)) openQuote = null;
      return;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const assignment = ASSIGNMENT.exec(line);
    if (!assignment) {
      bad.push(index + 1);
      return;
    }
    const value = assignment[1].trim();
    const quote = QUOTES.find((candidate) => value.startsWith(candidate));
    if (quote && value.indexOf(quote, 1) < 0) openQuote = quote;
  });
  return bad;
}

/** Loads `.env` from `dir` into process.env; returns the file's path, or null when there is none. */
export function loadEnvFile(dir: string = process.cwd()): string | null {
  const path = resolve(dir, '.env');
  if (!existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const bad = malformedLines(text);
  if (bad.length > 0) {
    // Line numbers only: a bad line may hold a password.
    throw new ConfigError(`Malformed ${path}: line ${bad.join(', ')} is not NAME=value (nor a # comment)`);
  }
  const environment = { ...process.env };
  process.loadEnvFile(path);
  Object.assign(process.env, environment);
  return path;
}
