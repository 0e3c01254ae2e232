import type { Address, Message, MessageHandler } from '../../sim/env';
import { SimEnv } from '../../sim/sim-env';

/**
 * The Env of a KV node: a SimEnv whose messages to the node itself skip the network
 * (a coordinator writing to its own store calls it directly, as a real process does),
 * delivered on the next event rather than inside the sender's stack.
 */
export class NodeEnv extends SimEnv {
  /** Handler of messages to this address; set by the node once its components exist. */
  local: MessageHandler | undefined = undefined;

  override send(to: Address, message: Message): void {
    const local = this.local;
    if (to === this.address && local !== undefined) {
      this.schedule(0, () => local(to, message));
      return;
    }
    super.send(to, message);
  }
}
