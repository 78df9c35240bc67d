// `turbo gen workload`: writes a complete workload folder under packages/workloads/<name> from
// turbo/generators/templates/workload/. `pnpm arena new-workload` drives it.
import type { PlopTypes } from '@turbo/gen';
import { checkWorkloadName, templateData } from './workload-options.ts';

/** Registers the `workload` generator (prompt: name). */
export function workloadGenerator(plop: PlopTypes.NodePlopAPI): void {
  plop.setGenerator('workload', {
    description: 'A new arena workload under packages/workloads/ (see packages/workloads/README.md)',
    prompts: [
      {
        type: 'input',
        name: 'name',
        message: 'Workload name (kebab-case, e.g. radix-sort):',
        validate: (input: string) => checkWorkloadName(String(input ?? '').trim(), plop.getDestBasePath()),
        filter: (input: string) => String(input ?? '').trim(),
      },
    ],
    actions: (data?: Record<string, unknown>) => {
      const { name } = data as { name: string };
      // File names are templates too (js/{{ name }}.js.hbs); the Go and C spellings come with the data.
      return [
        {
          type: 'addMany',
          destination: '{{ turbo.paths.root }}/packages/workloads/{{ name }}',
          base: 'templates/workload',
          templateFiles: 'templates/workload/**/*.hbs',
          data: templateData(name),
          abortOnFail: true,
        },
      ];
    },
  });
}
