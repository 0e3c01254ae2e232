/**
 * A card for services the viz cannot draw (`Topology.unobserved`; none today: gossip
 * clusters, once listed here, have the gossip view). Their results are in the result
 * JSON (the JSON button), as in `meshsim run`.
 */
import type { View, ViewSpec } from './view';

export const unobservedView: ViewSpec = {
  id: 'unobserved',
  title: 'Not drawn here',
  caption: 'services the viz does not observe yet',
  span: 'full',
  exportable: false,
  applies: (topology) => topology.unobserved.length > 0,
  create: (body, context): View => {
    const names = context.topology.unobserved.join(', ');
    const note = document.createElement('p');
    note.className = 'notice';
    note.textContent =
      `${names}: gossip cluster${context.topology.unobserved.length > 1 ? 's run' : ' runs'} as a separate simulation, which this app does not animate yet. ` +
      'Its results (dissemination and detection times, message load) are in the result JSON: press J, or run meshsim run on the file.';
    body.appendChild(note);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    return { update: () => {}, exportSvg: () => svg };
  },
};
