/**
 * The bundle's JSON Schemas (schemas/*.schema.json, draft 2020-12), compiled with ajv at run time.
 *
 * Why run-time ajv rather than standalone validators generated at build time: the published schema files
 * stay the single source of truth (no generated code to keep in step with them), and the cost is paid only
 * by someone importing a bundle, because this module is reached only through the import button's dynamic
 * import. ajv compiles with `new Function`; the app's page has no Content-Security-Policy forbidding
 * eval (the sandbox iframe's CSP is separate and does not load this). If the page ever gets a CSP without
 * 'unsafe-eval', switch to ajv's standalone code generation (`ajv/dist/standalone`) in a build step.
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import manifestSchema from '../../../schemas/bundle-manifest.schema.json';
import sessionSchema from '../../../schemas/session.schema.json';
import eventSchema from '../../../schemas/event.schema.json';
import levelsSchema from '../../../schemas/levels.schema.json';

export interface BundleValidators {
  manifest: ValidateFunction;
  session: ValidateFunction;
  levels: ValidateFunction;
  /** One line of events.jsonl. */
  event: ValidateFunction;
  /**
   * Per event type, for a message naming the field at fault rather than "must match one of 12 schemas".
   * Compiled on first use: only a line that already failed needs one (compiling all 12 up front tripled
   * the schemas' compile time, which is most of an import's cost).
   */
  eventOfType: (type: string) => ValidateFunction | null;
}

let validators: BundleValidators | null = null;

export function bundleValidators(): BundleValidators {
  if (validators) return validators;
  // The schemas themselves are checked against the draft 2020-12 meta-schema by the unit tests; doing it
  // again here would compile that large meta-schema on every page (~200 ms of a 45-minute session's import).
  // Unoptimised code compiles about twice as fast and validates a 6 000-line log in a few ms all the same.
  const ajv = new Ajv2020({ allErrors: false, strict: true, validateSchema: false, code: { optimize: false } });
  ajv.addSchema([manifestSchema, sessionSchema, eventSchema, levelsSchema]);
  const get = (id: string): ValidateFunction => {
    const v = ajv.getSchema(id);
    if (!v) throw new Error(`schema ${id} is missing`);
    return v;
  };
  // The event types are the branches of the top-level oneOf; other $defs (time, file, header…) are their parts.
  const eventTypes = new Set(eventSchema.oneOf.map((branch) => branch.$ref.replace('#/$defs/', '')));
  const perType = new Map<string, ValidateFunction>();
  validators = {
    manifest: get(manifestSchema.$id),
    session: get(sessionSchema.$id),
    levels: get(levelsSchema.$id),
    event: get(eventSchema.$id),
    eventOfType: (type) => {
      if (!eventTypes.has(type)) return null;
      let v = perType.get(type);
      if (!v) perType.set(type, (v = get(`${eventSchema.$id}#/$defs/${type}`)));
      return v;
    },
  };
  return validators;
}

/** The most specific of ajv's errors, in words: "/session/startedAt must be number". */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'it does not match the format';
  // In a oneOf, the "must be null" branch's error says nothing useful: prefer the deepest other error.
  const useful = errors.filter((e) => !(e.keyword === 'type' && e.params.type === 'null') && e.keyword !== 'oneOf');
  const best = [...(useful.length ? useful : errors)].sort((a, b) => b.instancePath.length - a.instancePath.length)[0]!;
  const where = best.instancePath || 'the top level';
  const extra =
    best.keyword === 'additionalProperties'
      ? ` (“${String(best.params.additionalProperty)}”)`
      : best.keyword === 'enum' || best.keyword === 'const'
        ? ` (${JSON.stringify(best.params.allowedValues ?? best.params.allowedValue)})`
        : '';
  return `${where} ${best.message ?? 'is invalid'}${extra}`;
}
