import type { RunDocument } from '@arena/contract';

/** Turns a run document into one external format. */
export interface Exporter {
  /** The --format name. */
  name: string;
  /** The IANA media type of the output. */
  mediaType: string;
  /** One line for --help. */
  description: string;
  /** The whole file, ending in a newline. */
  render(doc: RunDocument): string;
}
