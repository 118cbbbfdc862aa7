import { describeFaultMatrix } from './fault-matrix';
import { VORTEX_CONTACT_OPERATIONS } from './operations';

// The Vortex address book, in a file of its own: core's handler exits a process past 250 invocations.
describeFaultMatrix(VORTEX_CONTACT_OPERATIONS);
