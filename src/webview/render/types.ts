/** The shapes the form's parts share. Each part is built once and then updated in place. */
import type { FieldSpec } from '../../core/form/model';
import type { FormProblem } from '../../core/form/protocol';
import type { EditOp, Path } from '../../core/edit/types';

/** What the parts need from the form: a way to ask for an edit, and to build nested parts. */
export interface Ctx {
  /** Posts one `edit` with the current state's version. */
  send(edit: EditOp): void;
  /** Asks the host for the items of the list at `path` from `from` on (a list it cut on the wire). */
  more(path: Path, from: number): void;
  /** A labelled field for `spec` at `path`. */
  field(spec: FieldSpec, path: Path): FieldNode;
  /** The bare control for `spec` at `path` (a list's scalar items have no label of their own). */
  control(spec: FieldSpec, path: Path, host: ControlHost): Control;
}

/** Something problems can be shown on, found by its pointer. */
export interface Target {
  readonly pointer: string;
  showProblems(problems: readonly FormProblem[]): void;
  children(): Iterable<Target>;
}

/** A labelled field: label, help, presence, its control and its problems. */
export interface FieldNode extends Target {
  readonly element: HTMLElement;
  readonly spec: FieldSpec;
  update(value: unknown, present: boolean): void;
}

/** How a control reports what it alone knows is wrong (text that is not a number, not JSON). */
export interface ControlHost {
  /** The accessible name of the field, for controls that need more than one label. */
  readonly label: string;
  /** The id of the field's visible label, when it has one. */
  readonly labelId?: string;
  setLocalError(message: string | undefined): void;
}

/** The part of a field that shows and edits its value. */
export interface Control {
  readonly element: HTMLElement;
  /** The element a <label for>, aria-describedby and aria-invalid go on, when the control is one. */
  readonly focusTarget?: HTMLElement;
  /** Composite controls (object, list, variant) take the full width under their label. */
  readonly block: boolean;
  update(value: unknown, present: boolean): void;
  children(): Iterable<Target>;
}
