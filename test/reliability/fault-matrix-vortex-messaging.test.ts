import { describeFaultMatrix } from './fault-matrix';
import { VORTEX_OPERATIONS } from './operations';

// Vortex connections, in two shares: core's handler exits a process past 250 invocations.
describeFaultMatrix(VORTEX_OPERATIONS.slice(5));
