import { describeFaultMatrix } from './fault-matrix';
import { OPERATIONS } from './operations';

describeFaultMatrix(OPERATIONS.slice(5, 10));
