import { describeFaultMatrix } from './fault-matrix';
import { OPERATIONS } from './operations';

// A third share: core's handler exits a process past 250 invocations (see fault-matrix.ts).
describeFaultMatrix(OPERATIONS.slice(10));
