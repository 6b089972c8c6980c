/**
 * What the reader could not place with confidence while reading a return. Each note becomes a flag the user sees;
 * the figure concerned is left null rather than guessed.
 */
import type { Flag } from '../../domain/flag.js';

export class ParseNotes {
  readonly flags: Flag[] = [];

  uncertain(section: string, subject: string | null, message: string): void {
    this.flags.push({
      code: 'uncertain-figure',
      severity: 'warning',
      section,
      subject,
      message,
      expected: null,
      actual: null,
    });
  }

  missing(section: string, message: string): void {
    this.flags.push({
      code: 'missing-section',
      severity: 'warning',
      section,
      subject: null,
      message,
      expected: null,
      actual: null,
    });
  }
}
