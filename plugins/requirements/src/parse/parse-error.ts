/** A file that cannot be parsed at all (invalid TOML, YAML or JSON); the message names the line. */
export class FileParseError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'FileParseError';
  }
}
