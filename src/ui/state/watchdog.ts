/** Silence while the engine should be busy before it is asked whether it is alive. */
export const SILENT_MS = 8000;
/** Time a ping may go unanswered before the engine counts as gone. */
export const PONG_MS = 4000;

/**
 * Notices an engine that stopped answering. While the engine should be sending (playing,
 * loading, stepping), a silence of SILENT_MS sends a ping (answered at once by a live worker,
 * ahead of its command queue); no answer within PONG_MS calls onDead once. Any message from
 * the engine counts as an answer. Pure logic: the caller ticks it and feeds it messages.
 */
export class Watchdog {
  private lastHeard: number;
  private pingedAt: number | null = null;
  private dead = false;

  constructor(
    private readonly ping: () => void,
    private readonly onDead: (reason: string) => void,
    private readonly now: () => number,
  ) {
    this.lastHeard = now();
  }

  heard(): void {
    this.lastHeard = this.now();
    this.pingedAt = null;
    this.dead = false;
  }

  /** Called about once a second; `active`: the engine should be sending now. */
  tick(active: boolean): void {
    const t = this.now();
    if (!active || this.dead) {
      this.lastHeard = t;
      this.pingedAt = null;
      return;
    }
    if (this.pingedAt === null) {
      if (t - this.lastHeard < SILENT_MS) return;
      this.ping();
      this.pingedAt = t;
      return;
    }
    if (t - this.pingedAt < PONG_MS) return;
    this.dead = true;
    const silent = Math.round((t - this.lastHeard) / 1000);
    this.onDead(
      `The training engine has not answered for ${silent} s: it may be stuck in a very large step, or it has stopped.`,
    );
  }
}
