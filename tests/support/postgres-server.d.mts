export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT/receipts */
  url: string;
  port: number;
  /** Runs one statement with psql; its unaligned output. */
  psql(sql: string): Promise<string>;
  start(): Promise<void>;
  stop(): Promise<void>;
  crash(): Promise<void>;
  destroy(): Promise<void>;
}
export function postgresBinDir(): string | undefined;
export function startPostgres(): Promise<PostgresServer>;
