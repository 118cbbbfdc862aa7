import { describeFaultMatrix, shard } from './fault-matrix';

// Shard 6 of the registry's runs (fault-matrix.ts says why the matrix is split).
describeFaultMatrix(shard(6));
