/**
 * Which commands a definition's CodeLens offers, in order (`Push | Diff | Pull | Run`), without
 * `vscode` (a unit test reads it): Diff and Pull once the file is on Bluejay (it has an id), Run
 * for a digital human on Bluejay. In an untrusted workspace Push and Run are refused, so they are
 * not offered there (as the palette, the editor title and the form hide them); Diff and Pull work.
 */
export type LensCommand = 'pushFile' | 'diffWithRemote' | 'pullIntoFile' | 'runFile';

export function lensCommands(file: {
  readonly onBluejay: boolean;
  readonly digitalHuman: boolean;
  readonly trusted: boolean;
}): LensCommand[] {
  const out: LensCommand[] = [];
  if (file.trusted) out.push('pushFile');
  if (file.onBluejay) out.push('diffWithRemote', 'pullIntoFile');
  if (file.trusted && file.onBluejay && file.digitalHuman) out.push('runFile');
  return out;
}
