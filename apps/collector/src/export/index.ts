import { bmfExporter } from './bmf.ts';
import { csvExporter } from './csv.ts';
import type { Exporter } from './exporter.ts';
import { gabExporter } from './gab.ts';

export type { Exporter } from './exporter.ts';

/** Every export format, by --format name. */
export const EXPORTERS: Record<string, Exporter> = Object.fromEntries([bmfExporter, gabExporter, csvExporter].map((e) => [e.name, e]));
