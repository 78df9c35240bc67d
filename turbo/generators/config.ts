// `turbo gen variant`: writes a complete variant package under packages/variants/<name> from
// turbo/generators/templates/<template>/ plus templates/common/. `pnpm arena new` drives it.
// `turbo gen workload` (workload-generator.ts) is registered here too: turbo reads this one file.
import type { PlopTypes } from '@turbo/gen';
import { checkVariantName, isTemplate, TEMPLATES, type TemplateName } from './variant-options.ts';
import { workloadGenerator } from './workload-generator.ts';

interface Answers {
  name: string;
  template: TemplateName;
}

/** Registers the `variant` generator (prompts: name, template) and the `workload` one. */
export default function generator(plop: PlopTypes.NodePlopAPI): void {
  plop.setGenerator('variant', {
    description: 'A new arena variant under packages/variants/ (see packages/variants/README.md)',
    prompts: [
      {
        type: 'input',
        name: 'name',
        message: 'Variant name (kebab-case, e.g. threads-zig):',
        validate: (input: string) => checkVariantName(String(input ?? '').trim(), plop.getDestBasePath()),
        filter: (input: string) => String(input ?? '').trim(),
      },
      {
        type: 'list',
        name: 'template',
        message: 'Template:',
        choices: Object.entries(TEMPLATES).map(([value, what]) => ({ name: `${value}: ${what}`, value, short: value })),
      },
    ],
    actions: (data?: Record<string, unknown>) => {
      const { template } = data as unknown as Answers;
      if (!isTemplate(template)) throw new Error(`unknown template "${template}" (one of ${Object.keys(TEMPLATES).join(', ')})`);
      const extra = { summary: TEMPLATES[template], template };
      const destination = '{{ turbo.paths.root }}/packages/variants/{{ name }}';
      return [
        { type: 'addMany', destination, base: `templates/${template}`, templateFiles: `templates/${template}/**/*.hbs`, data: extra, abortOnFail: true },
        { type: 'addMany', destination, base: 'templates/common', templateFiles: 'templates/common/**/*.hbs', data: extra, abortOnFail: true },
      ];
    },
  });
  workloadGenerator(plop);
}
