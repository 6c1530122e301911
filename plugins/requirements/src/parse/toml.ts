import { parse, TomlError } from 'smol-toml';
import { FileParseError } from './parse-error.js';

/** A TOML table as plain data. */
export type Table = Record<string, unknown>;

/** Parses TOML with smol-toml; a syntax error becomes a {@link FileParseError} with its line. */
export function parseToml(text: string): Table {
  try {
    return parse(text) as Table;
  } catch (error) {
    if (error instanceof TomlError) {
      const firstLine = error.message.split('\n')[0] ?? 'syntax error';
      throw new FileParseError(`invalid TOML at line ${error.line}, column ${error.column}: ${firstLine}`, error.line);
    }
    throw new FileParseError(`invalid TOML: ${(error as Error).message}`);
  }
}

/** `value` when it is a table (plain object), else undefined. */
export function table(value: unknown): Table | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) ? (value as Table) : undefined;
}

/** `value` when it is an array, else an empty array. */
export function array(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` when it is a string, else undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
