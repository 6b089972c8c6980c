/**
 * What the reader could not place with confidence while reading a return. Each note becomes a flag the user sees,
 * built as the FF301 reader builds it; the figure concerned is left null rather than guessed.
 */
import type { Flag } from '../../domain/flag.js';
import { flagMissingSection, flagUncertainFigure } from '../checks.js';

export class ParseNotes {
  readonly flags: Flag[] = [];

  uncertain(section: string, subject: string | null, message: string): void {
    this.flags.push(flagUncertainFigure(section, subject, message));
  }

  missing(section: string, message: string): void {
    this.flags.push(flagMissingSection(section, message));
  }
}
