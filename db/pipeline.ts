/**
 * Statements sent together, in the order given, on one connection (a transaction's): postgres.js
 * pipelines them, so they cost one round trip instead of one each; PGlite runs them in turn. Each
 * statement is awaited inside its own thunk, and the thunks are started in order, so the driver
 * receives them in that order — a row goes in before the rows that refer to it. If one fails, the
 * transaction is aborted and the ones after it fail too; the first error is the one thrown.
 */
export async function pipelined(...statements: (() => Promise<unknown>)[]): Promise<void> {
  await Promise.all(statements.map((statement) => statement()));
}
