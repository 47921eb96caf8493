/**
 * A very small schema language. One definition of the catalogue (catalog/definition.ts)
 * gives its TypeScript type (by inference), its runtime validation (validate.ts) and its
 * JSON Schema (cli/json-schema.ts), so the three cannot drift apart.
 *
 * Shapes are plain data so the JSON Schema writer can live in the CLI and cost the
 * browser bundle nothing.
 */

export interface TextShape {
  readonly kind: 'text';
  /** ECMAScript pattern source, also valid as a JSON Schema `pattern`. */
  readonly pattern?: string;
}
export interface WholeNumberShape {
  readonly kind: 'whole';
  readonly min: number;
  readonly max?: number;
}
export interface YesNoShape {
  readonly kind: 'yesno';
}
export interface OneOfShape<V extends string = string> {
  readonly kind: 'oneof';
  readonly values: readonly V[];
}
export interface ListShape<S extends Shape = Shape> {
  readonly kind: 'list';
  readonly of: S;
  readonly min: number;
}
export interface MapShape<S extends Shape = Shape> {
  readonly kind: 'map';
  /** Pattern every key must match (the command line says in words what it allows: cli/problem-hints.ts). */
  readonly keys: string;
  readonly of: S;
}
export interface RecordShape<
  R extends Record<string, Shape> = Record<string, Shape>,
  O extends Record<string, Shape> = Record<string, Shape>,
> {
  readonly kind: 'record';
  readonly required: R;
  readonly optional: O;
}
/** One shape or the other: an object is checked against `second`, anything else against `first`. */
export interface EitherShape<A extends Shape = Shape, B extends Shape = Shape> {
  readonly kind: 'either';
  readonly first: A;
  readonly second: B;
}

/** The longest text any key may hold: longer is a mistake (a pasted page), never a cookie description. */
export const TEXT_MAX = 5000;

export type Shape = TextShape | WholeNumberShape | YesNoShape | OneOfShape | ListShape | MapShape | RecordShape | EitherShape;

/**
 * The TypeScript type of the values a shape accepts. Each builder records it in a phantom
 * `type` slot, so nested shapes are computed once each rather than in one deep recursion.
 */
export type Infer<S> = S extends { readonly type?: infer T } ? T : never;

type Typed<S, T> = S & { readonly type?: T };
type RecordType<R, O> = { [K in keyof R]: Infer<R[K]> } & { [K in keyof O]?: Infer<O[K]> };

/** `T` narrows the TypeScript type where the pattern allows it (a template literal such as `P${string}`); validation still uses the pattern. */
export const text = <T extends string = string>(pattern?: string): Typed<TextShape, T> => ({ kind: 'text', pattern });
export const whole = (min: number, max?: number): Typed<WholeNumberShape, number> => ({ kind: 'whole', min, max });
export const yesNo = (): Typed<YesNoShape, boolean> => ({ kind: 'yesno' });
export const oneOf = <V extends string>(...values: V[]): Typed<OneOfShape<V>, V> => ({ kind: 'oneof', values });
export const list = <S extends Shape>(of: S, min = 0): Typed<ListShape<S>, Infer<S>[]> => ({ kind: 'list', of, min });
export const map = <S extends Shape>(keys: string, of: S): Typed<MapShape<S>, Record<string, Infer<S>>> => ({ kind: 'map', keys, of });
/** An object with `required` and `optional` keys and no others (pass `{}` for none: TypeScript then infers exactly). */
export const record = <R extends Record<string, Shape>, O extends Record<string, Shape>>(
  required: R,
  optional: O,
): Typed<RecordShape<R, O>, RecordType<R, O>> => ({ kind: 'record', required, optional });
export const either = <A extends Shape, B extends Shape>(first: A, second: B): Typed<EitherShape<A, B>, Infer<A> | Infer<B>> => ({
  kind: 'either',
  first,
  second,
});
