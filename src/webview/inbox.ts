/**
 * What the page does with each message from the host. `init` builds the form; a state or a patch
 * updates it. The host sends `init` as soon as it has the state, before the page has loaded (VS Code
 * hands it over once it has); should the page it was meant for be replaced before it loaded, the
 * page that loads instead gets a state or patch without a form: it asks again, once until an
 * `init` comes.
 */
import type { HostMessage } from '../core/form/protocol';

export type Step = 'build' | 'update' | 'ask' | 'wait';

export class Inbox {
  private hasForm = false;
  private asked = false;

  take(type: HostMessage['type']): Step {
    if (type === 'init') {
      this.hasForm = true;
      this.asked = false;
      return 'build';
    }
    if (this.hasForm) return 'update';
    if (this.asked) return 'wait';
    this.asked = true;
    return 'ask';
  }
}
