/** Node's timer as the Medium client's `sleep` port, for tests and the benchmark. */
import { setTimeout as delay } from "node:timers/promises";

export const nodeSleep = (ms: number): Promise<void> => delay(ms);
