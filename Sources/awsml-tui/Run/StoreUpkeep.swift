#if canImport(Glibc)
import Glibc
#endif
import AppCore
import CThreadPlacement
import DeckKit
import ProgressSQLite
import Synchronization
import StudyCore

/// The store's upkeep after the full screen's first frame, on a thread of
/// its own: today's copy of the store (`backUpDailyIfNeeded`) and the
/// outline of each post loaded, for `stats` (`PostOutlines`).
///
/// Both ran on the run loop after the first frame, and a key pressed then
/// waited for them: keeping the outline of a 100,000-fact post took 0.4–0.5
/// s, a day's first copy of a 200 MB store longer. Neither is needed by the
/// screen (the copy is a safety net, the outline a cache), so the loop goes
/// on at once. The thread writes through the store's own writer (GRDB's
/// `DatabasePool` is safe across threads and serialises writes): an answer
/// saved meanwhile waits at most for the outline's one short transaction,
/// as it would for a second process; the outline is made before it.
///
/// What went wrong comes back through `update` as `.storeUpkeepEnded`
/// (said in the status bar, not dropped), polled by the run loop
/// (`AppRunLoop.incoming`) as `QuestionPreparation` is. Quitting calls
/// `stop()`, which never waits for long: the copy stops at its next step, a
/// write in flight is interrupted (SQLite rolls it back; the outline is
/// written at the next opening), outlines being made are dropped, and work
/// not started is skipped.
///
///     let upkeep = StoreUpkeep(store: store, posts: posts, now: now)
///     runLoop.afterFirstFrame = upkeep.start
///     runLoop.incoming = upkeep.arrived
///     …
///     upkeep.stop()
final class StoreUpkeep: Sendable {
    /// Where the thread is; read by `stop()` to know whether to interrupt.
    enum Phase: Equatable {
        /// Keeping today's copy: it asks between steps whether to stop.
        case backingUp
        /// Asking the store which posts it has no outline of (a look-up each).
        case lookingUp
        /// Making the missing outlines (CPU, 50–70 ms for a 100,000-fact
        /// post, the store not held): `stop()` does not wait for it, and
        /// nothing is written once stopped.
        case making
        /// Encoding and writing the outlines (`saveOutlines`): asks whether
        /// to stop before its transaction, which `stop()` interrupts.
        case writing
        /// Finished (its problems, if any, in `problems`).
        case ended
    }

    /// Given up by `stop()` while the outlines are made, so the session's
    /// store closes as it ends without waiting for the thread.
    private let heldStore: Mutex<SQLiteProgressStore?>
    private let posts: [LoadedPost]
    private let now: Timestamp
    private let state = Mutex<(phase: Phase, stopping: Bool)>((.backingUp, false))
    /// What went wrong, set once by the thread as it ends.
    private let problems = Mutex<[String]?>(nil)
    private let delivered = Atomic<Bool>(false)
    private let startedOnce = Atomic<Bool>(false)
    /// The thread, once started; joined by `stop()`.
    private let thread = Mutex<pthread_t?>(nil)

    /// - Parameters:
    ///   - posts: the posts loaded, whose outlines the store may lack.
    ///   - now: the time, for naming today's copy and dating the outlines.
    init(store: SQLiteProgressStore, posts: [LoadedPost], now: Timestamp) {
        heldStore = Mutex(store)
        self.posts = posts
        self.now = now
    }

    /// Starts the thread (the first call only). When no thread can be
    /// started the work is done here, on the caller's thread, as before:
    /// nothing is skipped.
    func start() {
        guard !startedOnce.exchange(true, ordering: .relaxed), !isStopping() else { return }
        let context = Unmanaged.passRetained(self).toOpaque()
        var made = pthread_t()
        let status = awsml_thread_start_elsewhere(&made, { raw in
            let upkeep = Unmanaged<StoreUpkeep>.fromOpaque(raw!).takeRetainedValue()
            upkeep.work()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<StoreUpkeep>.fromOpaque(context).release()
            work()
            return
        }
        thread.withLock { $0 = made }
    }

    /// The work, in order; each step first asks whether `stop()` came.
    private func work() {
        var found: [String] = []
        defer {
            problems.withLock { $0 = found }
            state.withLock { $0.phase = .ended }
        }
        if let store = heldStore.withLock({ $0 }), !isStopping() {
            do {
                try store.backUpDailyIfNeeded(now: now, stopping: { [self] in isStopping() })
            } catch {
                if !isStopping() { found.append(error.summary) }
            }
        }
        let lacking: [LoadedPost]
        do {
            guard enter(.lookingUp), let store = heldStore.withLock({ $0 }) else { return }
            lacking = try PostOutlines.lacking(posts, in: store)
        } catch {
            if !isStopping() { found.append(PostOutlines.problem(error)) }
            return
        }
        guard !lacking.isEmpty, enter(.making) else { return }
        let made = PostOutlines.made(lacking)
        // Into the write only if not stopped meanwhile; `stop()` then interrupts it.
        guard enter(.writing), let store = heldStore.withLock({ $0 }) else { return }
        if let error = PostOutlines.save(made, loaded: posts, in: store, now: now, proceed: { [self] in !isStopping() }),
           !isStopping() {
            found.append(PostOutlines.problem(error))
        }
    }

    /// Moves on to `phase`, unless `stop()` came first.
    private func enter(_ phase: Phase) -> Bool {
        state.withLock { state -> Bool in
            guard !state.stopping else { return false }
            state.phase = phase
            return true
        }
    }

    private func isStopping() -> Bool { state.withLock { $0.stopping } }

    /// Whether the work has ended and what it found was handed over.
    var hasEnded: Bool { delivered.load(ordering: .relaxed) }

    /// What went wrong, as an action, the first time it is asked for once
    /// the work has ended; nil before, and ever after. Nothing to say is
    /// said too (`.storeUpkeepEnded([])`), so `update` knows it is done.
    func arrived() -> AppAction? {
        guard !delivered.load(ordering: .relaxed), let found = problems.withLock({ $0 }) else { return nil }
        delivered.store(true, ordering: .relaxed)
        return .storeUpkeepEnded(problems: found)
    }

    /// Ends the work at quitting: the step in progress is its last. A copy
    /// stops at its next step and a write in flight is interrupted (rolled
    /// back), and the thread is joined, so the store closes whole. Making
    /// the outlines (CPU, 50–70 ms on a 100,000-fact post) is not waited
    /// for: the thread gives the store up, writes nothing after it, and
    /// ends by itself.
    func stop() {
        let phase = state.withLock { state -> Phase in
            state.stopping = true
            return state.phase
        }
        if phase == .writing { heldStore.withLock { $0 }?.interrupt() }
        guard let thread = self.thread.withLock({ started -> pthread_t? in
            defer { started = nil }
            return started
        }) else { return }
        if phase == .making {
            heldStore.withLock { $0 = nil }
            pthread_detach(thread)
        } else {
            pthread_join(thread, nil)
        }
    }
}
