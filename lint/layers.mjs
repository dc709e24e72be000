/**
 * A local ESLint rule that keeps the architecture's layers: each file under a layer's directory may
 * import only from the layers it names, and (for the core) no package at all.
 *
 * Every way a module is named is checked: `import` and `import type`, `export ... from`, dynamic
 * `import()`, `require()`, `import x = require()`, `typeof import()` in types, and
 * `/// <reference types|path>` directives. Relative specifiers are resolved against the importing
 * file, so '../workbook/files' and '../../src/workbook/files' are the same target; a specifier
 * that is not a string literal cannot be checked and is reported in a layer that allows no packages.
 *
 * Options: { root, layers: [{ name, dir, mayImport: [dirs], packages: true | false | [names] }] }
 * with dirs relative to root ('src/core'). A file in no layer's dir is not checked.
 */
import path from 'node:path';

const toPosix = (p) => p.split(path.sep).join('/');
const inside = (rel, dir) => rel === dir || rel.startsWith(`${dir}/`);
/** 'node:fs/promises' -> 'node:fs', '@scope/pkg/x' -> '@scope/pkg', 'exceljs/dist/x' -> 'exceljs'. */
const packageName = (spec) => {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep imports within the layers of the architecture (core, workbook, surfaces)' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                dir: { type: 'string' },
                mayImport: { type: 'array', items: { type: 'string' } },
                packages: { oneOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string' } }] },
              },
              required: ['name', 'dir', 'mayImport'],
              additionalProperties: false,
            },
          },
        },
        required: ['root', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      layer: "{{layer}} ({{dir}}) may not import '{{spec}}' ({{target}}): it may import only {{allowed}}.",
      package: "{{layer}} ({{dir}}) may not import the package '{{spec}}'{{allowedPackages}}.",
      dynamic: '{{layer}} ({{dir}}) may not load a module named by an expression: the layer rule cannot check it.',
    },
  },

  create(context) {
    const { root, layers: all } = context.options[0];
    const rel = toPosix(path.relative(root, context.filename));
    const layer = all.find((l) => inside(rel, l.dir));
    if (!layer) return {};
    const fileDir = path.dirname(context.filename);
    const packages = layer.packages ?? true;
    const data = { layer: layer.name, dir: layer.dir };

    function check(node, spec) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = toPosix(path.relative(root, path.resolve(fileDir, spec)));
        if (layer.mayImport.some((dir) => inside(target, dir))) return;
        const owner = all.find((l) => inside(target, l.dir));
        context.report({
          node,
          messageId: 'layer',
          data: { ...data, spec, target: owner ? owner.dir : target, allowed: layer.mayImport.join(', ') },
        });
        return;
      }
      if (packages === true) return;
      if (Array.isArray(packages) && packages.includes(packageName(spec))) return;
      const allowedPackages =
        Array.isArray(packages) && packages.length > 0 ? ` (only ${packages.join(', ')})` : ': it imports no packages';
      context.report({ node, messageId: 'package', data: { ...data, spec, allowedPackages } });
    }

    /** A module named by a literal (or a template without expressions) is checked; any other is reported where packages are barred. */
    function checkSource(node, source) {
      if (!source) return;
      if (source.type === 'Literal' && typeof source.value === 'string') return check(node, source.value);
      if (source.type === 'TemplateLiteral' && source.expressions.length === 0) {
        return check(node, source.quasis[0].value.cooked);
      }
      if (packages !== true) context.report({ node, messageId: 'dynamic', data });
    }

    return {
      Program(program) {
        for (const c of context.sourceCode.getAllComments()) {
          if (c.type !== 'Line' || c.range[0] >= (program.body[0]?.range[0] ?? Infinity)) continue;
          const m = /^\/\s*<reference\s+(types|path)\s*=\s*["']([^"']+)["']/.exec(c.value);
          if (m) check(c, m[1] === 'path' ? (m[2].startsWith('.') ? m[2] : `./${m[2]}`) : m[2]);
        }
      },
      ImportDeclaration: (node) => checkSource(node, node.source),
      ExportNamedDeclaration: (node) => checkSource(node, node.source),
      ExportAllDeclaration: (node) => checkSource(node, node.source),
      ImportExpression: (node) => checkSource(node, node.source),
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) {
          checkSource(node, node.arguments[0]);
        }
      },
      TSImportEqualsDeclaration(node) {
        if (node.moduleReference.type === 'TSExternalModuleReference')
          checkSource(node, node.moduleReference.expression);
      },
      TSImportType(node) {
        // typescript-eslint 8: `argument` is a TSLiteralType holding the string literal.
        const arg = node.argument;
        checkSource(node, arg && arg.type === 'TSLiteralType' ? arg.literal : arg);
      },
    };
  },
};

export default { meta: { name: 'production-planner-layers' }, rules: { layers } };
