/** A JSON answer as the tests read it: any field at any depth, without a cast at every step. */
// biome-ignore lint/suspicious/noExplicitAny: tests walk answers freely; the API's schemas are what check their shape
export type Json = Record<string, any>;
