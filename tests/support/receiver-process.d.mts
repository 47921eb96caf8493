export const ROOT: string;
export const CLI: string;
export const TEST_ORIGIN: string;
export interface ReceiverProcess {
  url: string;
  pid: number;
  readonly stdout: string;
  readonly stderr: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
export interface TestReceipt {
  consentId: string;
  time: number;
  revision: number;
  site: string;
  categories: Record<string, boolean>;
  method: string;
}
export function startReceiver(args: string[], options?: { env?: Record<string, string> }): Promise<ReceiverProcess>;
export function makeReceipt(overrides?: Partial<TestReceipt>): TestReceipt;
export function postReceipt(
  url: string,
  body: unknown,
  options?: { type?: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: Headers; json: any; text: string }>;
