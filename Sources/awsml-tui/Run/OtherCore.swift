#if canImport(Glibc)
import Glibc
#endif
import CThreadPlacement
import Synchronization

/// One piece of work on a thread started on another core than the caller's
/// (`awsml_thread_start_elsewhere`), its result taken when the caller is
/// ready for it: `stats` reads the review counts there while it reads the
/// cards (each a pass over 90,000 rows of a big store).
///
///     let counts = OtherCore.start { try reader.reviewActivity(of: index, now: now) }
///     try store.forEachCard(of: index) { place, card in tally.add(card, at: place) }
///     let activity = try counts.value()   // waits for the thread
///
/// When no thread can be started the work is done in `start`, on the
/// caller's thread: the result is the same either way.
final class OtherCore<Value: Sendable>: Sendable {
    private let work: @Sendable () throws -> Value
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let thread = Mutex<pthread_t?>(nil)

    private init(_ work: @escaping @Sendable () throws -> Value) {
        self.work = work
    }

    static func start(_ work: @escaping @Sendable () throws -> Value) -> OtherCore<Value> {
        let job = OtherCore(work)
        let run = OtherCoreRun {
            let outcome = Result { try job.work() }
            job.result.withLock { $0 = outcome }
        }
        let context = Unmanaged.passRetained(run).toOpaque()
        var made = pthread_t()
        let status = awsml_thread_start_elsewhere(&made, { raw in
            Unmanaged<OtherCoreRun>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        if status == 0 {
            job.thread.withLock { $0 = made }
        } else {
            Unmanaged<OtherCoreRun>.fromOpaque(context).release()
            run.body()
        }
        return job
    }

    /// The work's result (or its error), once its thread has ended.
    func value() throws -> Value {
        if let thread = self.thread.withLock({ started -> pthread_t? in
            defer { started = nil }
            return started
        }) {
            pthread_join(thread, nil)
        }
        guard let outcome = result.withLock({ $0 }) else { preconditionFailure("the work ended without a result") }
        return try outcome.get()
    }
}

/// What the thread of an `OtherCore` runs (not generic: a C function
/// pointer cannot capture the value's type).
private final class OtherCoreRun: Sendable {
    let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }
}
