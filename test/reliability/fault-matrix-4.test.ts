import { describeFaultMatrix, shard } from './fault-matrix';

// Shard 4 of the registry's runs (fault-matrix.ts says why the matrix is split).
describeFaultMatrix(shard(4));
