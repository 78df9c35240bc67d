// dist/manifest.json has the contract's shape (packages/contract/src/kernels.ts); these are views of it.
import type { BuiltModule, KernelManifest } from '@arena/contract';

export type { BuiltModule };
export type Manifest = KernelManifest;
export type ManifestModule = Manifest['modules'][number];
export type Producer = BuiltModule['producer'];
export type Skipped = Extract<ManifestModule, { status: 'skipped' }>;

/** What a producer function reports: the workload, the file it wrote (relative to dist/) and how. */
export type Produced = Pick<BuiltModule, 'workload' | 'producer' | 'file' | 'compiler' | 'flags'>;
