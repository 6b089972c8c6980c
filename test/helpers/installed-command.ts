/** Whether a command-line tool a test needs (qpdf, gs) is installed: it answers `--version`. */
import { execFileSync } from 'node:child_process';

export function isInstalled(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
