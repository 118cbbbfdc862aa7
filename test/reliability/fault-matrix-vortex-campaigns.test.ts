import { describeFaultMatrix } from './fault-matrix';
import { VORTEX_CAMPAIGN_OPERATIONS } from './operations';

// Groups, alias and template sends on Vortex, in a file of their own: core's handler exits a
// process past 250 invocations.
describeFaultMatrix(VORTEX_CAMPAIGN_OPERATIONS);
