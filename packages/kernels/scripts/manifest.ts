// The shape of dist/manifest.json (the harness validates the same shape with zod).

export type Producer = "clang" | "go" | "assemblyscript" | "tinygo";

/** What a producer function reports: the file it wrote and how. */
export interface Produced {
  producer: Producer;
  file: string; // relative to dist/
  compiler: string; // first line of the compiler's version output
  flags: string[]; // the full argv after the program name (env assignments first, as on a shell line)
}

export interface Skipped {
  producer: Producer;
  status: "skipped";
  reason: string;
}

export interface BuiltModule extends Produced {
  status: "built";
  sizeBytes: number;
  sha256: string;
  exports: string[];
  imports: string[];
  execModel: "reactor" | "command" | "library";
}

export interface Manifest {
  schemaVersion: 1;
  modules: (BuiltModule | Skipped)[];
}

export type ManifestModule = Manifest["modules"][number];
