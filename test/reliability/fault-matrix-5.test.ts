import { describeFaultMatrix, shard } from './fault-matrix';

// Shard 5 of the registry's runs (fault-matrix.ts says why the matrix is split).
describeFaultMatrix(shard(5));
