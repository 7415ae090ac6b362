/**
 * Keeps the main thread from waiting on a worker's long write. better-sqlite3 is synchronous:
 * a save on the main connection while a worker holds the write lock would freeze the window
 * for up to the busy timeout and then fail. While a writing job runs in a worker, main-thread
 * writes are queued here instead (awaited, not blocked on) and run, in order, when it ends.
 */
export class WriteGate {
  private readonly running = new Map<number, string>();
  private nextTicket = 0;
  private waiters: (() => void)[] = [];

  /** The writing job holding the gate, if any (shown as "waiting for the import to finish"). */
  get writer(): string | null {
    for (const name of this.running.values()) return name;
    return null;
  }

  /** A writing job starts; call the returned function when it ends (however it ends). */
  hold(jobName: string): () => void {
    const ticket = this.nextTicket++;
    this.running.set(ticket, jobName);
    return () => {
      if (!this.running.delete(ticket) || this.running.size > 0) return;
      const waiting = this.waiters;
      this.waiters = [];
      for (const wake of waiting) wake();
    };
  }

  /** Runs `write` now when no writing job runs, else once they have all ended. */
  async whenFree<T>(write: () => T | Promise<T>): Promise<T> {
    while (this.running.size > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return write();
  }
}
